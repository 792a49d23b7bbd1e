package org.waypoint.web.session;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Refuses every form POST to the pages that does not carry the session's token (see {@link Csrf}).
 * When the session has ended meanwhile, the person is sent to sign in again, told why; otherwise
 * the answer is 403 and nothing happens.
 */
public class CsrfFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod()) || request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null) {
            // Showing an error page for a POST is no second POST to check.
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + PageAuthentication.SIGN_IN + "?ended=true");
            return;
        }
        if (!Csrf.matches(session, request.getParameter(Csrf.FIELD))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }
}
