package org.waypoint.core.shared;

import java.util.Locale;

/** A language as its ISO 639-1 code ({@code en}, {@code pl}, {@code ur}), kept in lower case. */
public record LanguageCode(String value) {

    public static final LanguageCode ENGLISH = new LanguageCode("en");

    public LanguageCode {
        InvalidField.required(value, "language", "error.field.required", "a language code is required");
        value = value.strip().toLowerCase(Locale.ROOT);
        if (!value.matches("[a-z]{2}")) {
            throw new InvalidField("language", "error.language.code",
                    "a language is its two-letter ISO 639-1 code, such as \"en\"");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
