package org.waypoint.api.security;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import org.waypoint.core.account.ApiScope;
import org.waypoint.core.shared.Actor;

/** The request's security context once signed in: the actor, and for an API client the scopes of its token (null for a person). */
record ActorSecurityContext(Actor actor, String scheme, boolean secure, Set<ApiScope> apiClientScopes) implements SecurityContext {

    /** The scopes when an API client called; empty for a person. */
    Optional<Set<ApiScope>> scopes() {
        return Optional.ofNullable(apiClientScopes);
    }

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
        return scheme;
    }
}
