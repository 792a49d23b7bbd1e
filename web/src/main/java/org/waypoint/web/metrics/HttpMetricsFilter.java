package org.waypoint.web.metrics;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;
import org.waypoint.api.RouteTemplates;

/**
 * Times every request for {@code http_server_requests_seconds}, named by its route: the API
 * operation's template where JAX-RS matched one ({@link RouteTemplates}), else the path with every
 * id-like segment as {@code {id}}. An address that answered 404 without a template is counted as
 * {@code /**}, so that made-up addresses cannot add series without end.
 */
public class HttpMetricsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Pattern ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\\d+|WP-\\d{4}-\\d+|[^/]{33,}");

    @Inject
    transient OperationalMetrics metrics;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        boolean threw = true;
        try {
            chain.doFilter(request, response);
            threw = false;
        } finally {
            int status = threw ? 500 : response.getStatus();
            metrics.request(METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER",
                    route(request.getAttribute(RouteTemplates.ATTRIBUTE),
                            request.getRequestURI().substring(request.getContextPath().length()), status),
                    status, System.nanoTime() - start);
        }
    }

    /** The route a request is counted under. */
    static String route(Object template, String path, int status) {
        if (template instanceof String matched) {
            return matched;
        }
        if (status == HttpServletResponse.SC_NOT_FOUND) {
            return "/**";
        }
        int parameters = path.indexOf(';');
        String plain = parameters < 0 ? path : path.substring(0, parameters);
        StringBuilder route = new StringBuilder();
        for (String segment : plain.split("/", -1)) {
            if (!segment.isEmpty()) {
                route.append('/').append(ID.matcher(segment).matches() ? "{id}" : segment);
            }
        }
        return route.length() == 0 || plain.endsWith("/") ? route + "/" : route.toString();
    }
}
