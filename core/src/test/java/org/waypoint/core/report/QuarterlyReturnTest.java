package org.waypoint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.waypoint.core.account.Role;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.referral.CrimeMarks;
import org.waypoint.core.report.Reports.ReturnLine;
import org.waypoint.core.report.SmallNumbers.Visibility;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.testing.InMemory;
import org.waypoint.core.testing.MutableClock;

/**
 * The quarterly return's suppression, on counts made by hand: 8 referrals received, 6 accepted and 2
 * rejected. The 2 is hidden; left alone, "received 8" less "accepted 6" would give it away, so the 6
 * is withheld; and a crime type that every referral names (8) would then give "received" away were
 * it hidden, so an overlapping category equal to a hidden total is withheld too.
 */
class QuarterlyReturnTest {

    private static final Actor ADMIN = new Actor("u-admin", "o-admin", Role.ADMIN);

    @Test
    void anOutcomeThatTheTotalWouldRevealIsWithheld() {
        List<ReturnLine> lines = quarterly(List.of(new ReportQueries.Keyed("ACCEPTED", 6), new ReportQueries.Keyed("REJECTED", 2)),
                List.of(new ReportQueries.Keyed(CrimeMarks.of(CrimeType.RAPE), 8)));

        assertThat(visibility(lines, "received", "ALL")).isEqualTo(Visibility.SHOWN);
        assertThat(visibility(lines, "outcome", "REJECTED")).isEqualTo(Visibility.FEWER_THAN_FIVE);
        assertThat(visibility(lines, "outcome", "ACCEPTED")).isEqualTo(Visibility.WITHHELD);
        assertThat(visibility(lines, "outcome", "COMPLETED")).isEqualTo(Visibility.SHOWN);
        assertThat(visibility(lines, "crime_type", "RAPE")).isEqualTo(Visibility.SHOWN);
    }

    @Test
    void aCategoryEqualToAHiddenTotalIsWithheld() {
        // 3 received, all accepted and all for rape: the total is hidden, and so must the 3 be wherever it appears.
        List<ReturnLine> lines = quarterly(List.of(new ReportQueries.Keyed("ACCEPTED", 3)),
                List.of(new ReportQueries.Keyed(CrimeMarks.of(CrimeType.RAPE), 3)));

        assertThat(visibility(lines, "received", "ALL")).isEqualTo(Visibility.FEWER_THAN_FIVE);
        assertThat(visibility(lines, "crime_type", "RAPE")).isEqualTo(Visibility.FEWER_THAN_FIVE);

        lines = quarterly(List.of(new ReportQueries.Keyed("ACCEPTED", 6), new ReportQueries.Keyed("REJECTED", 2)),
                List.of(new ReportQueries.Keyed(CrimeMarks.of(CrimeType.RAPE), 8)));
        assertThat(lines).filteredOn(l -> l.referrals().visibility() == Visibility.SHOWN)
                .noneSatisfy(l -> assertThat(l.referrals().value()).isBetween(1L, 4L));
    }

    private static Visibility visibility(List<ReturnLine> lines, String section, String category) {
        return lines.stream().filter(l -> l.section().equals(section) && l.category().equals(category)).findFirst()
                .orElseThrow().referrals().visibility();
    }

    private static List<ReturnLine> quarterly(List<ReportQueries.Keyed> outcomes, List<ReportQueries.Keyed> marks) {
        ReportQueries counts = new ReportQueries() {
            @Override
            public PerService perService(Optional<String> scope, ReportFilter filter, Instant now) {
                return new PerService(List.of(), List.of());
            }

            @Override
            public List<WorkingTime> workingTimes(Optional<String> scope, ReportFilter filter) {
                return List.of();
            }

            @Override
            public List<FlowCount> flow(Optional<String> scope, ReportFilter filter, List<Instant> monthStarts) {
                return List.of();
            }

            @Override
            public List<Keyed> sentByCrimeMark(Optional<String> scope, ReportFilter filter) {
                return marks;
            }

            @Override
            public List<Keyed> sentByNeed(Optional<String> scope, ReportFilter filter) {
                return List.of();
            }

            @Override
            public List<Keyed> sentByOutcome(Optional<String> scope, ReportFilter filter) {
                return outcomes;
            }

            @Override
            public List<Choice> organisations() {
                return List.of();
            }

            @Override
            public List<Choice> services(Optional<String> scope) {
                return List.of();
            }

            @Override
            public List<Choice> needs() {
                return List.of();
            }
        };
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        Reports reports = new Reports(counts, new AuditTrail(new InMemory.AuditEvents(), clock), clock);
        return reports.quarterlyReturn(ADMIN, ReportFilter.quarter(2026, 4));
    }
}
