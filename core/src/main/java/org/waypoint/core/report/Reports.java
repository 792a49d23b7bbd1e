package org.waypoint.core.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.waypoint.core.account.Role;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.calendar.WorkingCalendar;
import org.waypoint.core.referral.CrimeMarks;
import org.waypoint.core.referral.EndReason;
import org.waypoint.core.referral.ReferralStatus;
import org.waypoint.core.report.ReportQueries.FlowCount;
import org.waypoint.core.report.ReportQueries.Keyed;
import org.waypoint.core.report.ReportQueries.ServiceCounts;
import org.waypoint.core.report.ReportQueries.TimelinessCounts;
import org.waypoint.core.report.ReportQueries.WorkingTime;
import org.waypoint.core.report.ReportTable.Cell;
import org.waypoint.core.report.ReportTable.Count;
import org.waypoint.core.report.ReportTable.Hours;
import org.waypoint.core.report.ReportTable.LabelKind;
import org.waypoint.core.report.ReportTable.Row;
import org.waypoint.core.report.ReportTable.Share;
import org.waypoint.core.report.ReportTable.Text;
import org.waypoint.core.report.SmallNumbers.Visibility;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.CrimeType;

/**
 * The reports for the people accountable: an administrator's over every referral, anyone else's
 * over their organisation's (as referrer, or as provider once sent). The database counts; this
 * turns the counts into published figures (suppressed, with shares and working hours) and records
 * each reading in the audit trail. Medians and percentiles are read here from the histograms of
 * working times the database counts ({@link ReportQueries#workingTimes}).
 */
@ApplicationScoped
public class Reports {

    public static final String AUDIT_RECORD = "REPORT";
    public static final String QUARTERLY_RETURN = "quarterly-return";

    static final List<String> TIMELINESS_COLUMNS = List.of("within", "late", "waitingPastDue", "waitingWithinDue",
            "endedUnacknowledged", "total", "withinShare", "lateShare", "waitingPastDueShare");
    static final List<String> TIMING_COLUMNS = List.of("referrals", "median", "p90");
    static final List<String> FLOW_COLUMNS = List.of("made", "sent", "received", "accepted", "rejected", "cancelled",
            "consentWithdrawn", "completed", "failed");
    static final List<String> ENDS_COLUMNS = List.of("rejected", "failed");
    static final String NOT_RECORDED = "NOT_RECORDED";
    static final List<String> SERVICE_COLUMNS = List.of("sent", "stillOpen", "awaitingAcknowledgement", "accepted",
            "rejected", "acceptanceRate", "medianToAcknowledge", "medianToAccept", "capacity");

    private final ReportQueries queries;
    private final AuditTrail audit;
    private final Clock clock;

