package org.waypoint.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.waypoint.core.account.OrganisationSignInAttempt;
import org.waypoint.core.account.OrganisationSignInFailed;
import org.waypoint.core.account.OrganisationSignInFailed.Reason;
import org.waypoint.core.account.OrganisationSignIns;
import org.waypoint.core.account.OrganisationSignIns.Returning;
import org.waypoint.core.account.OrganisationSignIns.Started;
import org.waypoint.core.organisation.IdentityProvider;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.web.session.Me;
import org.waypoint.web.session.ReturnAddress;

/**
 * Signing in through an organisation's own OpenID Connect provider
 * (docs/adr/0022-organisations-sign-in-with-openid-connect.md): the authorisation code flow with PKCE,
 * by the Nimbus OAuth 2.0 SDK. {@value #START} sends the browser to the provider with a new state, nonce
 * and S256 code challenge, kept in the database ({@link OrganisationSignIns}) and bound to this browser by
 * the cookie {@value #COOKIE}; {@value #CALLBACK}, the one redirect URI of a deployment (the public
 * address and this path), takes that sign-in once, exchanges the code with the client secret
 * (client_secret_basic, from the configuration property the administrator named), validates the ID token
 * (signature by the provider's published keys, issuer, audience, expiry, nonce), and signs in the account
 * with the verified e-mail address, when it is one of that organisation's. The provider owns the
 * authentication: no Waypoint second factor is asked. Any failure shows the same page and says nothing of
 * the token, the address or the provider's message; its reason is audited and logged without them.
 */
