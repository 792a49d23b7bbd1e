package org.waypoint.api.account;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import org.waypoint.api.json.Limit;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waypoint.api.Bodies;
import org.waypoint.api.security.RequestActor;
import org.waypoint.core.account.PasswordSignInRefused;
import org.waypoint.core.account.Roles;
import org.waypoint.core.account.Role;
import org.waypoint.core.account.AccountService;
import org.waypoint.core.account.ApiToken;
import org.waypoint.core.account.IssuedToken;
import org.waypoint.core.account.SecondFactors;
import org.waypoint.api.problem.ProblemException;
import org.waypoint.api.problem.ProblemType;
import org.waypoint.core.account.UserAccount;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.NotSignedInException;

/** The signed-in user and their personal API tokens; and signing in for a first token. */
@Tag(name = "Me", description = "The signed-in user, tokens, and signing in.")
@Path("v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    private static final int DEFAULT_TOKEN_DAYS = 90;

    private final AccountService accounts;
    private final SecondFactors secondFactors;
    private final RequestActor actor;

    @Inject
    public AccountResource(AccountService accounts, SecondFactors secondFactors, RequestActor actor) {
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.actor = actor;
    }

    /** For CDI's proxy only. */
    protected AccountResource() {
        this(null, null, null);
    }

    @Schema(requiredProperties = {"id", "email", "displayName", "role", "organisationId", "organisationName"})
    public record Me(String id, String email, String displayName, @Schema(implementation = Role.class) String role,
                     String organisationId,
                     String organisationName) {
    }

    public record TokenRequest(@Limit(max = 100) String name, Integer validForDays) {
    }

    @Schema(requiredProperties = {"email", "password"})
    public record SignIn(@NotNull @Limit(max = 254) String email, @NotNull @Limit(max = 1000) String password,
                         @Limit(max = 100) String tokenName, Integer validForDays,
                         @Schema(description = "For an account with a second factor: the six-digit code from its authenticator app, or one of its recovery codes.")
                         @Limit(max = 20) String code) {

        @Override
        public String toString() {
            return "SignIn[…]";
        }
    }

    @Schema(requiredProperties = {"id", "name", "createdAt", "expiresAt"})
    public record TokenResponse(String id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt) {
    }

    /** A token just created: {@code token} is shown this once. */
    @Schema(description = "A personal API token just created: `token` is shown this once.",
            requiredProperties = {"id", "name", "expiresAt", "token"})
    public record NewToken(String id, String name, Instant expiresAt, String token) {
    }

    @Operation(summary = "Who is signed in",
            description = "The signed-in user: their account, role and organisation.")
    @GET
    @Path("me")
    @SecurityRequirement(name = "bearer")
    @RolesAllowed({Roles.CASEWORKER, Roles.SERVICE_STAFF, Roles.ADMIN})
    public Me me() {
        UserAccount account = accounts.me(actor.required());
        return new Me(account.id(), account.email().value(), account.displayName(), account.role().name(),
                account.organisation().id(), account.organisation().name());
    }

    /** Signs in with e-mail address and password and returns a new personal API token. */
    @Operation(summary = "Sign in for a personal token",
            description = "Signs in with an e-mail address and password and returns a new personal API token, shown this once. "
                    + "Five wrong passwords lock the account for a while. An account with a second factor also sends `code`: "
                    + "without it the answer is 401 of type `second-factor-required`; five wrong codes lock its codes for a while. "
                    + "An account that must have a second factor and has not set one up yet is refused (403, `second-factor-not-set-up`): "
                    + "its holder signs in on the pages first, which sets one up. The staff of an organisation that signs them in through "
                    + "its own identity provider get no token by password: their right password is refused (403, `organisation-sign-in-required`).")
    @POST
    @Path("auth/token")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Signed in: a new token, whose `token` is shown this once.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "NewToken")))
    @PermitAll
    public Response signIn(SignIn body) {
        Bodies.valid(body);
        char[] password = body.password().toCharArray();
        try {
            Actor signedIn;
            try {
                signedIn = accounts.signIn(new EmailAddress(body.email()), password).orElseThrow(NotSignedInException::new);
            } catch (PasswordSignInRefused refused) {
                throw new ProblemException(ProblemType.ORGANISATION_SIGN_IN_REQUIRED, refused.getMessage());
            }
            switch (secondFactors.afterPassword(signedIn)) {
                case ENROL -> throw new ProblemException(ProblemType.SECOND_FACTOR_NOT_SET_UP,
                        "This account must have a second factor. Sign in on the pages to set one up, then ask again with its code.");
                case CODE -> {
                    if (body.code() == null || body.code().isBlank()) {
                        throw new ProblemException(ProblemType.SECOND_FACTOR_REQUIRED,
                                "Send the code from the account's authenticator app, or a recovery code, as `code`.");
                    }
                    if (secondFactors.check(signedIn, body.code()) != SecondFactors.Check.ACCEPTED) {
                        throw new NotSignedInException();
                    }
                }
                case SIGNED_IN -> {
                    // a password is all this account needs
                }
            }
            return created(accounts.createToken(signedIn, body.tokenName() == null ? "API" : body.tokenName(),
                    validity(body.validForDays())));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @Operation(summary = "List my tokens",
            description = "The signed-in user's personal API tokens, without their secrets.")
    @GET
    @Path("me/tokens")
    @SecurityRequirement(name = "bearer")
    @RolesAllowed({Roles.CASEWORKER, Roles.SERVICE_STAFF, Roles.ADMIN})
    public List<TokenResponse> tokens() {
        return accounts.tokens(actor.required()).stream().map(AccountResource::token).toList();
    }

    @Operation(summary = "Create a token",
            description = "A new personal API token for the signed-in user, shown this once; valid 90 days unless `validForDays` says otherwise.")
    @POST
    @Path("me/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "201", description = "A new token, whose `token` is shown this once.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "NewToken")))
    @RolesAllowed({Roles.CASEWORKER, Roles.SERVICE_STAFF, Roles.ADMIN})
    public Response createToken(TokenRequest body) {
        TokenRequest request = body == null ? new TokenRequest(null, null) : Bodies.valid(body);
        return created(accounts.createToken(actor.required(), request.name() == null ? "API" : request.name(),
                validity(request.validForDays())));
    }

    @Operation(summary = "Revoke a token",
            description = "Revokes one of the signed-in user's tokens at once.")
    @DELETE
    @Path("me/tokens/{id}")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "204", description = "The token is revoked.")
    @RolesAllowed({Roles.CASEWORKER, Roles.SERVICE_STAFF, Roles.ADMIN})
    public Response revoke(@PathParam("id") String id) {
        accounts.revokeToken(actor.required(), id);
        return Response.noContent().build();
    }

    private static Duration validity(Integer days) {
        return Duration.ofDays(days == null ? DEFAULT_TOKEN_DAYS : days);
    }

    private static Response created(IssuedToken issued) {
        ApiToken token = issued.token();
        return Response.status(Response.Status.CREATED)
                .entity(new NewToken(token.id(), token.name(), token.expiresAt(), issued.secret())).build();
    }

    private static TokenResponse token(ApiToken token) {
        return new TokenResponse(token.id(), token.name(), token.createdAt(), token.expiresAt(),
                token.revokedAt().orElse(null));
    }
}