    @Inject
    public Reports(ReportQueries queries, AuditTrail audit, Clock clock) {
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected Reports() {
        this(null, null, null);
    }

    /** Every figure for the filter, as the actor may see it; the reading is audited. */
    @Transactional
    public Report read(Actor actor, ReportFilter filter) {
        Optional<String> scope = scopeOf(actor);
        Instant now = clock.instant();
        List<WorkingTime> times = queries.workingTimes(scope, filter);
        List<FlowCount> flow = queries.flow(scope, filter, monthStarts(filter));
        ReportQueries.PerService perService = queries.perService(scope, filter, now);
        Report report = new Report(filter,
                timeliness(perService.timeliness()),
                timing(times),
                flow(filter, flow),
                ends(flow),
                services(perService.services(), times));
        audit.success(actor, AUDIT_RECORD, "reports", AuditEvent.Action.READ, filter.describe());
        return report;
    }

    /**
     * The quarterly return: referrals sent in the quarter (with the filter's other narrowing), by crime
     * type, by need and by outcome now, as one list of lines. Audited like the reports.
     */
    @Transactional
    public List<ReturnLine> quarterlyReturn(Actor actor, ReportFilter filter) {
        Optional<String> scope = scopeOf(actor);
        List<ReturnLine> lines = new ArrayList<>();
        List<Keyed> outcomes = queries.sentByOutcome(scope, filter);
        long[][] outcomeCells = new long[OUTCOMES.size()][1];
        Map<String, Long> byOutcome = toMap(outcomes);
        for (int i = 0; i < OUTCOMES.size(); i++) {
            outcomeCells[i][0] = byOutcome.getOrDefault(OUTCOMES.get(i), 0L);
        }
        Visibility[][] outcomeVisibility = SmallNumbers.suppress(outcomeCells, false, true);
        long received = Arrays.stream(outcomeCells).mapToLong(r -> r[0]).sum();
        Count total = new Count(received, outcomeVisibility[OUTCOMES.size()][0]);
        lines.add(new ReturnLine("received", "ALL", total));
        Map<String, Long> byMark = toMap(queries.sentByCrimeMark(scope, filter));
        for (CrimeType type : CrimeType.values()) {
            lines.add(new ReturnLine("crime_type", type.name(), overlapping(byMark.getOrDefault(CrimeMarks.of(type), 0L), total)));
        }
        Map<String, Long> byNeed = toMap(queries.sentByNeed(scope, filter));
        byNeed.keySet().stream().sorted()
                .forEach(need -> lines.add(new ReturnLine("need", need, overlapping(byNeed.get(need), total))));
        for (int i = 0; i < OUTCOMES.size(); i++) {
            lines.add(new ReturnLine("outcome", OUTCOMES.get(i), new Count(outcomeCells[i][0], outcomeVisibility[i][0])));
        }
        audit.success(actor, AUDIT_RECORD, QUARTERLY_RETURN, AuditEvent.Action.READ, filter.describe());
        return lines;
    }

    /**
     * What the filters offer: organisations, services and needs, by name. Names only, no referral. The
     * services are those the actor's reports can count: an administrator's every one, anyone else's
     * their organisation's own and those it has referred to.
     */
    @Transactional
    public Choices choices(Actor actor) {
        Objects.requireNonNull(actor, "reports are for someone signed in");
        return new Choices(queries.organisations(), queries.services(scopeOf(actor)), queries.needs());
    }

    public record Choices(List<ReportQueries.Choice> organisations, List<ReportQueries.Choice> services,
                          List<ReportQueries.Choice> needs) {
    }

    /** One line of the quarterly return: which part, which category, how many referrals. */
    public record ReturnLine(String section, String category, Count referrals) {
    }

    /** The outcomes of the quarterly return, each referral in exactly one. */
    static final List<String> OUTCOMES = List.of("REQUESTED", "RECEIVED", "ACCEPTED", "IN_PROGRESS", "ON_HOLD",
            "COMPLETED", "REJECTED", "FAILED", "CANCELLED", "CONSENT_WITHDRAWN");

    private static Optional<String> scopeOf(Actor actor) {
        return actor.is(Role.ADMIN) ? Optional.empty() : Optional.of(actor.organisationId());
    }

    /**
     * A count of an overlapping category (crime types, needs): small ones hidden, and one that equals a
     * hidden total withheld, since it would show the total.
     */
    private static Count overlapping(long count, Count total) {
        Count own = primary(count);
        if (!own.visibility().hidden() && total.visibility().hidden() && count == total.value() && count > 0) {
            return new Count(count, Visibility.WITHHELD);
        }
        return own;
    }

    private static Count primary(long count) {
        return new Count(count, SmallNumbers.suppress(new long[][] {{count}}, false, false)[0][0]);
    }

    private static Map<String, Long> toMap(List<Keyed> keyed) {
        Map<String, Long> map = new HashMap<>();
        keyed.forEach(k -> map.merge(k.key(), k.count(), Long::sum));
        return map;
    }

    static ReportTable timeliness(List<TimelinessCounts> perService) {
        long[][] cells = new long[perService.size()][];
        for (int i = 0; i < cells.length; i++) {
            TimelinessCounts t = perService.get(i);
            cells[i] = new long[] {t.within(), t.late(), t.waitingPastDue(), t.waitingWithinDue(), t.endedUnacknowledged()};
        }
        Visibility[][] visibility = SmallNumbers.suppress(cells, 5, true, true);
        long[][] all = totals(cells, 5);
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < all.length; r++) {
            List<Cell> row = new ArrayList<>();
            for (int c = 0; c <= 5; c++) {
                row.add(new Count(all[r][c], visibility[r][c]));
            }
            for (int c = 0; c < 3; c++) {
                row.add(share(all[r][c], all[r][5], visibility[r][c], visibility[r][5]));
            }
            boolean total = r == cells.length;
            rows.add(new Row(total ? "total" : perService.get(r).serviceName(), total ? LabelKind.TOTAL : LabelKind.NAME, row));
        }
        return new ReportTable(Report.TIMELINESS, TIMELINESS_COLUMNS, rows, 3);
    }

