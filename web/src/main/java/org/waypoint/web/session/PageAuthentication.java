package org.waypoint.web.session;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.waypoint.api.security.RequestActor;
import org.waypoint.api.security.SessionSignIn;
import org.waypoint.core.shared.Actor;

/**
 * Signs each page request in from its session, for the backing beans to take the actor from
 * {@link RequestActor}. Only the public pages answer without signing in; any other page sends the
 * browser to sign in first. Which pages a role may use is decided by the use cases the page calls.
 */
public class PageAuthentication extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String SIGN_IN = "/sign-in.xhtml";
    static final String FORGOT_PASSWORD = "/forgot-password.xhtml";
    static final String RESET_PASSWORD = "/reset-password.xhtml";
    private static final Set<String> PUBLIC = Set.of("/", "/index.xhtml", SIGN_IN, FORGOT_PASSWORD, RESET_PASSWORD);

    @Inject
    SessionSignIn sessions;

    @Inject
    RequestActor requestActor;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<Actor> actor = sessions.actor(request);
        actor.ifPresent(requestActor::signedIn);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (actor.isEmpty() && !PUBLIC.contains(path)) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + SIGN_IN);
            return;
        }
        chain.doFilter(request, response);
    }
}
