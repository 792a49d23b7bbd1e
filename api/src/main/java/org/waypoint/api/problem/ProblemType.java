package org.waypoint.api.problem;

import java.net.URI;

/**
 * The kinds of problem the API reports. Each has a stable type URI that clients may switch on;
 * titles are for people and may be reworded, the URIs may not.
 */
public enum ProblemType {
    BAD_REQUEST(400, "bad-request", "The request is not valid"),
    VALIDATION(400, "validation", "The request has invalid fields"),
    MALFORMED_JSON(400, "malformed-json", "The request body is not well-formed JSON"),
    INVALID_BODY(400, "invalid-body", "The request body does not have the expected shape"),
    UNAUTHORIZED(401, "unauthorized", "Sign-in is required"),
    SECOND_FACTOR_REQUIRED(401, "second-factor-required", "A code from the authenticator app is required"),
    SECOND_FACTOR_NOT_SET_UP(403, "second-factor-not-set-up", "A second factor must be set up first"),
    ORGANISATION_SIGN_IN_REQUIRED(403, "organisation-sign-in-required", "This account signs in through its organisation's identity provider"),
    FORBIDDEN(403, "forbidden", "Not permitted"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "No acceptable representation"),
    ILLEGAL_TRANSITION(409, "illegal-transition", "The referral cannot do that in its current state"),
    CONFLICT(409, "conflict", "The request conflicts with the current state"),
    PRECONDITION_FAILED(412, "precondition-failed", "The record has changed since it was read"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    INTERNAL(500, "internal", "Something went wrong on our side");

    /** Where every type URI lives; the URIs identify, they need not resolve. */
    public static final String BASE = "https://waypoint.example/problems/";

    private final int status;
    private final URI type;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.type = URI.create(BASE + slug);
        this.title = title;
    }

    public int status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** The kind an HTTP error status stands for when nothing more is known, if it has one of its own. */
    public static java.util.Optional<ProblemType> forStatus(int status) {
        return java.util.Optional.ofNullable(switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> TOO_MANY_REQUESTS;
            case 500 -> INTERNAL;
            default -> null;
        });
    }
}
