package org.waypoint.api.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Set;
import org.waypoint.api.problem.Problem;
import org.waypoint.api.problem.ProblemResponses;
import org.waypoint.api.problem.ProblemType;
import org.waypoint.core.account.Allowed;
import org.waypoint.core.account.ApiScope;
import org.waypoint.core.account.Public;
import org.waypoint.core.account.RequiresScope;
import org.waypoint.core.account.Role;
import org.waypoint.core.shared.NotPermittedException;
import org.waypoint.core.shared.NotSignedInException;

/**
 * Enforces {@link Allowed} and {@link Public} on every resource method: not signed in is
 * 401, the wrong role 403. A method with neither annotation is refused to everyone, so forgetting one
 * fails closed (and a test fails the build). An API client must also hold the method's
 * {@link RequiresScope} in its token; a method that declares none is refused to every API client.
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
        RequiresScope scope = method.getAnnotation(RequiresScope.class);
        context.register(new Check(allowed == null ? Set.of() : Set.of(allowed.value()), scope == null ? null : scope.value()));
    }

    @Priority(Priorities.AUTHORIZATION)
    private static final class Check implements ContainerRequestFilter {

        private final Set<Role> roles;
        private final ApiScope scope;

        Check(Set<Role> roles, ApiScope scope) {
            this.roles = roles;
            this.scope = scope;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (request.getSecurityContext().getUserPrincipal() == null) {
                throw new NotSignedInException();
            }
            if (roles.stream().noneMatch(role -> request.getSecurityContext().isUserInRole(role.name()))) {
                throw new NotPermittedException("use this");
            }
            if (request.getSecurityContext() instanceof ActorSecurityContext context) {
                context.scopes().ifPresent(granted -> {
                    if (scope == null) {
                        refuse(request, "API clients may not use this operation", null);
                    } else if (!granted.contains(scope)) {
                        refuse(request, "this token does not have the scope " + scope.value(), scope);
                    }
                });
            }
        }

        /** 403 with RFC 6750's challenge, which names the scope wanted when there is one. */
        private static void refuse(ContainerRequestContext request, String detail, ApiScope wanted) {
            String challenge = "Bearer error=\"insufficient_scope\"" + (wanted == null ? "" : ", scope=\"" + wanted.value() + "\"");
            request.abortWith(ProblemResponses.of(Problem.of(ProblemType.FORBIDDEN, detail)
                            .withInstance(request.getUriInfo().getRequestUri().getRawPath()))
                    .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                    .build());
        }
    }
}
