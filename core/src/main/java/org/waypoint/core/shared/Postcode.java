package org.waypoint.core.shared;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UK postcode, whole ({@code M14 5RT}) or only its outward code ({@code M14}), checked for shape
 * (not for existence) and kept in upper case with one space before the inward code. Its area is the
 * leading letters ({@code M}), its district the outward code ({@code M14}).
 */
public record Postcode(String value) {

    private static final Pattern SHAPE = Pattern.compile("([A-Z]{1,2})([0-9][0-9A-Z]?)\\s*([0-9][A-Z]{2})?");

    public Postcode {
        InvalidField.required(value, "postcode", "error.field.required", "a postcode is required");
        Matcher parts = SHAPE.matcher(value.strip().toUpperCase(Locale.ROOT));
        if (!parts.matches()) {
            throw new InvalidField("postcode", "error.postcode.form",
                    "a postcode looks like \"M14 5RT\" or, for its district only, \"M14\"");
        }
        String outward = parts.group(1) + parts.group(2);
        value = parts.group(3) == null ? outward : outward + " " + parts.group(3);
    }

    /** The postcode area: {@code M} of {@code M14 5RT}. */
    public String area() {
        int end = 0;
        while (Character.isLetter(value.charAt(end))) {
            end++;
        }
        return value.substring(0, end);
    }

    /** The postcode district, which is the outward code: {@code M14} of {@code M14 5RT}. */
    public String district() {
        int space = value.indexOf(' ');
        return space < 0 ? value : value.substring(0, space);
    }

    /** Whether the inward code is known too, not only the district. */
    public boolean isFull() {
        return value.indexOf(' ') >= 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
