package org.waypoint.api.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import java.util.Optional;
import java.util.Set;
import org.waypoint.core.account.AccountService;
import org.waypoint.core.account.ApiClients;
import org.waypoint.core.shared.Actor;

/**
 * Signs the request in from {@code Authorization: Bearer <personal API token>}, or else from the
 * browser session of the pages. A session signs in a request that changes something only when the
 * browser says it comes from our own pages ({@code Sec-Fetch-Site: same-origin}), on top of the
 * session cookie being SameSite=Strict. An API client's access token ({@code wpat_…}) signs in the client,
 * with its token's scopes. A missing or unknown token leaves the request anonymous;
 * the role check then decides.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthentication implements ContainerRequestFilter {

    /** The request property holding the bearer token that signed the request in, for the per-token rate limit. */
    public static final String TOKEN = "waypoint.bearerToken";
    private static final String BEARER = "Bearer ";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    AccountService accounts;

    @Inject
    ApiClients apiClients;

    @Inject
    RequestActor requestActor;

    @Inject
    SessionSignIn sessions;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<Actor> actor;
        String scheme;
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = header.substring(BEARER.length()).strip();
            if (token.startsWith(ApiClients.ACCESS_TOKEN_PREFIX)) {
                apiClients.authenticate(token).ifPresent(caller -> {
                    requestActor.signedIn(caller.actor(), caller.scopes());
                    request.setProperty(TOKEN, token);
                    request.setSecurityContext(new ActorSecurityContext(caller.actor(), "Bearer",
                            request.getSecurityContext().isSecure(), caller.scopes()));
                });
                return;
            }
            actor = accounts.authenticate(token);
            actor.ifPresent(signedIn -> request.setProperty(TOKEN, token));
            scheme = "Bearer";
        } else if (SAFE_METHODS.contains(request.getMethod())
                || "same-origin".equals(request.getHeaderString("Sec-Fetch-Site"))) {
            actor = sessions.actor(servletRequest);
            scheme = "Session";
        } else {
            return;
        }
        actor.ifPresent(signedIn -> {
            requestActor.signedIn(signedIn);
            request.setSecurityContext(new ActorSecurityContext(signedIn, scheme, request.getSecurityContext().isSecure(), null));
        });
    }
}
