package org.waypoint.core.directory;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.RuleViolation;

/**
 * When a service is open on one day of the week, in UK local time, to the minute (the weekly
 * "schedule" of Open Referral UK). A value: equal when day and times are.
 */
@Embeddable
@Access(AccessType.FIELD)
public class OpeningTime {

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    @Enumerated(EnumType.STRING)
    @Column(name = "weekday", nullable = false, length = 9)
    private DayOfWeek day;

    /** {@code 09:00}: kept as text, which sorts as the times do (see V19). */
    @Column(name = "opens_at", nullable = false, length = 5)
    private String opens;

    @Column(name = "closes_at", nullable = false, length = 5)
    private String closes;

    protected OpeningTime() {
        // for JPA
    }

    public OpeningTime(DayOfWeek day, LocalTime opens, LocalTime closes) {
        this.day = InvalidField.required(day, "day", "error.field.required", "an opening time has a day");
        InvalidField.required(opens, "opens", "error.field.required", "an opening time has a time it opens");
        InvalidField.required(closes, "closes", "error.field.required", "an opening time has a time it closes");
        if (!opens.truncatedTo(ChronoUnit.MINUTES).isBefore(closes.truncatedTo(ChronoUnit.MINUTES))) {
            throw new RuleViolation("error.openingTime.order", "a service opens before it closes on the same day");
        }
        this.opens = opens.format(HOURS_MINUTES);
        this.closes = closes.format(HOURS_MINUTES);
    }

    /** The opening times, checked to give each weekday at most once; null or empty for none. */
    static Set<OpeningTime> requireOnePerDay(Collection<OpeningTime> times) {
        Set<OpeningTime> checked = new HashSet<>();
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (OpeningTime time : times == null ? List.<OpeningTime>of() : times) {
            InvalidField.required(time, "time", "error.field.required", "an opening time is required");
            if (!days.add(time.day())) {
                throw new RuleViolation("error.openingTime.oneADay", "a service states at most one opening time a day");
            }
            checked.add(time);
        }
        return checked;
    }

    /** From times written as {@code 09:00} and {@code 17:30}. */
    public static OpeningTime of(DayOfWeek day, String opens, String closes) {
        return new OpeningTime(day, time(opens), time(closes));
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text == null ? "" : text.strip(), HOURS_MINUTES);
        } catch (DateTimeParseException notATime) {
            throw new InvalidField("time", "error.openingTime.form",
                    "a time is written on the 24-hour clock, such as 09:00 or 17:30");
        }
    }

    public DayOfWeek day() {
        return day;
    }

    public LocalTime opens() {
        return LocalTime.parse(opens, HOURS_MINUTES);
    }

    public LocalTime closes() {
        return LocalTime.parse(closes, HOURS_MINUTES);
    }

    /** {@code 09:00}, as the forms and the APIs write it. */
    public String opensText() {
        return opens;
    }

    public String closesText() {
        return closes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OpeningTime that && day == that.day && opens.equals(that.opens) && closes.equals(that.closes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(day, opens, closes);
    }

    @Override
    public String toString() {
        return day + " " + opensText() + "-" + closesText();
    }
}
