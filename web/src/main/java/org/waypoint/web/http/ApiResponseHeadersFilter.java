package org.waypoint.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * API answers hold referral data: no cache may keep them, and no browser may guess their type
 * from their content. (No response names the server: the pre-boot commands in
 * {@code src/main/payara} turn Payara's Server header off.)
 */
public class ApiResponseHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ServletProblems.noStore(response);
        chain.doFilter(request, response);
    }
}
