package org.waypoint.core.shared.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Stores every {@link Instant} as a TIMESTAMP holding UTC wall-clock time, the one timestamp type
 * Derby and PostgreSQL share. The server runs with {@code -Duser.timezone=UTC}, so no daylight
 * saving gap can shift a value on its way through JDBC.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, LocalDateTime> {

    /** The same, as a parameter of a native statement. */
    public static java.sql.Timestamp timestamp(Instant instant) {
        return java.sql.Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** A TIMESTAMP column read by a native query (a {@code Timestamp} or a {@code LocalDateTime}, by driver). */
    public static Instant instant(Object column) {
        if (column instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        return ((LocalDateTime) column).toInstant(ZoneOffset.UTC);
    }

    @Override
    public LocalDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(LocalDateTime column) {
        return column == null ? null : column.toInstant(ZoneOffset.UTC);
    }
}
