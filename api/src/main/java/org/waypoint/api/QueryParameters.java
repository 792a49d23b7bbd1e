package org.waypoint.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.waypoint.api.problem.ProblemException;
import org.waypoint.api.problem.ProblemType;

/**
 * Refuses a query parameter the operation does not declare (400, naming it): a misspelt
 * {@code updatedSnce} must not pass as "no filter" and answer the whole list. What an operation
 * declares is read once from its method's {@link QueryParam}s. An operation marked
 * {@link UnrecognisedParametersIgnored} is left alone.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 50)
public class QueryParameters implements ContainerRequestFilter {

    /** A name that is safe to repeat to the caller; anything else is refused without being repeated. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.\\-\\[\\]]{1,40}");

    private static final Map<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null || method.isAnnotationPresent(UnrecognisedParametersIgnored.class)) {
            return;
        }
        Set<String> declared = DECLARED.computeIfAbsent(method, QueryParameters::declared);
        Set<String> unknown = new TreeSet<>(request.getUriInfo().getQueryParameters().keySet());
        unknown.removeAll(declared);
        if (unknown.isEmpty()) {
            return;
        }
        List<String> named = unknown.stream().filter(name -> PLAIN_NAME.matcher(name).matches()).toList();
        String allowed = declared.isEmpty() ? "this operation takes no query parameters"
                : "this operation takes " + String.join(", ", new TreeSet<>(declared));
        throw new ProblemException(ProblemType.BAD_REQUEST, (named.size() == unknown.size()
                ? "unknown query parameter " + String.join(", ", named) : "an unknown query parameter")
                + ": " + allowed);
    }

    private static Set<String> declared(Method method) {
        return Set.copyOf(Arrays.stream(method.getParameterAnnotations()).flatMap(Arrays::stream)
                .filter(QueryParam.class::isInstance).map(QueryParam.class::cast).map(QueryParam::value).toList());
    }
}
