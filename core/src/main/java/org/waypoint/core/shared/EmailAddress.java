package org.waypoint.core.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address, checked for shape (not for existence) and kept in lower case.
 */
public record EmailAddress(String value) {

    private static final int MAX_LENGTH = 320;
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public EmailAddress {
        InvalidField.required(value, "email", "error.field.required", "e-mail address is required");
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw new InvalidField("email", "error.email.form", "not an e-mail address");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
