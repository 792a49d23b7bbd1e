package org.waypoint.api.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Problems as JAX-RS responses: problem+json, never cached, never sniffed. */
public final class ProblemResponses {

    /** Headers of a WebApplicationException that the client needs to act on the problem. */
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER);

    private ProblemResponses() {
    }

    public static Response of(Throwable thrown, UriInfo uri) {
        Problem problem = ProblemMapping.toProblem(thrown).withInstance(path(uri));
        Response.ResponseBuilder response = of(problem);
        WebApplicationException wae = webApplicationException(thrown);
        boolean challenged = false;
        if (wae != null && wae.getResponse().getStatus() == problem.status()) {
            for (String header : KEPT_HEADERS) {
                List<Object> values = wae.getResponse().getHeaders().get(header);
                if (values != null) {
                    values.forEach(value -> response.header(header, value));
                    challenged |= header.equals(HttpHeaders.WWW_AUTHENTICATE);
                }
            }
        }
        if (problem.status() == 401 && !challenged) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }

    public static Response.ResponseBuilder of(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .entity(problem);
    }

    private static WebApplicationException webApplicationException(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof WebApplicationException w) {
                return w;
            }
        }
        return null;
    }

    /** The path only: a query string is never echoed. */
    private static String path(UriInfo uri) {
        if (uri == null) {
            return null;
        }
        try {
            return uri.getRequestUri().getRawPath();
        } catch (RuntimeException outsideARequest) {
            return null;
        }
    }
}
