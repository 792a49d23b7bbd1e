package org.waypoint.web.http;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.waypoint.api.problem.Problem;
import org.waypoint.api.problem.ProblemMapping;
import org.waypoint.api.problem.ProblemType;
import org.waypoint.core.shared.Actor;

/**
 * {@code POST /admin/backup}: the operator's command ({@code bin/waypoint backup DIR}) to take an online
 * backup of the embedded Derby database ({@link DatabaseBackup}), with an administrator's personal API
 * token only, so that no page can be made to send it. It answers 201 with where the backup was written
 * under the server's backup root, or 409 when it will not take one (PostgreSQL, or a backup already
 * being taken).
 */
@WebServlet("/admin/backup")
public class BackupServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(BackupServlet.class.getName());

    @Inject
    transient AdminRequests admins;

    @Inject
    transient DatabaseBackup backups;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Actor> admin = admins.administratorByToken(request, response);
        if (admin.isEmpty()) {
            return;
        }
        DatabaseBackup.Backup backup;
        try {
            backup = backups.backUp(admin.get());
        } catch (DatabaseBackup.Refused e) {
            ServletProblems.write(response, Problem.of(ProblemType.CONFLICT, e.getMessage()).withInstance(request.getRequestURI()));
            return;
        } catch (SQLException e) {
            // Derby's backup errors name files and states, never a row.
            LOG.log(Level.WARNING, "The backup failed: SQL state {0}, {1}", new Object[] {e.getSQLState(), e.getMessage()});
            ServletProblems.write(response, ProblemMapping.internal(e).withInstance(request.getRequestURI()));
            return;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "The backup failed: {0}", e.toString());
            ServletProblems.write(response, ProblemMapping.internal(e).withInstance(request.getRequestURI()));
            return;
        }
        response.setStatus(HttpServletResponse.SC_CREATED);
        ServletProblems.noStore(response);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (JsonGenerator out = Json.createGenerator(response.getOutputStream())) {
            out.write(Json.createObjectBuilder()
                    .add("name", backup.name())
                    .add("folder", backup.folder().toString())
                    .add("database", backup.database().getFileName().toString())
                    .add("bytes", backup.bytes())
                    .add("startedAt", backup.startedAt().toString())
                    .add("finishedAt", backup.finishedAt().toString())
                    .build());
        }
    }
}
