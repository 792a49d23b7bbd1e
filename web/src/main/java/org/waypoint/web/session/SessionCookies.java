package org.waypoint.web.session;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

/**
 * The session cookie: not readable by script and named for nothing in particular. The container
 * marks it Secure when the request came over TLS, and SameSite=Strict by the pre-boot commands
 * ({@code src/main/payara}): Payara ignores the attribute when it is set here.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setName("waypoint_session");
        cookie.setHttpOnly(true);
    }
}
