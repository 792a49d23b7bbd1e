package org.waypoint.api.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import org.waypoint.core.account.AccountService;
import org.waypoint.core.shared.Actor;

/**
 * Signs the request in from {@code Authorization: Bearer <personal API token>}. A missing or unknown
 * token leaves the request anonymous; the role check then decides.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthentication implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    AccountService accounts;

    @Inject
    RequestActor requestActor;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return;
        }
        accounts.authenticate(header.substring(BEARER.length()).strip()).ifPresent(actor -> {
            requestActor.signedIn(actor);
            request.setSecurityContext(new ActorSecurityContext(actor, request.getSecurityContext().isSecure()));
        });
    }

    private record ActorSecurityContext(Actor actor, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return actor::userId;
        }

        @Override
        public boolean isUserInRole(String role) {
            return actor.role().name().equals(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
