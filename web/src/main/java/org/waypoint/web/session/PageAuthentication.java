package org.waypoint.web.session;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.waypoint.api.security.RequestActor;
import org.waypoint.core.account.BrowserSession;
import org.waypoint.core.account.BrowserSessions.Pending;
import org.waypoint.web.security.SessionSignIn;

/**
 * Only the public pages answer a browser that nobody signed in (the authentication mechanism found no
 * one, see {@link RequestActor}); any other page sends it to sign in first, remembering the address
 * asked for ({@link ReturnAddress}) so that signing in leads straight back to it. A browser that has
 * given its password but not yet its second factor is signed in nowhere: it reaches only its
 * second-factor page. Which pages a role may use is decided by the use cases the
 * page calls.
 */
public class PageAuthentication extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The sign-in page's address. */
    public static final String SIGN_IN = "/sign-in";
    static final String FORGOT_PASSWORD = "/forgot-password";
    static final String RESET_PASSWORD = "/reset-password";

    /** The views anyone may see, by their plain address. */
    private static final Set<String> PUBLIC = Set.of("/index", SIGN_IN, FORGOT_PASSWORD, RESET_PASSWORD,
            "/problem", "/accessibility", "/privacy", "/contact", "/help");

    @Inject
    RequestActor requestActor;

    @Inject
    SessionSignIn sessions;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean showingAnError = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null;
        if (requestActor.get().isEmpty() && !showingAnError && !PUBLIC.contains(view(request))) {
            Optional<Pending> pending = sessions.pending(request);
            if (pending.isPresent()) {
                // A browser that gave its password but not its second factor reaches its second-factor page only.
                String page = pending.get().stage() == BrowserSession.Stage.ENROL ? SecondFactorPage.SET_UP_PAGE : SecondFactorPage.CODE_PAGE;
                if (page.equals(view(request))) {
                    chain.doFilter(request, response);
                    return;
                }
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", request.getContextPath() + page);
                return;
            }
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", signInFor(request));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The view a request reaches, without its extension: the servlet path, {@code /sign-in} or (forwarded) {@code /referral.xhtml}. */
    private static String view(HttpServletRequest request) {
        String path = request.getServletPath();
        return path.endsWith(".xhtml") ? path.substring(0, path.length() - ".xhtml".length()) : path;
    }

    /** The sign-in page's address, leading back to the page this request asked for when it is one to come back to. */
    static String signInFor(HttpServletRequest request) {
        String signIn = request.getContextPath() + SIGN_IN;
        if (!"GET".equals(request.getMethod())) {
            // A form sent after the session ended: what it carried is lost, and the person is told why.
            return signIn + "?ended=true";
        }
        return ReturnAddress.checked(ReturnAddress.of(request))
                .map(path -> signIn + "?" + ReturnAddress.PARAMETER + "=" + URLEncoder.encode(path, StandardCharsets.UTF_8))
                .orElse(signIn);
    }
}
