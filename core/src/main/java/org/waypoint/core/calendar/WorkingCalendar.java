package org.waypoint.core.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Set;

/**
 * Working days in England and Wales: Monday to Friday, less bank holidays. Deadlines fall at the end
 * of a working day, London time: a referral submitted on Monday at 10:00 with a target of two working
 * days is due by the end of Wednesday; one submitted on a Saturday by the end of Tuesday.
 */
public final class WorkingCalendar {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final Set<LocalDate> bankHolidays;

    public WorkingCalendar(Collection<LocalDate> bankHolidays) {
        this.bankHolidays = Set.copyOf(bankHolidays);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !bankHolidays.contains(date);
    }

    /** The {@code workingDays}-th working day after {@code date} (not counting {@code date} itself). */
    public LocalDate addWorkingDays(LocalDate date, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("count at least one working day");
        }
        LocalDate day = date;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The end (midnight, London time) of the {@code workingDays}-th working day after the day of {@code from}. */
    public Instant endOfWorkingDaysAfter(Instant from, int workingDays) {
        LocalDate last = addWorkingDays(from.atZone(LONDON).toLocalDate(), workingDays);
        return last.plusDays(1).atStartOfDay(LONDON).toInstant();
    }

    /**
     * The time between two instants that fell on working days, London time, on the clock the due times
     * use: each working day counts whole (midnight to midnight), weekends and bank holidays not at all.
     * A referral sent on Friday at 16:00 and acknowledged on Monday at 09:00 took 17 working hours.
     * Zero when {@code to} is not after {@code from}.
     */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDate firstDay = from.atZone(LONDON).toLocalDate();
        LocalDate lastDay = to.atZone(LONDON).toLocalDate();
        Duration total = Duration.ZERO;
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                Instant start = day.atStartOfDay(LONDON).toInstant();
                Instant end = day.plusDays(1).atStartOfDay(LONDON).toInstant();
                Instant a = from.isAfter(start) ? from : start;
                Instant b = to.isBefore(end) ? to : end;
                if (b.isAfter(a)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }
}
