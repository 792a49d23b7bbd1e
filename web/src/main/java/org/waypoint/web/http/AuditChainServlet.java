package org.waypoint.web.http;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.waypoint.core.audit.AuditChainCheck;
import org.waypoint.core.audit.AuditChainReport;
import org.waypoint.core.shared.Actor;

/**
 * {@code /admin/audit-chain}: the operator's verification of the audit trail's hash chains, for
 * administrators ({@link AdminRequests}), as JSON: {@code whole}, the events checked, the events
 * outside every chain (and how many there were when the chains began), and the first break of each
 * broken chain by event id and reason. The verification is audited.
 */
@WebServlet("/admin/audit-chain")
public class AuditChainServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AdminRequests admins;

    @Inject
    transient AuditChainCheck check;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Actor> admin = admins.administrator(request, response);
        if (admin.isEmpty()) {
            return;
        }
        AuditChainReport report = check.verify(admin.get());
        JsonArrayBuilder breaks = Json.createArrayBuilder();
        for (AuditChainReport.Break found : report.breaks()) {
            JsonObjectBuilder entry = Json.createObjectBuilder().add("chain", found.partition());
            if (found.eventId() != null) {
                entry.add("eventId", found.eventId());
            }
            breaks.add(entry.add("sequence", found.sequence()).add("reason", found.reason().name()));
        }
        ServletProblems.noStore(response);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (JsonGenerator out = Json.createGenerator(response.getOutputStream())) {
            out.write(Json.createObjectBuilder()
                    .add("whole", report.whole())
                    .add("eventsChecked", report.eventsChecked())
                    .add("unchainedEvents", report.unchainedEvents())
                    .add("eventsBeforeChains", report.eventsBeforeChains())
                    .add("breaks", breaks).build());
        }
    }
}
