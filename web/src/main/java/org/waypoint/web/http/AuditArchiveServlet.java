package org.waypoint.web.http;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.waypoint.core.audit.AuditArchive;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.NotFoundException;

/**
 * {@code /admin/audit-archive?id=…}: an audit archive file, for administrators ({@link AdminRequests}),
 * as the gzip'd JSON lines it was written as, never cached (it holds audit rows: who did what to whose
 * record). Served only while its SHA-256 is the one recorded. The download is audited.
 */
@WebServlet("/admin/audit-archive")
public class AuditArchiveServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AdminRequests admins;

    @Inject
    transient AuditArchive archives;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Actor> admin = admins.administrator(request, response);
        if (admin.isEmpty()) {
            return;
        }
        String id = request.getParameter("id");
        Path file;
        try {
            file = archives.download(admin.get(), id == null ? "" : id);
        } catch (NotFoundException e) {
            ServletProblems.noStore(response);
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ServletProblems.noStore(response);
        response.setContentType("application/gzip");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"");
        response.setContentLengthLong(Files.size(file));
        Files.copy(file, response.getOutputStream());
    }
}
