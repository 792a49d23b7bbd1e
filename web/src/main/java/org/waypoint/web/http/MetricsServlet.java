package org.waypoint.web.http;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.waypoint.api.problem.ProblemMapping;
import org.waypoint.api.security.SessionSignIn;
import org.waypoint.core.account.AccountService;
import org.waypoint.core.account.Role;
import org.waypoint.core.shared.Actor;

/**
 * {@code /metrics} for administrators only, in Prometheus' text format: the JVM's memory, threads,
 * garbage collection and uptime. Payara's own endpoint answers anyone, so it stays off (the
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
        response.getWriter().write(exposition());
    }

    private Optional<Actor> signedIn(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return accounts.authenticate(header.substring(BEARER.length()).strip());
        }
        return sessions.actor(request);
    }

    static String exposition() {
        StringBuilder out = new StringBuilder();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        metric(out, "jvm_memory_used_bytes", "gauge", "Memory in use",
                Map.of("area=\"heap\"", (double) heap.getUsed(), "area=\"nonheap\"", (double) nonHeap.getUsed()));
        metric(out, "jvm_memory_max_bytes", "gauge", "Most heap the JVM may use", Map.of("area=\"heap\"", (double) heap.getMax()));
        metric(out, "jvm_threads_live", "gauge", "Live threads", Map.of("", (double) ManagementFactory.getThreadMXBean().getThreadCount()));
        metric(out, "process_uptime_seconds", "gauge", "Seconds since the JVM started",
                Map.of("", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0));
        Map<String, Double> collections = new TreeMap<>();
        Map<String, Double> seconds = new TreeMap<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            String label = "gc=\"" + gc.getName().replace("\"", "") + "\"";
            collections.put(label, (double) gc.getCollectionCount());
            seconds.put(label, gc.getCollectionTime() / 1000.0);
        }
        metric(out, "jvm_gc_collections_total", "counter", "Garbage collections", collections);
        metric(out, "jvm_gc_seconds_total", "counter", "Time spent collecting garbage", seconds);
        return out.toString();
    }

    /** One metric: its help and type lines, then a sample per label set ("" for none). */
    private static void metric(StringBuilder out, String name, String type, String help, Map<String, Double> samples) {
        out.append("# HELP waypoint_").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE waypoint_").append(name).append(' ').append(type).append('\n');
        new TreeMap<>(samples).forEach((labels, value) -> out.append("waypoint_").append(name)
                .append(labels.isEmpty() ? "" : "{" + labels + "}").append(' ').append(value).append('\n'));
    }
}
