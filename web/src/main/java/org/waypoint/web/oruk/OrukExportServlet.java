package org.waypoint.web.oruk;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.waypoint.core.directory.DirectoryExport;
import org.waypoint.core.shared.Actor;
import org.waypoint.web.http.AdminRequests;

/**
 * {@code /admin/oruk-export}: the whole directory as one Open Referral UK JSON package, a single page
 * whose {@code contents} are every service in full (as {@code GET /oruk/services/{id}} answers each),
 * downloaded as a file by an administrator, signed in to the pages or with a personal API token
 * ({@code Authorization: Bearer …}). Anyone else is told 401, a signed-in non-administrator 404, as
 * for {@code /metrics}. Each export is audited. With {@code ?format=csv} the same services come as the
 * profile's tabular package instead ({@link OrukTabular}): a ZIP of CSV files and their {@code datapackage.json}.
 */
@WebServlet("/admin/oruk-export")
public class OrukExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AdminRequests admins;

    @Inject
    transient DirectoryExport export;

    @Inject
    transient Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Actor> actor = admins.administrator(request, response);
        if (actor.isEmpty()) {
            return;
        }
        List<JsonObject> contents = OrukDocuments.inFull(export.everything(actor.get()));
        if ("csv".equals(request.getParameter("format"))) {
            response.setContentType("application/zip");
            response.setHeader("Content-Disposition", "attachment; filename=\"waypoint-oruk-" + LocalDate.now(clock) + "-csv.zip\"");
            OrukTabular.write(contents, response.getOutputStream());
            return;
        }
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"waypoint-oruk-" + LocalDate.now(clock) + ".json\"");
        try (JsonGenerator out = Json.createGenerator(response.getOutputStream())) {
            out.write(OrukDocuments.exportPackage(contents));
        }
    }

}
