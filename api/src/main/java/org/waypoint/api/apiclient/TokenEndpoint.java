package org.waypoint.api.apiclient;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waypoint.api.UnrecognisedParametersIgnored;
import org.waypoint.api.problem.Problem;
import org.waypoint.core.account.ApiClientRefusedException;
import org.waypoint.core.account.ApiClients;
import org.waypoint.core.account.ApiScope;
import org.waypoint.core.account.IssuedAccessToken;

/**
 * The OAuth 2.0 token endpoint, client-credentials grant only (RFC 6749 §4.4). Its answers are
 * OAuth's own, §5.1 and §5.2, not problem+json: every OAuth client library reads {@code error} from a
 * JSON object here, and a problem document would leave it reporting an unknown failure. (What is
 * refused before it runs — an unreadable header, another content type, a rate limit — is a problem,
 * as everywhere.) Failures lock nobody out; the endpoint is limited by address instead.
 */
@Tag(name = "OAuth", description = "The token endpoint where API clients trade their credentials for access tokens.")
@Path("v1/oauth/token")
@RequestScoped
public class TokenEndpoint {

    private static final String BASIC = "Basic ";
    private static final String CHALLENGE = "Basic realm=\"waypoint\", charset=\"UTF-8\"";
    private static final List<String> PARAMETERS = List.of("grant_type", "scope", "client_id", "client_secret");

    private final ApiClients clients;

    @Inject
    public TokenEndpoint(ApiClients clients) {
        this.clients = clients;
    }

    /** For CDI's proxy only. */
    protected TokenEndpoint() {
        this(null);
    }

    @Schema(description = "An access token (RFC 6749 §5.1).", requiredProperties = {"access_token", "token_type", "expires_in", "scope"})
    public record AccessTokenResponse(
            @JsonbProperty("access_token") @Schema(name = "access_token", description = "Send it as `Authorization: Bearer …`.") String accessToken,
            @JsonbProperty("token_type") @Schema(name = "token_type", enumeration = "Bearer") String tokenType,
            @JsonbProperty("expires_in") @Schema(name = "expires_in", description = "Seconds until it expires.", format = "int64") long expiresIn,
            @Schema(description = "The scopes granted, space-separated.") String scope) {

        @Override
        public String toString() {
            return "AccessTokenResponse[…]";
        }
    }

    @Schema(description = "A refused token request (RFC 6749 §5.2).", requiredProperties = "error")
    public record OAuthError(
            @Schema(enumeration = {"invalid_request", "invalid_client", "invalid_grant", "unauthorized_client",
                    "unsupported_grant_type", "invalid_scope"}) String error,
            @JsonbProperty("error_description") @Schema(name = "error_description") String errorDescription) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get an access token with client credentials",
            description = "The OAuth 2.0 client-credentials grant (RFC 6749 §4.4): `grant_type=client_credentials`, the client "
                    + "authenticated with HTTP Basic (`client_id:client_secret`, each form-encoded) or with `client_id` and "
                    + "`client_secret` form fields, never both; `scope` narrows the token to some of the client's scopes. "
                    + "The token is valid for `expires_in` seconds (15 minutes unless the operator set otherwise) and refused "
                    + "at once when the client is revoked. Parameters it does not recognise are ignored, and one sent without "
                    + "a value counts as not sent (RFC 6749 §3.2). Its refusals are OAuth's JSON (`error`, `error_description`), "
                    + "as OAuth clients expect here; a request refused before the endpoint reads it (an unreadable `Accept` or "
                    + "`If-Match` header, another content type, a rate limit) is answered in problem+json, as everywhere else.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(ref = "ClientCredentialsRequest")))
    @APIResponse(responseCode = "200", description = "A new access token.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AccessTokenResponse")))
    @APIResponse(responseCode = "400", description = "`invalid_request`, `unsupported_grant_type` or `invalid_scope`; or a "
            + "problem when a header of the request cannot be read.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OAuthError")),
                    @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))})
    @APIResponse(responseCode = "401", description = "`invalid_client`: unknown client, wrong secret, or a revoked client.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OAuthError")))
    @PermitAll
    @UnrecognisedParametersIgnored
    public Response token(MultivaluedMap<String, String> form, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        MultivaluedMap<String, String> given = form == null ? new MultivaluedHashMap<>() : form;
        for (String parameter : PARAMETERS) {
            List<String> values = given.get(parameter);
            if (values != null && values.size() > 1) {
                return error(400, "invalid_request", parameter + " is given more than once");
            }
        }
        String grantType = value(given, "grant_type");
        if (grantType == null) {
            return error(400, "invalid_request", "grant_type is required");
        }
        if (!"client_credentials".equals(grantType)) {
            return error(400, "unsupported_grant_type", "only client_credentials is supported");
        }
        String clientId = value(given, "client_id");
        String secret = value(given, "client_secret");
        boolean basic = authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length());
        if (basic) {
            if (clientId != null && secret != null) {
                return error(400, "invalid_request", "the client authenticates one way only: HTTP Basic or the form");
            }
            Optional<String[]> pair = basicCredentials(authorization.substring(BASIC.length()).strip());
            if (pair.isEmpty() || (clientId != null && !clientId.equals(pair.get()[0]))) {
                return error(401, "invalid_client", "client authentication failed");
            }
            clientId = pair.get()[0];
            secret = pair.get()[1];
        } else if (clientId == null || secret == null) {
            return error(401, "invalid_client", "client authentication failed");
        }
        try {
            IssuedAccessToken issued = clients.issueToken(clientId, secret, Optional.ofNullable(value(given, "scope")));
            return Response.ok(new AccessTokenResponse(issued.secret(), "Bearer", issued.validity().toSeconds(),
                            ApiScope.list(issued.scopes())), MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header("Pragma", "no-cache")
                    .build();
        } catch (ApiClientRefusedException refused) {
            return switch (refused.reason()) {
                case INVALID_CLIENT -> error(401, "invalid_client", "client authentication failed");
                case INVALID_SCOPE -> error(400, "invalid_scope", "scope names a scope this client does not have");
            };
        }
    }

    /** A parameter's value; one sent without a value counts as not sent (RFC 6749 §3.2). */
    private static String value(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** {@code client_id:client_secret}, each form-encoded before Base64 (RFC 6749 §2.3.1). */
    private static Optional<String[]> basicCredentials(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            return Optional.of(new String[] {
                    URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)});
        } catch (IllegalArgumentException notBase64OrNotFormEncoded) {
            return Optional.empty();
        }
    }

    private static Response error(int status, String code, String description) {
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .entity(new OAuthError(code, description));
        if (status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        return response.build();
    }
}
