package org.waypoint.api.limits;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.waypoint.api.security.RequestActor;

/**
 * Limits each token that signed a request in, before the role check: a request signed in by its bearer
 * token counts against that token; an unknown token signed nothing in and is limited by address only.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 500)
public class TokenRateLimit implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    RateLimiter limiter;

    @Inject
    RequestActor requestActor;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (requestActor.caller().isPresent() && header != null
                && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            RateLimits.countToken(request, limiter, header.substring(BEARER.length()).strip());
        }
    }
}
