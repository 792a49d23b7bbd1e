package org.waypoint.api.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code detail} is written for the client and never holds personal
 * data, a class name, a stack trace or SQL; {@code correlationId} appears only on internal errors,
 * {@code errors} only on validation problems. Absent members are left out of the JSON.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "correlationId", "errors"})
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        String correlationId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public static Problem of(ProblemType kind, String detail) {
        return new Problem(kind.type(), kind.title(), kind.status(), detail, null, null, null);
    }

    /** A status without a kind of its own: RFC 9457's {@code about:blank}, titled by the status. */
    public static Problem ofStatus(int status, String reasonPhrase) {
        return ProblemType.forStatus(status)
                .map(kind -> of(kind, null))
                .orElseGet(() -> new Problem(URI.create("about:blank"), reasonPhrase, status, null, null, null, null));
    }

    public Problem withDetail(String newDetail) {
        return new Problem(type, title, status, newDetail, instance, correlationId, errors);
    }

    public Problem withInstance(String newInstance) {
        return new Problem(type, title, status, detail, newInstance, correlationId, errors);
    }

    public Problem withCorrelationId(String id) {
        return new Problem(type, title, status, detail, instance, id, errors);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, correlationId, fieldErrors);
    }
}
