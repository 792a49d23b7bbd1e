package org.waypoint.api.limits;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.waypoint.api.security.BearerAuthentication;

/**
 * Limits each token that signed a request in, once authentication has run and before the role check:
 * an unknown token signs nothing in and is limited by address only.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 500)
public class TokenRateLimit implements ContainerRequestFilter {

    @Inject
    RateLimiter limiter;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getProperty(BearerAuthentication.TOKEN) instanceof String token) {
            RateLimits.countToken(request, limiter, token);
        }
    }
}
