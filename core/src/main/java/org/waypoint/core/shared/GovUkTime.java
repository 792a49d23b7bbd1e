package org.waypoint.core.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way pages and e-mails write a time: London time in GOV.UK style, "5pm on Tuesday 2
 * December 2025", "9:30am on …", and "midday" and "midnight" rather than 12pm and 12am, which
 * people misread.
 */
public final class GovUkTime {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private GovUkTime() {
    }

    /** "5pm on Tuesday 2 December 2025", in London time whatever the season. */
    public static String dateTime(Instant instant) {
        ZonedDateTime local = instant.atZone(LONDON);
        return clock(local.toLocalTime()) + " on " + DAY.format(local);
    }

    /** "2 December 2025", for a date with no time, such as a date of birth. */
    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** "5pm", "9:30am", "midday", "midnight". */
    static String clock(LocalTime time) {
        int hour = time.getHour();
        int minute = time.getMinute();
        if (minute == 0 && hour == 0) {
            return "midnight";
        }
        if (minute == 0 && hour == 12) {
            return "midday";
        }
        int twelve = hour % 12 == 0 ? 12 : hour % 12;
        return twelve + (minute == 0 ? "" : String.format(Locale.ROOT, ":%02d", minute)) + (hour < 12 ? "am" : "pm");
    }
}
