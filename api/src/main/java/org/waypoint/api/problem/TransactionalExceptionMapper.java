package org.waypoint.api.problem;

import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A transaction that failed as it ended, most often because someone changed the same record at the
 * same moment (409). Jersey brings a mapper for this type that rethrows what it wraps, which then
 * escapes every mapper as a 500; this one is as close and ours, so it wins.
 */
@Provider
public class TransactionalExceptionMapper implements ExceptionMapper<TransactionalException> {

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(TransactionalException thrown) {
        return ProblemResponses.of(thrown, uri);
    }
}
