package org.waypoint.core.report.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.waypoint.core.referral.CrimeMarks;
import org.waypoint.core.report.ReportFilter;
import org.waypoint.core.report.ReportQueries;

/**
 * The reports' counts as native SQL that Derby and PostgreSQL both run: conditional sums grouped by
 * service or month, over the indexes of V18, V23 and V24. Months are buckets computed from instants
 * the caller gives (a CASE over the month starts), since the two databases name date functions
 * differently. Why these counts are not yet kept incrementally: ADR 0010.
 */
@ApplicationScoped
public class JpaReportQueries implements ReportQueries {

    private static final String OPEN = "'REQUESTED', 'RECEIVED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD'";
    private static final String FLOW_ACTIONS =
            "'CREATE', 'SUBMIT', 'OPEN', 'ACCEPT', 'REJECT', 'CANCEL', 'WITHDRAW_CONSENT', 'COMPLETE', 'FAIL'";

    private final EntityManager em;

    @Inject
    public JpaReportQueries(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaReportQueries() {
        this(null);
    }

    /** The timeliness and the services' figures share their referrals and grouping: one walk through the index serves both. */
    @Override
    public PerService perService(Optional<String> scope, ReportFilter filter, Instant now) {
        Sql sql = new Sql("SELECT g.service_id, sv.name, sv.capacity, sv.wait_weeks, g.within_due, g.late, g.waiting_past,"
                + " g.waiting_within, g.ended, g.sent, g.still_open, g.awaiting, g.accepted, g.rejected"
                + " FROM (SELECT r.service_id AS service_id,"
                + " SUM(CASE WHEN r.received_at IS NOT NULL AND r.received_at <= r.acknowledge_by THEN 1 ELSE 0 END) AS within_due,"
                + " SUM(CASE WHEN r.received_at IS NOT NULL AND r.received_at > r.acknowledge_by THEN 1 ELSE 0 END) AS late,");
        sql.add(" SUM(CASE WHEN r.received_at IS NULL AND r.status = 'REQUESTED' AND r.acknowledge_by < ? THEN 1 ELSE 0 END) AS waiting_past,", utc(now));
        sql.add(" SUM(CASE WHEN r.received_at IS NULL AND r.status = 'REQUESTED' AND r.acknowledge_by >= ? THEN 1 ELSE 0 END) AS waiting_within,", utc(now));
        sql.add(" SUM(CASE WHEN r.received_at IS NULL AND r.status <> 'REQUESTED' THEN 1 ELSE 0 END) AS ended,"
                + " COUNT(*) AS sent,"
                + " SUM(CASE WHEN r.status IN (" + OPEN + ") THEN 1 ELSE 0 END) AS still_open,"
                + " SUM(CASE WHEN r.status = 'REQUESTED' THEN 1 ELSE 0 END) AS awaiting,"
                + " SUM(CASE WHEN r.accepted_at IS NOT NULL THEN 1 ELSE 0 END) AS accepted,"
                + " SUM(CASE WHEN r.status = 'REJECTED' THEN 1 ELSE 0 END) AS rejected");
        from(sql, filter);
        sent(sql, scope, filter);
        sql.add(" GROUP BY r.service_id) g JOIN support_service sv ON sv.id = g.service_id ORDER BY sv.name, g.service_id");
        List<TimelinessCounts> timeliness = new ArrayList<>();
        List<ServiceCounts> services = new ArrayList<>();
        for (Object[] row : sql.rows(em)) {
            String id = text(row[0]);
            String name = (String) row[1];
            timeliness.add(new TimelinessCounts(id, name, count(row[4]), count(row[5]), count(row[6]), count(row[7]),
                    count(row[8])));
            services.add(new ServiceCounts(id, name, text(row[2]), Optional.ofNullable((Number) row[3]).map(Number::intValue),
                    count(row[9]), count(row[10]), count(row[11]), count(row[12]), count(row[13])));
        }
        return new PerService(timeliness, services);
    }

    /** Two histograms in one statement: times to acknowledge (kind 0), then to accept (kind 1). */
    @Override
    public List<WorkingTime> workingTimes(Optional<String> scope, ReportFilter filter) {
        Sql sql = new Sql("SELECT t.service_id, t.kind, t.tenths, COUNT(*) FROM (");
        histogram(sql, scope, filter, 0, "r.ack_working_seconds");
        sql.add(" UNION ALL ");
        histogram(sql, scope, filter, 1, "r.accept_working_seconds");
        sql.add(") t GROUP BY t.service_id, t.kind, t.tenths");
        List<WorkingTime> result = new ArrayList<>();
        for (Object[] row : sql.rows(em)) {
            result.add(new WorkingTime(text(row[0]), ((Number) row[1]).intValue() == 1, ((Number) row[2]).intValue(),
                    count(row[3])));
        }
        return result;
    }

    /** Seconds to the nearest tenth of an hour (360 s), as whole numbers both databases divide alike. */
    private void histogram(Sql sql, Optional<String> scope, ReportFilter filter, int kind, String seconds) {
        sql.add("SELECT r.service_id AS service_id, " + kind + " AS kind, (" + seconds + " + 180) / 360 AS tenths");
        from(sql, filter);
        sent(sql, scope, filter);
        sql.add(" AND " + seconds + " IS NOT NULL");
    }

    /**
     * Unnarrowed (an administrator's whole flow), the timeline is counted from its own index alone and
     * the few entries of referrals entered in error taken off, instead of joining every entry to its
     * referral.
     */
    @Override
    public List<FlowCount> flow(Optional<String> scope, ReportFilter filter, List<Instant> monthStarts) {
        if (scope.isEmpty() && !filter.narrowed()) {
            List<FlowCount> result = new ArrayList<>(flowCounts(monthStarts, filter, false, scope));
            for (FlowCount inError : flowCounts(monthStarts, filter, true, scope)) {
                result.add(new FlowCount(inError.month(), inError.action(), inError.toStatus(), inError.reasonCode(),
                        -inError.count()));
            }
            return result;
        }
        return flowCounts(monthStarts, filter, null, scope);
    }

    /** The flow's counts: of every entry ({@code inError} false), of referrals entered in error (true), or narrowed (null). */
    private List<FlowCount> flowCounts(List<Instant> monthStarts, ReportFilter filter, Boolean inError, Optional<String> scope) {
        Sql sql = new Sql("SELECT t.bucket, t.action, t.to_status, t.reason_code, COUNT(*) FROM (SELECT");
        if (monthStarts.size() == 1) {
            sql.add(" 0");
        } else {
            sql.add(" CASE");
            for (int i = 1; i < monthStarts.size(); i++) {
                sql.add(" WHEN e.occurred_at < ? THEN " + (i - 1), utc(monthStarts.get(i)));
            }
            sql.add(" ELSE " + (monthStarts.size() - 1) + " END");
        }
        sql.add(" AS bucket, e.action AS action, e.to_status AS to_status, e.reason_code AS reason_code FROM referral_event e");
        if (Boolean.FALSE.equals(inError)) {
            sql.add(" WHERE e.action IN (" + FLOW_ACTIONS + ")");
        } else if (Boolean.TRUE.equals(inError)) {
            sql.add(" JOIN referral r ON r.id = e.referral_id WHERE r.status = 'ENTERED_IN_ERROR'"
                    + " AND e.action IN (" + FLOW_ACTIONS + ")");
        } else {
            sql.add(" JOIN referral r ON r.id = e.referral_id");
            marked(sql, filter);
            sql.add(" WHERE e.action IN (" + FLOW_ACTIONS + ") AND r.status <> 'ENTERED_IN_ERROR'");
        }
        sql.add(" AND e.occurred_at >= ?", utc(filter.start()));
        sql.add(" AND e.occurred_at < ?", utc(filter.end()));
        if (inError == null) {
            narrowed(sql, scope, filter);
        }
        sql.add(") t GROUP BY t.bucket, t.action, t.to_status, t.reason_code");
        List<FlowCount> result = new ArrayList<>();
        for (Object[] row : sql.rows(em)) {
            result.add(new FlowCount(((Number) row[0]).intValue(), text(row[1]), text(row[2]), text(row[3]), count(row[4])));
        }
        return result;
    }

    @Override
    public List<Keyed> sentByCrimeMark(Optional<String> scope, ReportFilter filter) {
        Sql sql = new Sql("SELECT m.mark, COUNT(*)");
        from(sql, filter);
        sql.add(" JOIN referral_crime_mark m ON m.referral_id = r.id");
        sent(sql, scope, filter);
        sql.add(" GROUP BY m.mark");
        return keyed(sql);
    }

    @Override
    public List<Keyed> sentByNeed(Optional<String> scope, ReportFilter filter) {
        Sql sql = new Sql("SELECT n.category_code, COUNT(*)");
        from(sql, filter);
        sql.add(" JOIN referral_need n ON n.referral_id = r.id");
        sent(sql, scope, filter);
        sql.add(" GROUP BY n.category_code");
        return keyed(sql);
    }

    @Override
    public List<Keyed> sentByOutcome(Optional<String> scope, ReportFilter filter) {
        Sql sql = new Sql("SELECT t.outcome, COUNT(*) FROM (SELECT CASE WHEN r.status = 'CANCELLED'"
                + " AND r.consent_withdrawn_at IS NOT NULL THEN 'CONSENT_WITHDRAWN' ELSE r.status END AS outcome");
        from(sql, filter);
        sent(sql, scope, filter);
        sql.add(") t GROUP BY t.outcome");
        return keyed(sql);
    }

    @Override
    public List<Choice> organisations() {
        return choices(new Sql("SELECT id, name FROM organisation ORDER BY name, id"));
    }

    /** An organisation's: its own, and those with a referral of its (by V24's index, a look-up per service). */
    @Override
    public List<Choice> services(Optional<String> scope) {
        if (scope.isEmpty()) {
            return choices(new Sql("SELECT id, name FROM support_service ORDER BY name, id"));
        }
        Sql sql = new Sql("SELECT s.id, s.name FROM support_service s");
        sql.add(" WHERE s.organisation_id = ?", scope.get());
        sql.add(" OR EXISTS (SELECT 1 FROM referral r WHERE r.service_id = s.id AND r.referring_org_id = ?)", scope.get());
        sql.add(" ORDER BY s.name, s.id");
        return choices(sql);
    }

    @Override
    public List<Choice> needs() {
        return choices(new Sql("SELECT code, label FROM service_category ORDER BY label, code"));
    }

    private List<Choice> choices(Sql sql) {
        List<Choice> result = new ArrayList<>();
        for (Object[] row : sql.rows(em)) {
            result.add(new Choice(text(row[0]), (String) row[1]));
        }
        return result;
    }

    private List<Keyed> keyed(Sql sql) {
        List<Keyed> result = new ArrayList<>();
        for (Object[] row : sql.rows(em)) {
            result.add(new Keyed(text(row[0]), count(row[1])));
        }
        return result;
    }

    /**
     * The referrals, joined to the crime mark and need asked for (each at most one row per referral, by
     * their keys), so that the database may start from the few referrals that carry them instead of
     * probing the marks once for every referral of the period.
     */
    private static void from(Sql sql, ReportFilter filter) {
        sql.add(" FROM referral r");
        marked(sql, filter);
    }

    private static void marked(Sql sql, ReportFilter filter) {
        filter.crimeType().ifPresent(c -> sql.add(
                " JOIN referral_crime_mark fm ON fm.referral_id = r.id AND fm.mark = ?", CrimeMarks.of(c)));
        filter.need().ifPresent(n -> sql.add(
                " JOIN referral_need fn ON fn.referral_id = r.id AND fn.category_code = ?", n));
    }

    /** Referrals sent in the period, less those entered in error, narrowed by scope and filters. */
    private void sent(Sql sql, Optional<String> scope, ReportFilter filter) {
        sql.add(" WHERE r.submitted_at >= ?", utc(filter.start()));
        sql.add(" AND r.submitted_at < ?", utc(filter.end()));
        sql.add(" AND r.status <> 'ENTERED_IN_ERROR'");
        narrowed(sql, scope, filter);
    }

    /** The narrowing of the scope and the filters, but for the crime mark and need {@link #marked} joins. */
    private void narrowed(Sql sql, Optional<String> scope, ReportFilter filter) {
        scope.ifPresent(org -> party(sql, org));
        filter.organisationId().ifPresent(org -> party(sql, org));
        filter.serviceId().ifPresent(id -> sql.add(" AND r.service_id = ?", id));
        filter.urgency().ifPresent(u -> sql.add(" AND r.urgency = ?", u.name()));
    }

    /**
     * The organisation's referrals as referrer, or as provider once they were sent. Its services are
     * read first (a handful), so that each referral is tested against them instead of being joined to
     * its service.
     */
    private void party(Sql sql, String organisationId) {
        List<String> services = servicesOf(organisationId);
        if (services.isEmpty()) {
            sql.add(" AND r.referring_org_id = ?", organisationId);
            return;
        }
        sql.add(" AND (r.referring_org_id = ?", organisationId);
        sql.add(" OR (r.submitted_at IS NOT NULL AND r.service_id IN (");
        for (int i = 0; i < services.size(); i++) {
            sql.add(i == 0 ? "?" : ", ?", services.get(i));
        }
        sql.add(")))");
    }

    private List<String> servicesOf(String organisationId) {
        Sql sql = new Sql("SELECT id FROM support_service");
        sql.add(" WHERE organisation_id = ?", organisationId);
        List<String> ids = new ArrayList<>();
        for (Object id : sql.column(em)) {
            ids.add(text(id));
        }
        return ids;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static long count(Object column) {
        return column == null ? 0 : ((Number) column).longValue();
    }

    private static String text(Object column) {
        return column == null ? null : column.toString().strip();
    }

    /** A statement built piece by piece with its positional parameters. */
    private static final class Sql {
        private final StringBuilder text = new StringBuilder();
        private final List<Object> parameters = new ArrayList<>();

        Sql(String start) {
            text.append(start);
        }

        void add(String part, Object... values) {
            for (Object value : values) {
                parameters.add(value);
                part = part.replaceFirst("\\?(?![0-9])", "?" + parameters.size());
            }
            text.append(part);
        }

        @SuppressWarnings("unchecked")
        List<Object[]> rows(EntityManager em) {
            return query(em).getResultList();
        }

        @SuppressWarnings("unchecked")
        List<Object> column(EntityManager em) {
            return query(em).getResultList();
        }

        private Query query(EntityManager em) {
            Query query = em.createNativeQuery(text.toString());
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            return query;
        }
    }
}
