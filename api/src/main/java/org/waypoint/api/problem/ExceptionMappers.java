package org.waypoint.api.problem;

import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.waypoint.core.referral.IllegalTransitionException;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.NotPermittedException;
import org.waypoint.core.shared.NotSignedInException;
import org.waypoint.core.shared.StaleVersionException;

/**
 * Every exception that reaches JAX-RS becomes problem+json. The domain's exceptions carry messages
 * written to be shown; anything unexpected is a 500 whose details go to the server's log under a
 * correlation id, and only the id goes to the client.
 */
@Provider
public class ExceptionMappers implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class.getName());
    private static final int MAX_CAUSES = 10;

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable cause = domainCause(thrown);
        if (cause instanceof NotFoundException e) {
            return Problem.of(ProblemType.NOT_FOUND, e.getMessage()).toResponse();
        }
        if (cause instanceof NotSignedInException e) {
            return Response.fromResponse(Problem.of(ProblemType.UNAUTHORIZED, e.getMessage()).toResponse())
                    .header("WWW-Authenticate", "Bearer").build();
        }
        if (cause instanceof NotPermittedException e) {
            return Problem.of(ProblemType.FORBIDDEN, e.getMessage()).toResponse();
        }
        if (cause instanceof IllegalTransitionException e) {
            return Problem.of(ProblemType.ILLEGAL_TRANSITION, e.getMessage()).toResponse();
        }
        if (cause instanceof StaleVersionException || cause instanceof OptimisticLockException) {
            return Problem.of(ProblemType.PRECONDITION_FAILED, "someone changed it since you read it; read it again")
                    .toResponse();
        }
        if (cause instanceof IllegalArgumentException e) {
            return Problem.of(ProblemType.VALIDATION, e.getMessage()).toResponse();
        }
        if (cause instanceof IllegalStateException e) {
            return Problem.of(ProblemType.CONFLICT, e.getMessage()).toResponse();
        }
        if (cause instanceof JsonbException) {
            return Problem.of(ProblemType.MALFORMED_JSON, null).toResponse();
        }
        if (cause instanceof WebApplicationException e && e.getResponse().getStatus() < 500) {
            int status = e.getResponse().getStatus();
            ProblemType type = status == 400 ? ProblemType.MALFORMED_JSON : ProblemType.forStatus(status);
            return Response.fromResponse(new Problem(type.uri(), type.title(), status, null, null, null).toResponse())
                    .build();
        }
        String correlationId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, correlation id " + correlationId, thrown);
        return new Problem(ProblemType.INTERNAL.uri(), ProblemType.INTERNAL.title(), 500, null, correlationId, null)
                .toResponse();
    }

    /** The first cause the API knows how to answer, looking through the container's wrappers. */
    private static Throwable domainCause(Throwable thrown) {
        Throwable current = thrown;
        for (int depth = 0; current != null && depth < MAX_CAUSES; depth++) {
            if (current instanceof NotFoundException || current instanceof NotSignedInException
                    || current instanceof NotPermittedException || current instanceof IllegalTransitionException
                    || current instanceof StaleVersionException || current instanceof OptimisticLockException
                    || current instanceof IllegalArgumentException || current instanceof IllegalStateException
                    || current instanceof JsonbException || current instanceof WebApplicationException) {
                return current;
            }
            current = current.getCause();
        }
        return thrown;
    }
}
