package org.waypoint.api.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Every failure under /api not claimed by a closer mapper; see {@link ProblemMapping}. */
@Provider
public class ThrowableMapper implements ExceptionMapper<Throwable> {

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(Throwable thrown) {
        return ProblemResponses.of(thrown, uri);
    }
}
