package org.waypoint.web.session;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

/**
 * The container's own session cookie, used only by the administrator's import page (which keeps an
 * uploaded file on this instance between its check and its apply, {@code ImportFiles}): not readable
 * by script, and named for that, apart from the sign-in cookie ({@code SessionSignIn}), which does
 * not depend on any instance's memory. The container marks it Secure over TLS; it is SameSite=Strict like
 * the sign-in cookie, set in {@code WEB-INF/payara-web.xml} since Payara ignores the attribute here.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setName("waypoint_import");
        cookie.setHttpOnly(true);
    }
}
