package org.waypoint.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.Set;
import org.waypoint.api.security.RequestActor;
import org.waypoint.core.account.AccountService;
import org.waypoint.core.account.ApiClients;
import org.waypoint.core.account.Caller;

/**
 * The application's one authentication mechanism, asked by the container about every request before
 * any filter, servlet, page or resource sees it. In order:
 * <ol>
 * <li>{@code Authorization: Bearer …}: a person's API token, or an API client's access token ({@code wpat_…},
 * with its scopes), which signs in to the API ({@code /api/}) only: an API client has no pages and no
 * administrators' addresses. A request that presents a token is judged by that token alone: an unknown
 * one leaves it anonymous, never falls back to a session.</li>
 * <li>The browser session's cookie ({@link SessionSignIn}). A change to the API ({@code POST}, {@code PUT},
 * {@code DELETE} under {@code /api/}) is signed in by a session only when the browser says it comes from
 * our own pages ({@code Sec-Fetch-Site: same-origin}); the pages' own forms carry a form token instead.</li>
 * </ol>
 * The caller reaches the container as a {@link Caller} with its role as its one group, and the request
 * keeps it for everything after ({@link RequestActor}). Nobody found is anonymous: whether that may go on is for
 * the resource's {@code @RolesAllowed}/{@code @PermitAll} or the page's sign-in redirect to say. Static
 * files are answered without looking anyone up.
 */
@ApplicationScoped
public class WaypointAuthentication implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    AccountService accounts;

    @Inject
    ApiClients apiClients;

    @Inject
    SessionSignIn sessions;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        return caller(request).map(caller -> {
            request.setAttribute(RequestActor.CALLER, caller);
            return context.notifyContainerAboutLogin(caller, Set.of(caller.actor().role().name()));
        }).orElseGet(context::doNothing);
    }

    private Optional<Caller> caller(HttpServletRequest request) {
        // The address as the container mapped it, decoded and without path parameters (/api;x/v1 is /api/v1).
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        Optional<String> token = bearerToken(request);
        if (token.isPresent()) {
            if (token.get().startsWith(ApiClients.ACCESS_TOKEN_PREFIX)) {
                return path.startsWith("/api/") ? apiClients.authenticate(token.get()) : Optional.empty();
            }
            return accounts.authenticate(token.get()).map(Caller::person);
        }
        if (isStatic(path) || (path.startsWith("/api/") && !SAFE_METHODS.contains(request.getMethod())
                && !"same-origin".equals(request.getHeader("Sec-Fetch-Site")))) {
            return Optional.empty();
        }
        return sessions.actor(request).map(Caller::person);
    }

    /** The bearer token the request presents, if it presents one. */
    public static Optional<String> bearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).strip());
    }

    private static boolean isStatic(String path) {
        return path.startsWith("/css/") || path.startsWith("/webjars/") || path.startsWith("/js/")
                || path.startsWith("/api-docs/") || path.contains("/jakarta.faces.resource/");
    }
}
