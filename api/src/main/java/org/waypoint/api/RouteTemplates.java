package org.waypoint.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;

/**
 * Leaves the template of the operation a request matched ({@code /api/v1/referrals/{id}/timeline})
 * in the request, for the HTTP metrics: a template names the endpoint without the ids in the address.
 * Runs after matching, first of the filters, so that a request refused by a later one is named too.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class RouteTemplates implements ContainerRequestFilter {

    /** The request property (a servlet request attribute) holding the template. */
    public static final String ATTRIBUTE = "org.waypoint.route";

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource == null || resource.getResourceMethod() == null) {
            return;
        }
        request.setProperty(ATTRIBUTE, "/api" + path(resource.getResourceClass()) + path(resource.getResourceMethod()));
    }

    /** An element's {@code @Path} with a leading slash and its parameters' patterns left out ({@code {id: …}} is {@code {id}}). */
    static String path(AnnotatedElement element) {
        Path path = element.getAnnotation(Path.class);
        if (path == null || path.value().isBlank() || "/".equals(path.value())) {
            return "";
        }
        String value = path.value().replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+$", "");
        return value.startsWith("/") ? value : "/" + value;
    }
}
