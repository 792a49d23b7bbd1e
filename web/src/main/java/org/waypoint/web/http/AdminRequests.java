package org.waypoint.web.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.waypoint.api.problem.ProblemMapping;
import org.waypoint.api.security.SessionSignIn;
import org.waypoint.core.account.AccountService;
import org.waypoint.core.account.Role;
import org.waypoint.core.shared.Actor;

/**
 * Who may use an administrators' servlet: an administrator signed in with a personal API token
 * ({@code Authorization: Bearer …}) or the pages' session. Anyone else is told 401, and a signed-in
 * non-administrator 404, as for every record they may not see.
 */
@ApplicationScoped
public class AdminRequests {

    private static final String BEARER = "Bearer ";

    @Inject
    AccountService accounts;

    @Inject
    SessionSignIn sessions;

    /** The administrator asking; when it is no administrator, the refusal is written and the answer is empty. */
    public Optional<Actor> administrator(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Actor> actor = signedIn(request);
        if (actor.isEmpty()) {
            ServletProblems.write(response, ProblemMapping.forStatus(401, "Unauthorized").withInstance(request.getRequestURI()));
            return Optional.empty();
        }
        if (!actor.get().is(Role.ADMIN)) {
            ServletProblems.write(response, ProblemMapping.forStatus(404, "Not Found").withInstance(request.getRequestURI()));
            return Optional.empty();
        }
        return actor;
    }

    private Optional<Actor> signedIn(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return accounts.authenticate(header.substring(BEARER.length()).strip());
        }
        return sessions.actor(request);
    }
}
