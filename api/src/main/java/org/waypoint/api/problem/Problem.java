package org.waypoint.api.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An error as RFC 9457 describes it. {@code detail} comes only from messages the domain writes to
 * be shown (they name fields and states, never values); {@code correlationId} only on a 500.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "correlationId", "errors"})
public record Problem(String type, String title, int status, String detail, String correlationId,
                      List<FieldError> errors) {

    public static final MediaType MEDIA_TYPE = MediaType.valueOf("application/problem+json");

    /** One failing field of a validation error. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, null);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
