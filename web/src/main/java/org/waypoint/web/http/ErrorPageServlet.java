package org.waypoint.web.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.waypoint.api.problem.Problem;
import org.waypoint.api.problem.ProblemMapping;

/**
 * Where the container sends its errors (web.xml's error pages) instead of Payara's HTML report,
 * which quotes exception messages and names the server: problem+json under /api, the problem page
 * ({@link ProblemView}) elsewhere. Neither ever shows an exception; a 500 shows a correlation id, and the server log
 * has the rest.
 */
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

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
            page(request, response, problem);
        }
    }

    /**
     * The page in the layout of every page (header, a way back, words from the message bundle, and
     * "Sign in" for a signed-out person), rendered by the problem view. Should the view itself fail,
     * a bare page with the same words' gist still answers, never the container's report.
     */
    private static void page(HttpServletRequest request, HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        ServletProblems.noStore(response);
        request.setAttribute(ProblemView.STATUS, problem.status());
        request.setAttribute(ProblemView.CORRELATION_ID, problem.correlationId());
        try {
            request.getRequestDispatcher(ProblemView.PATH).forward(request, response);
            return;
        } catch (ServletException | RuntimeException viewFailed) {
            LOG.log(Level.WARNING, "The problem page could not be shown ({0}); a bare one answers instead", viewFailed.getClass().getName());
        }
        response.resetBuffer();
        response.setStatus(problem.status());
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] html = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sorry, there is a problem – Waypoint</title></head>"
                + "<body><main><h1>Sorry, there is a problem</h1><p>Go back and try again.</p><p><a href=\""
                + request.getContextPath() + "/\">Go to the start page</a></p></main></body></html>").getBytes(StandardCharsets.UTF_8);
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
