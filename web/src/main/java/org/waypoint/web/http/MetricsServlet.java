package org.waypoint.web.http;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.waypoint.api.problem.ProblemMapping;
import org.waypoint.api.security.SessionSignIn;
import org.waypoint.core.account.AccountService;
import org.waypoint.core.account.Role;
import org.waypoint.core.shared.Actor;
import org.waypoint.web.metrics.OperationalMetrics;

/**
 * {@code /metrics} for administrators only, in Prometheus' text format: Waypoint's own meters and the
 * JVM's ({@link OperationalMetrics}). Payara's own endpoint answers anyone, so it stays off (the
 * pre-boot commands) and this one takes its place. An administrator signs in with a personal API
 * token ({@code Authorization: Bearer …}) or the pages' session; anyone else is told 401, and a
 * signed-in non-administrator 404, as for every record they may not see.
 */
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String BEARER = "Bearer ";

    @Inject
    transient AccountService accounts;

    @Inject
    transient SessionSignIn sessions;

    @Inject
    transient OperationalMetrics metrics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Actor> actor = signedIn(request);
        if (actor.isEmpty()) {
            ServletProblems.write(response, ProblemMapping.forStatus(401, "Unauthorized").withInstance(request.getRequestURI()));
            return;
        }
        if (!actor.get().is(Role.ADMIN)) {
            ServletProblems.write(response, ProblemMapping.forStatus(404, "Not Found").withInstance(request.getRequestURI()));
            return;
        }
        ServletProblems.noStore(response);
        response.setContentType("text/plain; version=0.0.4");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(metrics.scrape());
    }

    private Optional<Actor> signedIn(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return accounts.authenticate(header.substring(BEARER.length()).strip());
        }
        return sessions.actor(request);
    }
}
