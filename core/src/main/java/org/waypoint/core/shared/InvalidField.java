package org.waypoint.core.shared;

/** A value that is missing or not of the form the field takes; names the field, never the value. */
public class InvalidField extends DomainException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidField(String field, String key, String message, Object... arguments) {
        super(key, message, arguments);
        this.field = field;
    }

    /** The field as the domain names it, such as {@code reason} or {@code dateOfBirth}. */
    public String field() {
        return field;
    }

    /** Refuses a missing value of a field the caller had to give. */
    public static <T> T required(T value, String field, String key, String message) {
        if (value == null) {
            throw new InvalidField(field, key, message);
        }
        return value;
    }
}
