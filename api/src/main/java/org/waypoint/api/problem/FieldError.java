package org.waypoint.api.problem;

/** One invalid field: its path in the request ({@code client.dateOfBirth}, {@code needs[2]}) and what is wrong, never its value. */
public record FieldError(String field, String message) {
}
