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
 * {@value #ID}; {@code /referrals/{id}/{action}} asks to confirm an action that ends or undoes
 * something (cancel, reject, fail, withdraw consent, entered in error), named by the attribute
 * {@value #ACTION}; {@code /referrals/{id}/person} corrects the record of the person the referral is
 * for. {@code /referrals} itself is the list, mapped by Faces. Anything else here is not found.
 */
@WebServlet("/referrals/*")
public class ReferralAddresses extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The request attribute that carries the referral id from the address to {@link ReferralPage}. */
    public static final String ID = "waypoint.referral.id";

    /** The request attribute that carries the action to confirm, from {@code /referrals/{id}/{action}}. */
    public static final String ACTION = "waypoint.referral.action";

    private static final Pattern REFERRAL = Pattern.compile("/([0-9a-f-]{36})");
    private static final Pattern CONFIRM = Pattern.compile("/([0-9a-f-]{36})/([a-z-]{1,30})");

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String rest = request.getPathInfo() == null ? "/" : request.getPathInfo();
        var referral = REFERRAL.matcher(rest);
        var confirm = CONFIRM.matcher(rest);
        if (rest.equals("/new")) {
            request.getRequestDispatcher("/new-referral.xhtml").forward(request, response);
        } else if (referral.matches()) {
            request.setAttribute(ID, referral.group(1));
            request.getRequestDispatcher("/referral.xhtml").forward(request, response);
        } else if (confirm.matches() && confirm.group(2).equals("person")) {
            request.setAttribute(ID, confirm.group(1));
            request.getRequestDispatcher("/correct-person.xhtml").forward(request, response);
        } else if (confirm.matches()) {
            request.setAttribute(ID, confirm.group(1));
            request.setAttribute(ACTION, confirm.group(2));
            request.getRequestDispatcher("/confirm-action.xhtml").forward(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
