package org.waypoint.api.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Set;
import org.waypoint.core.account.Allowed;
import org.waypoint.core.account.Public;
import org.waypoint.core.account.Role;
import org.waypoint.core.shared.NotPermittedException;
import org.waypoint.core.shared.NotSignedInException;

/**
 * Enforces {@link Allowed} and {@link Public} on every resource method: not signed in is
 * 401, the wrong role 403. A method with neither annotation is refused to everyone, so forgetting one
 * fails closed (and a test fails the build).
 */
@Provider
public class RoleCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        if (method.isAnnotationPresent(Public.class)) {
            return;
        }
        Allowed allowed = method.getAnnotation(Allowed.class);
        context.register(new Check(allowed == null ? Set.of() : Set.of(allowed.value())));
    }

    @Priority(Priorities.AUTHORIZATION)
    private static final class Check implements ContainerRequestFilter {

        private final Set<Role> roles;

        Check(Set<Role> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (request.getSecurityContext().getUserPrincipal() == null) {
                throw new NotSignedInException();
            }
            if (roles.stream().noneMatch(role -> request.getSecurityContext().isUserInRole(role.name()))) {
                throw new NotPermittedException("use this");
            }
        }
    }
}
