package org.waypoint.web.referral;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The addresses under {@code /referrals/}: {@code /referrals/new} is the new-referral view and
 * {@code /referrals/{id}} the referral's own view, which takes its id from the request attribute
 * {@value #ID}. {@code /referrals} itself is the list, mapped by Faces. Anything else here is not found.
 */
@WebServlet("/referrals/*")
public class ReferralAddresses extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The request attribute that carries the referral id from the address to {@link ReferralPage}. */
    public static final String ID = "waypoint.referral.id";

    private static final Pattern REFERRAL = Pattern.compile("/([0-9a-f-]{36})");

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String rest = request.getPathInfo() == null ? "/" : request.getPathInfo();
        var referral = REFERRAL.matcher(rest);
        if (rest.equals("/new")) {
            request.getRequestDispatcher("/new-referral.xhtml").forward(request, response);
        } else if (referral.matches()) {
            request.setAttribute(ID, referral.group(1));
            request.getRequestDispatcher("/referral.xhtml").forward(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
