package org.waypoint.api.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One invalid field, as RFC 9457's example has it: where it is in the request body, as an RFC 6901
 * JSON pointer ({@code /client/dateOfBirth}, {@code /needs/2}), and what is wrong with it, never its value.
 */
@JsonbPropertyOrder({"pointer", "detail"})
public record FieldError(String pointer, String detail) {
}
