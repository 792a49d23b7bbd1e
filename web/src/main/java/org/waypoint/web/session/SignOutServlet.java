package org.waypoint.web.session;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.waypoint.web.security.SessionSignIn;

/** Signing out is a form POST (with the form token), so no link or image elsewhere can do it. */
@WebServlet("/sign-out")
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SessionSignIn sessions;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        sessions.signOut(request, response);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + PageAuthentication.SIGN_IN + "?signedOut=true");
    }
}
