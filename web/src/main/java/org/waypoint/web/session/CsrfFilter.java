package org.waypoint.web.session;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.waypoint.web.security.SessionSignIn;

/**
 * Refuses every form POST to the pages that does not carry the browser's form token (see
 * {@link Csrf}). A browser without the cookie at all (closed since, or never given one) is sent to
 * sign in, told its session ended; otherwise the answer is 403 and nothing happens. A page asked for
 * without the cookie gets its secret here, before anything of the page is written.
 */
public class CsrfFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SessionSignIn sessions;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod()) || request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null) {
            // Showing an error page for a POST is no second POST to check.
            if (!response.isCommitted()) {
                sessions.visitorSecret(request, response);
            }
            chain.doFilter(request, response);
            return;
        }
        String secret = SessionSignIn.secret(request);
        if (secret == null) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + PageAuthentication.SIGN_IN + "?ended=true");
            return;
        }
        if (!Csrf.matches(secret, request.getParameter(Csrf.FIELD))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }
}
