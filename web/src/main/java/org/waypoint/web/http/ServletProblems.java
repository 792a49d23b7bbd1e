package org.waypoint.web.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.waypoint.api.problem.Problem;
import org.waypoint.api.problem.ProblemJson;

/** Problems written by servlet code, where JAX-RS does not reach: the same JSON as the API's mappers. */
final class ServletProblems {

    private ServletProblems() {
    }

    /** Whether a request path (with the context path) is the API's. */
    static boolean isApi(HttpServletRequest request, String requestUri) {
        String api = request.getContextPath() + "/api";
        return requestUri != null && (requestUri.equals(api) || requestUri.startsWith(api + "/"));
    }

    static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
    }

    static void write(HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        noStore(response);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] json = ProblemJson.write(problem).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }
}
