package org.waypoint.api.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.waypoint.core.account.ApiScope;
import org.waypoint.core.account.Caller;
import org.waypoint.core.account.RequiresScope;
import org.waypoint.core.shared.NotPermittedException;
import org.waypoint.core.shared.NotSignedInException;

/**
 * Enforces the standard {@link RolesAllowed} and {@link PermitAll} on every resource method, as
 * problem+json: not signed in is 401, the wrong role 403. A method with neither is refused to everyone,
 * so forgetting one fails closed (and {@code EndpointSecurityTest} fails the build). An API client must
 * also hold the method's {@link RequiresScope} in its token; a method that declares none is refused to
 * every API client. The caller is the one the authentication mechanism gave the container
 * ({@link RequestActor}).
 */
@Provider
public class RoleCheck implements DynamicFeature {

    @Inject
    RequestActor requestActor;

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        RequiresScope scope = method.getAnnotation(RequiresScope.class);
        context.register(new Check(requestActor, allowed == null ? Set.of() : Set.of(allowed.value()),
                scope == null ? null : scope.value()));
    }

    @Priority(Priorities.AUTHORIZATION)
    private static final class Check implements ContainerRequestFilter {

        private final RequestActor requestActor;
        private final Set<String> roles;
        private final ApiScope scope;

        Check(RequestActor requestActor, Set<String> roles, ApiScope scope) {
            this.requestActor = requestActor;
            this.roles = roles;
            this.scope = scope;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            Caller caller = requestActor.caller().orElseThrow(NotSignedInException::new);
            if (!roles.contains(caller.actor().role().name())) {
                throw new NotPermittedException("use this");
            }
            caller.scopes().ifPresent(granted -> {
                if (scope == null) {
                    refuse(request, "API clients may not use this operation", null);
                } else if (!granted.contains(scope)) {
                    refuse(request, "this token does not have the scope " + scope.value(), scope);
                }
            });
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