    static ReportTable timing(List<WorkingTime> times) {
        return new ReportTable(Report.TIMING, TIMING_COLUMNS, List.of(
                timingRow("acknowledge", Histogram.of(times, false, Optional.empty())),
                timingRow("accept", Histogram.of(times, true, Optional.empty()))), 0);
    }

    private static Row timingRow(String label, Histogram hours) {
        Count count = primary(hours.total());
        return new Row(label, LabelKind.CODE, List.of(count, new Hours(hours.percentile(50)), new Hours(hours.percentile(90))));
    }

    static ReportTable flow(ReportFilter filter, List<FlowCount> counts) {
        List<YearMonth> months = months(filter);
        long[][] cells = new long[months.size()][FLOW_COLUMNS.size()];
        for (FlowCount count : counts) {
            int column = flowColumn(count.action(), count.toStatus());
            if (column >= 0) {
                cells[count.month()][column] += count.count();
            }
        }
        Visibility[][] visibility = SmallNumbers.suppress(cells, FLOW_COLUMNS.size(), false, true);
        long[][] all = columnTotals(cells, FLOW_COLUMNS.size());
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < all.length; r++) {
            List<Cell> row = new ArrayList<>();
            for (int c = 0; c < FLOW_COLUMNS.size(); c++) {
                row.add(new Count(all[r][c], visibility[r][c]));
            }
            boolean total = r == months.size();
            rows.add(new Row(total ? "total" : months.get(r).toString(), total ? LabelKind.TOTAL : LabelKind.MONTH, row));
        }
        return new ReportTable(Report.FLOW, FLOW_COLUMNS, rows, FLOW_COLUMNS.size());
    }

    /**
     * Referrals rejected and failed in the period, by their reason's code: one row per code in
     * {@link EndReason}'s order (codes that cannot explain a column count nothing there), then the steps
     * recorded without one ({@value #NOT_RECORDED}: before codes were kept, or from an API client that
     * sends none), then the totals.
     */
    static ReportTable ends(List<FlowCount> counts) {
        List<String> codes = new ArrayList<>(Arrays.stream(EndReason.values()).map(Enum::name).toList());
        codes.add(NOT_RECORDED);
        long[][] cells = new long[codes.size()][ENDS_COLUMNS.size()];
        for (FlowCount count : counts) {
            int column = "REJECT".equals(count.action()) ? 0 : "FAIL".equals(count.action()) ? 1 : -1;
            if (column >= 0) {
                cells[codes.indexOf(count.reasonCode() == null ? NOT_RECORDED : count.reasonCode())][column] += count.count();
            }
        }
        Visibility[][] visibility = SmallNumbers.suppress(cells, ENDS_COLUMNS.size(), false, true);
        long[][] all = columnTotals(cells, ENDS_COLUMNS.size());
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < all.length; r++) {
            List<Cell> row = new ArrayList<>();
            for (int c = 0; c < ENDS_COLUMNS.size(); c++) {
                row.add(new Count(all[r][c], visibility[r][c]));
            }
            boolean total = r == codes.size();
            rows.add(new Row(total ? "total" : codes.get(r), total ? LabelKind.TOTAL : LabelKind.CODE, row));
        }
        return new ReportTable(Report.ENDS, ENDS_COLUMNS, rows, ENDS_COLUMNS.size());
    }

    private static int flowColumn(String action, String toStatus) {
        return switch (action) {
            case "CREATE" -> 0;
            case "SUBMIT" -> 1;
            case "OPEN" -> 2;
            case "ACCEPT" -> 3;
            case "REJECT" -> 4;
            case "CANCEL" -> 5;
            case "WITHDRAW_CONSENT" -> ReferralStatus.CANCELLED.name().equals(toStatus) ? 6 : -1;
            case "COMPLETE" -> 7;
            case "FAIL" -> 8;
            default -> -1;
        };
    }

    static ReportTable services(List<ServiceCounts> perService, List<WorkingTime> times) {
        long[][] cells = new long[perService.size()][];
        for (int i = 0; i < cells.length; i++) {
            ServiceCounts s = perService.get(i);
            cells[i] = new long[] {s.sent(), s.stillOpen(), s.awaitingAcknowledgement(), s.accepted(), s.rejected()};
        }
        Visibility[][] visibility = SmallNumbers.suppress(cells, 5, false, true);
        long[][] all = columnTotals(cells, 5);
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < all.length; r++) {
            boolean total = r == cells.length;
            List<Cell> row = new ArrayList<>();
            for (int c = 0; c < 5; c++) {
                row.add(new Count(all[r][c], visibility[r][c]));
            }
            long decided = all[r][3] + all[r][4];
            Visibility decidedVisibility = visibility[r][3].hidden() || visibility[r][4].hidden()
                    ? Visibility.WITHHELD : Visibility.SHOWN;
            row.add(share(all[r][3], decided, visibility[r][3], decidedVisibility));
            Optional<String> service = total ? Optional.empty() : Optional.of(perService.get(r).serviceId());
            row.add(new Hours(Histogram.of(times, false, service).percentile(50)));
            row.add(new Hours(Histogram.of(times, true, service).percentile(50)));
            if (total) {
                row.add(new Text("", Optional.empty()));
                rows.add(new Row("total", LabelKind.TOTAL, row));
            } else {
                ServiceCounts s = perService.get(r);
                row.add(new Text(s.capacity(), s.waitWeeks()));
                rows.add(new Row(s.serviceName(), LabelKind.NAME, row));
            }
        }
        return new ReportTable(Report.SERVICES, SERVICE_COLUMNS, rows, 2);
    }

    private static Share share(long count, long base, Visibility countVisibility, Visibility baseVisibility) {
        return new Share(SmallNumbers.shareShown(base, countVisibility, baseVisibility)
                ? Optional.of(Math.round(1000.0 * count / base) / 10.0) : Optional.empty());
    }

    /** How many referrals took each time (in tenths of a working hour) to be acknowledged, or accepted. */
    record Histogram(SortedMap<Integer, Long> countsByTenths, long total) {

        /** Of one service, or of all ({@code service} empty). */
        static Histogram of(List<WorkingTime> times, boolean toAccept, Optional<String> service) {
            SortedMap<Integer, Long> counts = new TreeMap<>();
            long total = 0;
            for (WorkingTime t : times) {
                if (t.toAccept() == toAccept && service.map(t.serviceId()::equals).orElse(true)) {
                    counts.merge(t.tenths(), t.count(), Long::sum);
                    total += t.count();
                }
            }
            return new Histogram(counts, total);
        }

        /**
         * The nearest-rank percentile, in hours to one decimal; none over fewer than
         * {@value SmallNumbers#MIN_BASE_FOR_SHARE} referrals, where one person's time would show through.
         */
        Optional<Double> percentile(int percent) {
            if (total < SmallNumbers.MIN_BASE_FOR_SHARE) {
                return Optional.empty();
            }
            long rank = Math.max(1, (long) Math.ceil(percent / 100.0 * total));
            long seen = 0;
            for (Map.Entry<Integer, Long> bucket : countsByTenths.entrySet()) {
                seen += bucket.getValue();
                if (seen >= rank) {
                    return Optional.of(bucket.getKey() / 10.0);
                }
            }
            throw new IllegalStateException("a rank within the total is always reached");
        }
    }

    private static long[][] totals(long[][] cells, int columns) {
        long[][] all = new long[cells.length + 1][columns + 1];
        for (int r = 0; r < cells.length; r++) {
            for (int c = 0; c < columns; c++) {
                all[r][c] = cells[r][c];
                all[r][columns] += cells[r][c];
                all[cells.length][c] += cells[r][c];
                all[cells.length][columns] += cells[r][c];
            }
        }
        return all;
    }

    private static long[][] columnTotals(long[][] cells, int columns) {
        long[][] all = new long[cells.length + 1][];
        long[] total = new long[columns];
        for (int r = 0; r < cells.length; r++) {
            all[r] = cells[r];
            for (int c = 0; c < columns; c++) {
                total[c] += cells[r][c];
            }
        }
        all[cells.length] = total;
        return all;
    }

    static List<YearMonth> months(ReportFilter filter) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(filter.from()); !m.isAfter(YearMonth.from(filter.to())); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** The first instant of each month of the period (the first clipped to the period's start). */
    static List<Instant> monthStarts(ReportFilter filter) {
        List<Instant> starts = new ArrayList<>();
        for (YearMonth m : months(filter)) {
            starts.add(m.atDay(1).atStartOfDay(WorkingCalendar.LONDON).toInstant());
        }
        starts.set(0, filter.start());
        return starts;
    }
}
