package org.waypoint.api.problem;

import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean Validation failures. Jersey brings a mapper for {@link ValidationException} that answers
 * in its own format; this one is as close and ours, so it wins. A constraint violation becomes a
 * 400 with field paths, a broken constraint definition a 500.
 */
@Provider
public class BeanValidationMapper implements ExceptionMapper<ValidationException> {

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(ValidationException thrown) {
        return ProblemResponses.of(thrown, uri);
    }
}
