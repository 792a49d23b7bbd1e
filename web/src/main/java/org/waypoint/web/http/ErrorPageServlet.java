package org.waypoint.web.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.waypoint.api.problem.Problem;
import org.waypoint.api.problem.ProblemMapping;

/**
 * Where the container sends its errors (web.xml's error pages) instead of Payara's HTML report,
 * which quotes exception messages and names the server: problem+json under /api, a plain page
 * elsewhere. Neither ever shows an exception; a 500 shows a correlation id, and the server log
 * has the rest.
 */
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Integer status = (Integer) request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (status == null && exception == null) {
            // Asked for directly, not as an error page: there is nothing here.
            status = HttpServletResponse.SC_NOT_FOUND;
            uri = request.getRequestURI();
        }
        if (isExpiredView(exception) && !ServletProblems.isApi(request, uri)) {
            // A form from a page the server no longer remembers (opened long ago, or in many tabs): nothing was done.
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", uri == null ? request.getContextPath() + "/" : uri + "?expired=true");
            return;
        }
        Problem problem = exception != null
                ? ProblemMapping.toProblem(exception)
                : ProblemMapping.forStatus(status, reason(status));
        response.resetBuffer();
        if (ServletProblems.isApi(request, uri)) {
            ServletProblems.write(response, problem.withInstance(uri));
        } else {
            page(response, problem, request.getContextPath() + "/");
        }
    }

    private static void page(HttpServletResponse response, Problem problem, String startPage) throws IOException {
        response.setStatus(problem.status());
        ServletProblems.noStore(response);
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String heading;
        String text;
        if (problem.status() == HttpServletResponse.SC_NOT_FOUND) {
            heading = "Page not found";
            text = "If you typed the web address, check it is correct. If you pasted it, check you copied the whole address.";
        } else if (problem.status() == HttpServletResponse.SC_UNAUTHORIZED || problem.status() == HttpServletResponse.SC_FORBIDDEN) {
            heading = "You cannot see this page";
            text = "Sign in with an account that may see it, or go back to the previous page.";
        } else if (problem.status() >= 500) {
            heading = "Sorry, there is a problem with the service";
            text = "Try again later.";
        } else {
            heading = "Sorry, that did not work";
            text = "Go back and try again.";
        }
        String reference = problem.correlationId() == null ? ""
                : "<p>If you contact us about this, quote reference <strong>" + problem.correlationId() + "</strong>.</p>";
        byte[] html = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + heading
                + " – Waypoint</title></head><body><main><h1>" + heading + "</h1><p>" + text + "</p>" + reference
                + "<p><a href=\"" + startPage + "\">Go to the start page</a></p></main></body></html>").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(html.length);
        response.getOutputStream().write(html);
    }

    private static boolean isExpiredView(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof jakarta.faces.application.ViewExpiredException) {
                return true;
            }
        }
        return false;
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
