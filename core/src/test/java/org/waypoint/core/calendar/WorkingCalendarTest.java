package org.waypoint.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Deadlines over weekends, bank holidays and year ends, with the bank holidays the migration holds. */
class WorkingCalendarTest {

    private static final List<LocalDate> BANK_HOLIDAYS = bankHolidaysFromMigration();
    private final WorkingCalendar calendar = new WorkingCalendar(BANK_HOLIDAYS);

    private static List<LocalDate> bankHolidaysFromMigration() {
        try (InputStream in = WorkingCalendarTest.class.getResourceAsStream("/db/migration/V3__clients_referrals_audit.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher dates = Pattern.compile("\\('(\\d{4}-\\d{2}-\\d{2})'").matcher(sql);
            List<LocalDate> found = new java.util.ArrayList<>();
            while (dates.find()) {
                found.add(LocalDate.parse(dates.group(1)));
            }
            return found;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theMigrationHoldsEightBankHolidaysOnWeekdaysForEachYearFrom2025To2028() {
        Map<Integer, Long> perYear = BANK_HOLIDAYS.stream().collect(Collectors.groupingBy(LocalDate::getYear, Collectors.counting()));

        assertThat(perYear).containsOnlyKeys(2025, 2026, 2027, 2028).allSatisfy((year, count) -> assertThat(count).isEqualTo(8));
        assertThat(BANK_HOLIDAYS).allSatisfy(day ->
                assertThat(day.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            "2026-11-23, 2, 2026-11-25",   // Monday to Wednesday
            "2026-11-27, 2, 2026-12-01",   // Friday over the weekend to Tuesday
            "2026-11-28, 2, 2026-12-01",   // Saturday: Monday is the first working day
            "2026-04-02, 2, 2026-04-08",   // Thursday before Easter: Good Friday and Easter Monday skipped
            "2026-12-23, 2, 2026-12-29",   // Christmas Day, the weekend and the substitute Boxing Day skipped
            "2027-12-23, 2, 2027-12-29",   // Christmas on a Saturday: both substitute days skipped
            "2027-12-30, 2, 2028-01-04",   // across the year end, New Year's substitute Monday skipped
            "2025-05-02, 1, 2025-05-06",   // Friday before the early May bank holiday
            "2028-08-25, 1, 2028-08-29"    // Friday before the summer bank holiday
    })
    void countsOnlyWorkingDays(LocalDate from, int days, LocalDate expected) {
        assertThat(calendar.addWorkingDays(from, days)).isEqualTo(expected);
    }

    @Test
    void aDeadlineFallsAtTheEndOfTheDayInLondonWinterAndSummer() {
        Instant mondayMorningWinter = ZonedDateTime.parse("2026-11-23T10:00:00Z").toInstant();
        Instant mondayMorningSummer = ZonedDateTime.parse("2026-06-22T09:00:00Z").toInstant();

        assertThat(calendar.endOfWorkingDaysAfter(mondayMorningWinter, 2)).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(calendar.endOfWorkingDaysAfter(mondayMorningSummer, 2)).isEqualTo(Instant.parse("2026-06-24T23:00:00Z"));
    }

    @Test
    void aSubmissionLateOnSundayEveningUtcIsAlreadyMondayInLondonInSummer() {
        Instant sundayLateUtc = Instant.parse("2026-06-21T23:30:00Z");

        assertThat(calendar.endOfWorkingDaysAfter(sundayLateUtc, 1)).isEqualTo(Instant.parse("2026-06-23T23:00:00Z"));
    }

    @Test
    void refusesToCountNoDays() {
        assertThatIllegalArgumentException().isThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 1, 5), 0));
    }

    @ParameterizedTest
    @CsvSource({
            // Friday 16:00 London (BST) to Monday 09:00: 8 hours of Friday, 9 of Monday.
            "2026-10-09T15:00:00Z, 2026-10-12T08:00:00Z, 17",
            // The same day.
            "2026-10-12T09:00:00Z, 2026-10-12T13:00:00Z, 4",
            // Over Christmas 2026: Thursday 24th 12:00 GMT to Tuesday 29th 12:00; 25th and 28th are bank holidays.
            "2026-12-24T12:00:00Z, 2026-12-29T12:00:00Z, 24",
            // A Saturday to a Sunday: no working time at all.
            "2026-10-10T09:00:00Z, 2026-10-11T17:00:00Z, 0",
            // Backwards counts nothing.
            "2026-10-12T13:00:00Z, 2026-10-12T09:00:00Z, 0"
    })
    void workingTimeCountsOnlyTheHoursOfWorkingDays(Instant from, Instant to, long hours) {
        assertThat(calendar.workingTimeBetween(from, to).toHours()).isEqualTo(hours);
    }
}
