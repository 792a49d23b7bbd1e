package org.waypoint.core.client;

import java.util.Optional;
import org.waypoint.core.shared.InvalidField;

/** Checks for the free text a caseworker types about a person; messages name the field, never the value. */
final class Text {

    private Text() {
    }

    static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidField(field, "error.field.required", field + " is required");
        }
        return limited(value.strip(), field, max);
    }

    static Optional<String> optional(Optional<String> value, String field, int max) {
        if (value == null) {
            return Optional.empty();
        }
        return value.map(String::strip).filter(v -> !v.isEmpty()).map(v -> limited(v, field, max));
    }

    static void requirePhone(String phone) {
        if (!phone.matches("\\+?[0-9 ()-]{6,30}")) {
            throw new InvalidField("phone", "error.phone.form",
                    "a phone number has digits, spaces, brackets, dashes and perhaps a leading +");
        }
    }

    private static String limited(String value, String field, int max) {
        if (value.length() > max) {
            throw new InvalidField(field, "error.field.tooLong", field + " is longer than " + max + " characters", max);
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new InvalidField(field, "error.field.control", field + " contains control characters");
        }
        return value;
    }
}
