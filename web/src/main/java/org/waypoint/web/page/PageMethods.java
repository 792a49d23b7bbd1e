package org.waypoint.web.page;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/** A page is read (GET, HEAD) or sent a form (POST); Faces would render it for any method, so any other gets 405. */
public class PageMethods extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> ALLOWED = Set.of("GET", "HEAD", "POST");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!ALLOWED.contains(request.getMethod())) {
            response.setHeader("Allow", String.join(", ", "GET", "HEAD", "POST"));
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        chain.doFilter(request, response);
    }
}
