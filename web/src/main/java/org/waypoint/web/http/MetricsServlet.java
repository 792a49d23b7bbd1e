package org.waypoint.web.http;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.waypoint.web.metrics.OperationalMetrics;

/**
 * {@code /metrics} for administrators only, in Prometheus' text format: Waypoint's own meters and the
 * JVM's ({@link OperationalMetrics}). Payara's own endpoint answers anyone, so it stays off (the
 * pre-boot commands) and this one takes its place ({@link AdminRequests} says who may read it).
 */
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AdminRequests admins;

    @Inject
    transient OperationalMetrics metrics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (admins.administrator(request, response).isEmpty()) {
            return;
        }
        ServletProblems.noStore(response);
        response.setContentType("text/plain; version=0.0.4");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(metrics.scrape());
    }
}
