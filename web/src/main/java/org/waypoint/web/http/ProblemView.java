package org.waypoint.web.http;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the problem page ({@code problem.xhtml}) says: which kind of problem, in the bundle's words
 * ({@code problem.<kind>.title} and {@code .text}), and the reference to quote for an internal
 * error. {@link ErrorPageServlet} forwards every error of the pages here; asked for directly, the
 * page is "not found".
 */
@Named("problemView")
@RequestScoped
public class ProblemView {

    static final String PATH = "/problem";
    static final String STATUS = "waypoint.problem.status";
    static final String CORRELATION_ID = "waypoint.problem.correlationId";

    @Inject
    HttpServletRequest request;

    public int getStatus() {
        return request.getAttribute(STATUS) instanceof Integer status ? status : HttpServletResponse.SC_NOT_FOUND;
    }

    /** The bundle's key part for this status: notFound, forbidden, notAllowed, tooLarge, conflict, unavailable, server or bad. */
    public String getKind() {
        int status = getStatus();
        if (request.getAttribute(STATUS) == null) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(status);
        }
        return switch (status) {
            case 401, 403 -> "forbidden";
            case 404 -> "notFound";
            case 405 -> "notAllowed";
            case 409, 412 -> "conflict";
            case 413, 414 -> "tooLarge";
            case 503 -> "unavailable";
            default -> status >= 500 ? "server" : "bad";
        };
    }

    public String getCorrelationId() {
        return request.getAttribute(CORRELATION_ID) instanceof String id ? id : null;
    }
}
