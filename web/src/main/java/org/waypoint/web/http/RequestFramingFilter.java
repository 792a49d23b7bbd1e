package org.waypoint.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.waypoint.api.problem.Problem;
import org.waypoint.api.problem.ProblemType;

/**
 * Refuses, before anything else runs, the requests whose framing a proxy in front might read
 * differently from Payara, and closes their connection:
 * <ul>
 * <li>TRACE, everywhere (405, problem+json under /api). Payara's HTTP layer takes a TRACE to have no
 * body whatever its headers say, so the bytes of a body sent with one arrive as a next request on the
 * same connection: a proxy that reuses connections would let a caller smuggle a request past it. Such
 * a connection is remembered for a few seconds by the address and port it comes from, and the
 * request that follows on it is refused unread.</li>
 * <li>A body on GET, HEAD or DELETE (400): none of Waypoint's operations of those methods reads one,
 * and a body a server ignores is a body a proxy may have framed otherwise. The request that follows
 * on its connection is refused unread as well.</li>
 * </ul>
 * The pre-boot commands let both through to the application, whose refusal is a problem; Payara's own
 * has an empty body.
 */
public class RequestFramingFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String ALLOWED = "GET, HEAD, POST, PUT, DELETE, OPTIONS";
    private static final long REMEMBERED_MILLIS = 10_000;
    private static final int MAX_REMEMBERED = 10_000;

    private static final Set<String> BODILESS = Set.of("GET", "HEAD", "DELETE");

    private static final Map<String, Long> SMUGGLING = new ConcurrentHashMap<>();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String connection = request.getRemoteAddr() + " " + request.getRemotePort();
        Long until = SMUGGLING.isEmpty() ? null : SMUGGLING.remove(connection);
        if (until != null && until > System.currentTimeMillis()) {
            refuse(request, response, Problem.of(ProblemType.BAD_REQUEST,
                    "This request came on a connection whose TRACE carried a body; it was not read."));
            return;
        }
        String method = request.getMethod();
        boolean body = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (body && BODILESS.contains(method)) {
            remember(connection);
            refuse(request, response, Problem.of(ProblemType.BAD_REQUEST, "A " + method + " request carries no body."));
            return;
        }
        if (!"TRACE".equalsIgnoreCase(method)) {
            chain.doFilter(request, response);
            return;
        }
        if (body) {
            remember(connection);
        }
        response.setHeader("Allow", ALLOWED);
        refuse(request, response, Problem.of(ProblemType.METHOD_NOT_ALLOWED,
                "This address does not support that method; the Allow header lists those it does."));
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, Problem problem) throws IOException {
        response.setHeader("Connection", "close");
        if (ServletProblems.isApi(request, request.getRequestURI())) {
            ServletProblems.write(response, problem.withInstance(request.getRequestURI()));
        } else {
            response.sendError(problem.status());
        }
    }

    private static void remember(String connection) {
        long now = System.currentTimeMillis();
        if (SMUGGLING.size() >= MAX_REMEMBERED) {
            SMUGGLING.values().removeIf(until -> until <= now);
        }
        SMUGGLING.put(connection, now + REMEMBERED_MILLIS);
    }
}