@WebServlet({OrganisationSignIn.START, OrganisationSignIn.CALLBACK})
public class OrganisationSignIn extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(OrganisationSignIn.class.getName());

    /** Where the sign-in page's "Sign in with your organisation's account" buttons lead. */
    public static final String START = "/sign-in/organisation";
    /** The redirect URI's path: register {@code <waypoint.public-url>/sign-in/callback} with the provider. */
    public static final String CALLBACK = "/sign-in/callback";
    /** The cookie binding a sign-in to the browser that began it. */
    static final String COOKIE = "waypoint_sign_in";
    /** The sign-in page that says a sign-in through an organisation failed. */
    static final String FAILED = "/sign-in?organisationFailed=true";

    private static final int TIMEOUT_MILLIS = 5_000;

    @Inject
    transient OrganisationSignIns signIns;

    @Inject
    transient SessionSignIn sessions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (START.equals(request.getServletPath())) {
            start(request, response);
        } else {
            callback(request, response);
        }
    }

    private void start(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String organisationId = request.getParameter("organisation");
        String returnTo = ReturnAddress.checked(request.getParameter(ReturnAddress.PARAMETER)).orElse(null);
        Started started;
        try {
            started = signIns.begin(organisationId, returnTo);
        } catch (NotFoundException noProvider) {
            LOG.info("Organisation sign-in not begun: no such organisation with a provider");
            failed(request, response);
            return;
        }
        IdentityProvider provider = started.provider();
        OIDCProviderMetadata metadata;
        try {
            metadata = metadata(provider);
        } catch (OrganisationSignInFailed unreachable) {
            refused(request, response, provider.organisationId(), unreachable.reason());
            return;
        }
        AuthenticationRequest authorisation = new AuthenticationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                new Scope("openid", "email"), new ClientID(provider.clientId()), redirectUri())
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(new State(started.state()))
                .nonce(new Nonce(started.nonce()))
                .codeChallenge(new CodeVerifier(started.codeVerifier()), CodeChallengeMethod.S256)
                .build();
        response.addCookie(bindingCookie(request, started.browserSecret(), (int) OrganisationSignInAttempt.VALIDITY.toSeconds()));
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", authorisation.toURI().toString());
    }

    private void callback(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String browserSecret = SessionSignIn.cookieValue(request, COOKIE);
        response.addCookie(bindingCookie(request, "", 0));
        AuthenticationSuccessResponse answer;
        try {
            AuthenticationResponse parsed = AuthenticationResponseParser.parse(new URI(redirectUri() + query(request)));
            if (!parsed.indicatesSuccess()) {
                // The provider's error (the person cancelled, or it refused): the state is still used up.
                State state = parsed.getState();
                refuseState(request, response, state == null ? null : state.getValue(), browserSecret);
                return;
            }
            answer = parsed.toSuccessResponse();
        } catch (ParseException | URISyntaxException malformed) {
            LOG.info("Organisation sign-in refused: the callback's parameters are malformed");
            failed(request, response);
            return;
        }
        Returning back;
        try {
            back = signIns.resume(answer.getState() == null ? null : answer.getState().getValue(), browserSecret);
        } catch (OrganisationSignInFailed refused) {
            log(refused.reason());
            failed(request, response);
            return;
        }
        IdentityProvider provider = back.provider();
        String organisationId = provider.organisationId();
        Vouched vouched;
        try {
            vouched = vouched(provider, back, answer);
        } catch (OrganisationSignInFailed refused) {
            refused(request, response, organisationId, refused.reason());
            return;
        }
        Actor actor;
        try {
            actor = signIns.signIn(organisationId, vouched.subject(), vouched.email());
        } catch (OrganisationSignInFailed refused) {
            // Audited by the domain, which knew the account, if any.
            log(refused.reason());
            failed(request, response);
            return;
        }
        sessions.signIn(request, response, actor);
        String next = back.returnTo().flatMap(ReturnAddress::checked).orElse(Me.home(actor));
        continueTo(request, response, next);
    }

    /**
     * Whom the ID token names, its subject and verified e-mail address, from the code: exchanged, the token
     * validated by the provider's keys. An answer that names another issuer, or none where the provider
     * says it always does (RFC 9207), is refused before the code goes anywhere.
     */
    private static Vouched vouched(IdentityProvider provider, Returning back, AuthenticationSuccessResponse answer) {
        OIDCProviderMetadata metadata = metadata(provider);
        Issuer named = answer.getIssuer();
        if (named == null ? metadata.supportsAuthorizationResponseIssuerParam() : !named.equals(metadata.getIssuer())) {
            throw new OrganisationSignInFailed(Reason.OTHER_ISSUER);
        }
        AuthorizationCode code = answer.getAuthorizationCode();
        String secret = ConfigProvider.getConfig().getOptionalValue(provider.secretName(), String.class).orElse(null);
        if (secret == null || secret.isEmpty()) {
            LOG.warning(() -> "Organisation sign-in: the client secret's property " + provider.secretName()
                    + " is not set for " + provider);
            throw new OrganisationSignInFailed(Reason.PROVIDER_ERROR);
        }
        ClientID client = new ClientID(provider.clientId());
        JWT idToken;
        try {
            HTTPRequest exchange = new TokenRequest(metadata.getTokenEndpointURI(), new ClientSecretBasic(client, new Secret(secret)),
                    new AuthorizationCodeGrant(code, redirectUri(), new CodeVerifier(back.codeVerifier()))).toHTTPRequest();
            exchange.setConnectTimeout(TIMEOUT_MILLIS);
            exchange.setReadTimeout(TIMEOUT_MILLIS);
            TokenResponse tokens = OIDCTokenResponseParser.parse(exchange.send());
            if (!tokens.indicatesSuccess()) {
                throw new OrganisationSignInFailed(Reason.PROVIDER_ERROR);
            }
            idToken = ((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken();
        } catch (IOException | ParseException | ClassCastException | NullPointerException exchangeFailed) {
            throw new OrganisationSignInFailed(Reason.PROVIDER_ERROR);
        }
        if (idToken == null) {
            throw new OrganisationSignInFailed(Reason.INVALID_TOKEN);
        }
        IDTokenClaimsSet claims;
        try {
            IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), client, algorithm(metadata),
                    metadata.getJWKSetURI().toURL());
            claims = validator.validate(idToken, new Nonce(back.nonce()));
        } catch (BadJOSEException | JOSEException | IOException | IllegalArgumentException | NullPointerException invalid) {
            throw new OrganisationSignInFailed(Reason.INVALID_TOKEN);
        }
        Object email = claims.getClaim(provider.emailClaim());
        Object verified = claims.getClaim("email_verified");
        if (!(email instanceof String address) || Boolean.FALSE.equals(verified) || "false".equals(verified)) {
            throw new OrganisationSignInFailed(Reason.NO_EMAIL);
        }
        return new Vouched(claims.getSubject().getValue(), address);
    }

    /** Whom a validated ID token names: the provider's stable subject, and the verified e-mail address. */
    private record Vouched(String subject, String email) {
    }

    /** The algorithm the provider signs ID tokens with: RS256 (which every provider must offer) unless it offers only others. */
    private static JWSAlgorithm algorithm(OIDCProviderMetadata metadata) {
        List<JWSAlgorithm> offered = metadata.getIDTokenJWSAlgs();
        if (offered == null || offered.isEmpty() || offered.contains(JWSAlgorithm.RS256)) {
            return JWSAlgorithm.RS256;
        }
        return offered.stream().filter(a -> JWSAlgorithm.Family.SIGNATURE.contains(a)).findFirst()
                .orElseThrow(() -> new OrganisationSignInFailed(Reason.PROVIDER_ERROR));
    }

    /** The provider's discovery document, read at each use: it is public, and nothing is kept in an instance's memory. */
    private static OIDCProviderMetadata metadata(IdentityProvider provider) {
        try {
            OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(provider.issuer()), TIMEOUT_MILLIS, TIMEOUT_MILLIS);
            if (metadata.getAuthorizationEndpointURI() == null || metadata.getTokenEndpointURI() == null
                    || metadata.getJWKSetURI() == null) {
                throw new OrganisationSignInFailed(Reason.PROVIDER_ERROR);
            }
            return metadata;
        } catch (GeneralException | IOException | RuntimeException unreachable) {
            if (unreachable instanceof OrganisationSignInFailed failed) {
                throw failed;
            }
            LOG.warning(() -> "Organisation sign-in: the discovery document of " + provider + " could not be read: "
                    + unreachable.getClass().getName());
            throw new OrganisationSignInFailed(Reason.PROVIDER_ERROR);
        }
    }

    /** The deployment's one redirect URI: the public address e-mail links use, and {@value #CALLBACK}. */
    public static URI redirectUri() {
        String base = ConfigProvider.getConfig().getOptionalValue("waypoint.public-url", String.class).orElse("http://localhost:8080");
        return URI.create(base.replaceAll("/+$", "") + CALLBACK);
    }

    private static String query(HttpServletRequest request) {
        return request.getQueryString() == null ? "" : "?" + request.getQueryString();
    }

    private void refuseState(HttpServletRequest request, HttpServletResponse response, String state, String browserSecret)
            throws IOException {
        try {
            Returning back = signIns.resume(state, browserSecret);
            signIns.failed(back.provider().organisationId(), Reason.PROVIDER_ERROR);
            log(Reason.PROVIDER_ERROR);
        } catch (OrganisationSignInFailed refused) {
            log(refused.reason());
        }
        failed(request, response);
    }

    private void refused(HttpServletRequest request, HttpServletResponse response, String organisationId, Reason reason)
            throws IOException {
        signIns.failed(organisationId, reason);
        log(reason);
        failed(request, response);
    }

    private static void log(Reason reason) {
        LOG.info(() -> "Organisation sign-in refused: " + reason);
    }

    private static void failed(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + FAILED);
    }

    /**
     * Goes on to {@code path} from a page of this site rather than by a redirect: the session cookie just
     * set is SameSite=Strict, and a browser does not send it along a redirect chain that passed through the
     * provider's site.
     */
    private static void continueTo(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        String address = escape(request.getContextPath() + path);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"0;url=" + address + "\"><title>Signed in - Waypoint</title></head>"
                + "<body><p><a id=\"continue\" href=\"" + address + "\">Continue to Waypoint</a></p></body></html>\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * The binding cookie: for the sign-in's addresses only, not readable by script, and SameSite=Lax, so that
     * the browser sends it with the provider's redirect back to the callback (a top-level visit another site
     * started); the state it binds is used once and only with this cookie, so a callback address another
     * site sends signs nobody in.
     */
    private static Cookie bindingCookie(HttpServletRequest request, String value, int maxAge) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setPath(request.getContextPath() + "/sign-in");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
