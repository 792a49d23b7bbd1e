package org.waypoint.core.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.waypoint.core.account.Role;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.audit.persistence.JpaAuditEventRepository;
import org.waypoint.core.calendar.persistence.JpaBankHolidayRepository;
import org.waypoint.core.client.Client;
import org.waypoint.core.client.ClientDetails;
import org.waypoint.core.client.ContactDetails;
import org.waypoint.core.client.SafeContact;
import org.waypoint.core.directory.ServiceCategory;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.referral.CrimeMarks;
import org.waypoint.core.report.persistence.JpaReportQueries;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.testing.MutableClock;
import org.waypoint.core.testing.TestDatabase;

/**
 * A measurement, not a test (Surefire's default patterns leave it out): loads {@code -Dn} referrals
 * (100,000 by default) straight through JDBC into the test database, with their timeline, needs and
 * crime marks, and prints how long each report query and whole report readings take. Run it on demand:
 * {@code ./mvnw -q -pl core test -Dtest=ReportScaleMeasure -Dn=100000}.
 */
class ReportScaleMeasure {

    @Test
    void measure() throws Exception {
        int n = Integer.getInteger("n", 100_000);
        try (TestDatabase db = TestDatabase.fresh()) {
            String[] ids = db.inTransaction(em -> {
                Organisation police = new Organisation("Police", OrganisationKind.REFERRER);
                em.persist(police);
                List<String> out = new ArrayList<>();
                out.add(police.id());
                ServiceCategory counselling = em.find(ServiceCategory.class, "COUNSELLING");
                for (int s = 0; s < 20; s++) {
                    Organisation charity = new Organisation("Charity " + s, OrganisationKind.PROVIDER);
                    em.persist(charity);
                    SupportService service = new SupportService(charity, "Service " + s, "x", List.of(counselling), List.of("M"),
                            new EmailAddress("s" + s + "@example.org"));
                    em.persist(service);
                    out.add(service.id());
                }
                Client client = new Client(police.id(), new ClientDetails("A", "B", java.time.LocalDate.of(1990, 1, 1),
                        Gender.NOT_SAID, "en", false, Optional.empty(), Optional.empty(), ContactDetails.none(),
                        SafeContact.mostCareful(), Optional.empty()), "dup", "u", Instant.now());
                em.persist(client);
                out.add(client.id());
                return out.toArray(String[]::new);
            });
            String police = ids[0];
            String client = ids[ids.length - 1];
            String[] marks = Arrays.stream(CrimeType.values()).map(CrimeMarks::of).toArray(String[]::new);
            org.waypoint.core.calendar.WorkingCalendar calendar = db.inTransaction(
                    em -> new org.waypoint.core.calendar.WorkingCalendar(new JpaBankHolidayRepository(em).all()));
            long loadStart = System.nanoTime();
            try (Connection c = db.jdbc()) {
                c.setAutoCommit(false);
                PreparedStatement r = c.prepareStatement("INSERT INTO referral (id, reference, client_id, referrer_user_id, referring_org_id,"
                        + " service_id, status, risk_level, urgency, reported_to_police, created_at, submitted_at, acknowledge_by,"
                        + " received_at, version, updated_at, accepted_at, ack_working_seconds, accept_working_seconds)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,?,?,?,?)");
                PreparedStatement e = c.prepareStatement("INSERT INTO referral_event (id, referral_id, occurred_at, sequence,"
                        + " actor_user_id, actor_org_id, action, from_status, to_status) VALUES (?,?,?,?,?,?,?,?,?)");
                PreparedStatement need = c.prepareStatement("INSERT INTO referral_need (referral_id, category_code) VALUES (?, 'COUNSELLING')");
                PreparedStatement mark = c.prepareStatement("INSERT INTO referral_crime_mark (referral_id, mark) VALUES (?, ?)");
                Instant base = Instant.parse("2026-01-05T09:00:00Z");
                for (int i = 0; i < n; i++) {
                    String id = UUID.randomUUID().toString();
                    Instant sent = base.plusSeconds((long) i * (365L * 86400 / n));
                    int kind = i % 10;
                    String status = kind < 1 ? "REQUESTED" : kind < 3 ? "RECEIVED" : kind < 8 ? "ACCEPTED" : "REJECTED";
                    Instant received = kind < 1 ? null : sent.plusSeconds(3600L * (1 + i % 70));
                    r.setString(1, id);
                    r.setString(2, "WP-2026-" + i);
                    r.setString(3, client);
                    r.setString(4, "u");
                    r.setString(5, police);
                    r.setString(6, ids[1 + i % 20]);
                    r.setString(7, status);
                    r.setString(8, "MEDIUM");
                    r.setString(9, i % 7 == 0 ? "URGENT" : "ROUTINE");
                    r.setBoolean(10, false);
                    r.setTimestamp(11, ts(sent));
                    r.setTimestamp(12, ts(sent));
                    r.setTimestamp(13, ts(sent.plusSeconds(2 * 86400)));
                    r.setTimestamp(14, received == null ? null : ts(received));
                    r.setTimestamp(15, ts(sent));
                    r.setTimestamp(16, status.equals("ACCEPTED") ? ts(received.plusSeconds(7200)) : null);
                    if (received == null) {
                        r.setNull(17, java.sql.Types.INTEGER);
                    } else {
                        r.setInt(17, (int) calendar.workingTimeBetween(sent, received).toSeconds());
                    }
                    if (status.equals("ACCEPTED")) {
                        r.setInt(18, (int) calendar.workingTimeBetween(sent, received.plusSeconds(7200)).toSeconds());
                    } else {
                        r.setNull(18, java.sql.Types.INTEGER);
                    }
                    r.addBatch();
                    int seq = 0;
                    event(e, id, sent, seq++, "CREATE", null, "DRAFT");
                    event(e, id, sent, seq++, "SUBMIT", "DRAFT", "REQUESTED");
                    if (received != null) {
                        event(e, id, received, seq++, "OPEN", "REQUESTED", "RECEIVED");
                    }
                    if (status.equals("ACCEPTED")) {
                        event(e, id, received.plusSeconds(7200), seq++, "ACCEPT", "RECEIVED", "ACCEPTED");
                    }
                    if (status.equals("REJECTED")) {
                        event(e, id, received.plusSeconds(7200), seq++, "REJECT", "RECEIVED", "REJECTED");
                    }
                    need.setString(1, id);
                    need.addBatch();
                    mark.setString(1, id);
                    mark.setString(2, marks[i % marks.length]);
                    mark.addBatch();
                    if (i % 1000 == 999) {
                        r.executeBatch();
                        e.executeBatch();
                        need.executeBatch();
                        mark.executeBatch();
                        c.commit();
                    }
                }
                r.executeBatch();
                e.executeBatch();
                need.executeBatch();
                mark.executeBatch();
                c.commit();
                try (var s = c.createStatement()) {
                    for (String table : List.of("REFERRAL", "REFERRAL_EVENT", "REFERRAL_NEED", "REFERRAL_CRIME_MARK")) {
                        s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('WAYPOINT', '" + table + "', NULL)");
                    }
                    c.commit();
                } catch (Exception stats) {
                    System.out.println("statistics: " + stats.getMessage());
                }
            }
            System.out.printf("loaded %d referrals in %d ms%n", n, (System.nanoTime() - loadStart) / 1_000_000);
            Actor admin = new Actor("u-admin", police, Role.ADMIN);
            MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
            ReportFilter year = ReportFilter.between(java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 12, 31));
            for (int run = 0; run < 3; run++) {
                db.inTransaction(em -> {
                    JpaReportQueries q = new JpaReportQueries(em);
                    long t0 = System.nanoTime();
                    q.perService(Optional.empty(), year, clock.instant());
                    long t1 = System.nanoTime();
                    var times = q.workingTimes(Optional.empty(), year);
                    long t2 = System.nanoTime();
                    q.flow(Optional.empty(), year, Reports.monthStarts(year));
                    long t3 = System.nanoTime();
                    Reports.timing(times);
                    long t4 = System.nanoTime();
                    System.out.printf("report parts: timeliness and services %d, working times %d (%d buckets), flow %d, percentiles %d ms%n",
                            (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, times.size(), (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
                    return null;
                });
            }
            for (ReportFilter filter : List.of(ReportFilter.between(java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 12, 31)),
                    ReportFilter.quarter(2026, 2), ReportFilter.quarter(2026, 2).crimeType(CrimeType.RAPE),
                    ReportFilter.quarter(2026, 2).service(ids[3]))) {
                for (Actor reader : List.of(admin, new Actor("u-caseworker", police, Role.CASEWORKER))) {
                    List<Long> times = new ArrayList<>();
                    for (int run = 0; run < 25; run++) {
                        long start = System.nanoTime();
                        db.inTransaction(em -> new Reports(new JpaReportQueries(em),
                                new AuditTrail(new JpaAuditEventRepository(em), clock), clock).read(reader, filter));
                        if (run >= 5) {
                            times.add((System.nanoTime() - start) / 1_000_000);
                        }
                    }
                    times.sort(null);
                    System.out.printf("report %s as %s: p50 %d ms, p95 %d ms, max %d ms (20 runs after 5 warm-up)%n",
                            filter.describe(), reader.role(), times.get(times.size() / 2),
                            times.get((int) Math.ceil(0.95 * times.size()) - 1), times.get(times.size() - 1));
                }
            }
        }
    }

    private static void event(PreparedStatement e, String referral, Instant at, int seq, String action, String from, String to)
            throws Exception {
        e.setString(1, UUID.randomUUID().toString());
        e.setString(2, referral);
        e.setTimestamp(3, ts(at));
        e.setInt(4, seq);
        e.setString(5, "u");
        e.setString(6, "o");
        e.setString(7, action);
        e.setString(8, from);
        e.setString(9, to);
        e.addBatch();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
