package org.waypoint.web.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.waypoint.api.problem.ProblemMapping;
import org.waypoint.api.security.RequestActor;
import org.waypoint.core.account.Role;
import org.waypoint.core.shared.Actor;

/**
 * Who may use an administrators' servlet: an administrator, as the authentication mechanism found them
 * (a personal API token or the pages' session). Anyone else is told 401, and a signed-in
 * non-administrator 404, as for every record they may not see.
 */
@ApplicationScoped
public class AdminRequests {

    @Inject
    RequestActor requestActor;

    /** The administrator asking; when it is no administrator, the refusal is written and the answer is empty. */
    public Optional<Actor> administrator(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Actor> actor = requestActor.get();
        if (actor.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer");
            ServletProblems.write(response, ProblemMapping.forStatus(401, "Unauthorized").withInstance(request.getRequestURI()));
            return Optional.empty();
        }
        if (!actor.get().is(Role.ADMIN)) {
            ServletProblems.write(response, ProblemMapping.forStatus(404, "Not Found").withInstance(request.getRequestURI()));
            return Optional.empty();
        }
        return actor;
    }
}
