package org.waypoint.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * API answers hold referral data: no cache may keep them, and no browser may guess their type
 * from their content. Grizzly adds {@code Server: Payara Micro} only when the application set no
 * Server header, so naming ourselves is the one way from inside the WAR to stop telling every
 * client which server (and so which known flaws) answers.
 */
public class ApiResponseHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ServletProblems.noStore(response);
        response.setHeader("Server", "Waypoint");
        chain.doFilter(request, response);
    }
}
