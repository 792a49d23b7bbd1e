package org.waypoint.api.problem;

/** The kinds of error the API answers, each with a stable type URI that clients may rely on. */
public enum ProblemType {
    VALIDATION(400, "validation", "The request is not valid"),
    MALFORMED_JSON(400, "malformed-json", "The body is not valid JSON for this request"),
    UNAUTHORIZED(401, "unauthorized", "Sign in first"),
    FORBIDDEN(403, "forbidden", "Not allowed for your role"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Cannot answer in the requested format"),
    CONFLICT(409, "conflict", "Not possible now"),
    ILLEGAL_TRANSITION(409, "illegal-transition", "Not allowed in this state"),
    PRECONDITION_FAILED(412, "precondition-failed", "Changed since you read it"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Send application/json"),
    INTERNAL(500, "internal", "Something went wrong on our side");

    private static final String BASE = "https://waypoint.example/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return BASE + slug;
    }

    public String title() {
        return title;
    }

    /** The generic type for an HTTP status the framework raised. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != ILLEGAL_TRANSITION && type != MALFORMED_JSON) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
