package org.waypoint.web.http;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.crypto.KeyRotationProgress;

/**
 * {@code /admin/key-rotation}: the operator's command to re-encrypt every stored value under the active
 * key. {@code POST} starts it (or carries on with one stopped), with an administrator's personal API
 * token only, so that no page can be made to send it; {@code GET} says how far it has come and how many
 * values are still under another key (0: the old keys may be removed).
 */
@WebServlet("/admin/key-rotation")
public class KeyRotationServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AdminRequests admins;

    @Inject
    transient KeyRotationJob job;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Actor> admin = admins.administrator(request, response);
        if (admin.isPresent()) {
            KeyRotationJob.Status status = job.status(admin.get());
            write(response, json(status.progress()).add("valuesUnderOtherKeys", status.valuesUnderOtherKeys()));
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Actor> admin = admins.administratorByToken(request, response);
        if (admin.isPresent()) {
            response.setStatus(HttpServletResponse.SC_ACCEPTED);
            write(response, json(job.start(admin.get())));
        }
    }

    private static JsonObjectBuilder json(KeyRotationProgress progress) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        progress.targetKey().ifPresent(key -> json.add("targetKey", key));
        json.add("running", progress.running()).add("finished", progress.finished())
                .add("tablesDone", progress.tablesDone()).add("tables", progress.tables())
                .add("rowsRead", progress.rowsRead()).add("valuesRewritten", progress.rewritten());
        progress.startedAt().ifPresent(at -> json.add("startedAt", at.toString()));
        progress.finishedAt().ifPresent(at -> json.add("finishedAt", at.toString()));
        return json;
    }

    private static void write(HttpServletResponse response, JsonObjectBuilder body) throws IOException {
        ServletProblems.noStore(response);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (JsonGenerator out = Json.createGenerator(response.getOutputStream())) {
            out.write(body.build());
        }
    }
}
