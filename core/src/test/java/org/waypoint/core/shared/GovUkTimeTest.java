package org.waypoint.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GovUkTimeTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "2025-12-02T17:00:00Z | 5pm on Tuesday 2 December 2025",
            "2025-12-02T09:30:00Z | 9:30am on Tuesday 2 December 2025",
            "2025-12-02T12:00:00Z | midday on Tuesday 2 December 2025",
            "2025-12-02T00:00:00Z | midnight on Tuesday 2 December 2025",
            "2025-12-02T00:05:00Z | 12:05am on Tuesday 2 December 2025",
            "2025-12-02T12:45:00Z | 12:45pm on Tuesday 2 December 2025",
            "2026-06-01T16:00:00Z | 5pm on Monday 1 June 2026",
            "2026-06-01T23:00:00Z | midnight on Tuesday 2 June 2026",
            "2026-03-29T00:59:00Z | 12:59am on Sunday 29 March 2026",
            "2026-03-29T01:00:00Z | 2am on Sunday 29 March 2026"})
    void writesTimesTheGovUkWayInLondonTime(String instant, String expected) {
        assertThat(GovUkTime.dateTime(Instant.parse(instant))).isEqualTo(expected);
    }

    @Test
    void writesDatesWithoutTheDay() {
        assertThat(GovUkTime.date(LocalDate.of(2011, 4, 7))).isEqualTo("7 April 2011");
    }
}
