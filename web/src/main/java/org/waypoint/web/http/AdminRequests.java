package org.waypoint.web.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.waypoint.api.problem.Problem;
import org.waypoint.api.problem.ProblemType;
import org.waypoint.api.security.RequestActor;
import org.waypoint.core.account.Role;
import org.waypoint.core.shared.Actor;
import org.waypoint.web.security.WaypointAuthentication;

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
            return signInFirst(request, response, "Sign in as an administrator, with a personal API token or in the pages.");
        }
        if (!actor.get().is(Role.ADMIN)) {
            ServletProblems.write(response, Problem.of(ProblemType.NOT_FOUND, "There is nothing at this address for you.")
                    .withInstance(request.getRequestURI()));
            return Optional.empty();
        }
        return actor;
    }

    /**
     * As {@link #administrator}, but signed in by a personal API token only, for an operation a browser
     * must never start on a session's strength (a backup, a key rotation).
     */
    public Optional<Actor> administratorByToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (WaypointAuthentication.bearerToken(request).isEmpty()) {
            return signInFirst(request, response, "Send an administrator's personal API token: a browser session cannot start this.");
        }
        return administrator(request, response);
    }

    private static Optional<Actor> signInFirst(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        ServletProblems.write(response, Problem.of(ProblemType.UNAUTHORIZED, detail).withInstance(request.getRequestURI()));
        return Optional.empty();
    }
}
