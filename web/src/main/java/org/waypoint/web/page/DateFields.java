package org.waypoint.web.page;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A date typed in GOV.UK's three fields (day, month, year) on a search or report form: a real date
 * in the years 2000 to 2999, each field trimmed.
 */
public final class DateFields {

    private DateFields() {
    }

    /** Whether none of the three fields was filled in. */
    public static boolean blank(String day, String month, String year) {
        return Pages.trimmed(day) == null && Pages.trimmed(month) == null && Pages.trimmed(year) == null;
    }

    /** The date, or empty when the fields do not make one (a field left blank included). */
    public static Optional<LocalDate> parse(String day, String month, String year) {
        try {
            LocalDate date = LocalDate.of(number(year), number(month), number(day));
            return date.getYear() < 2000 || date.getYear() > 2999 ? Optional.empty() : Optional.of(date);
        } catch (NumberFormatException | DateTimeException notADate) {
            return Optional.empty();
        }
    }

    private static int number(String field) {
        return Integer.parseInt(field == null ? "" : field.strip());
    }
}
