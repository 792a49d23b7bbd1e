package org.waypoint.core.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.waypoint.core.account.Role;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.audit.persistence.JpaAuditEventRepository;
import org.waypoint.core.calendar.persistence.JpaBankHolidayRepository;
import org.waypoint.core.client.ClientDetails;
import org.waypoint.core.client.ClientService;
import org.waypoint.core.client.ContactDetails;
import org.waypoint.core.client.SafeContact;
import org.waypoint.core.client.persistence.JpaClientRepository;
import org.waypoint.core.directory.ServiceCategory;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.directory.persistence.JpaSupportServiceRepository;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.referral.Consent;
import org.waypoint.core.referral.ConsentBasis;
import org.waypoint.core.referral.ConsentMethod;
import org.waypoint.core.referral.NeedsAssessment;
import org.waypoint.core.referral.ReferralService;
import org.waypoint.core.referral.Urgency;
import org.waypoint.core.referral.persistence.JpaReferralRepository;
import org.waypoint.core.retention.persistence.JpaLegalHolds;
import org.waypoint.core.retention.persistence.JpaRetentionStore;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.RiskLevel;
import org.waypoint.core.shared.crypto.FieldCipher;
import org.waypoint.core.shared.persistence.JpaJobLease;
import org.waypoint.core.testing.InMemory;
import org.waypoint.core.testing.MutableClock;
import org.waypoint.core.testing.TestDatabase;

/**
 * Not a test: bench/retention.sh's measurement. Loads {@code -Dn} people (100,000 by default), each
 * with every personal field encrypted and one referral rejected in 2025 with its timeline, a reason
 * and a message, straight through JDBC; then measures submissions (a person recorded, a draft,
 * consent, submit: four transactions, as the API's four requests), one every 50 ms, while idle and
 * again while the retention run anonymises everyone in batches of 500. Prints people/s and the
 * submissions' p50 and p99 idle and during the run. Embedded Derby, or PostgreSQL with -Ppostgresql.
 */
class RetentionScaleMeasure {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final FieldCipher CIPHER = FieldCipher.current();

    @Test
    void measure() throws Exception {
        int n = Integer.getInteger("n", 100_000);
        try (TestDatabase db = TestDatabase.fresh()) {
            MutableClock clock = new MutableClock(NOW);
            Actor[] actors = new Actor[1];
            String[] ids = db.inTransaction(em -> {
                Organisation police = new Organisation("Police", OrganisationKind.REFERRER);
                Organisation charity = new Organisation("Charity", OrganisationKind.PROVIDER);
                em.persist(police);
                em.persist(charity);
                SupportService service = new SupportService(charity, "Service", "x",
                        List.of(em.find(ServiceCategory.class, "COUNSELLING")), List.of("M"), new EmailAddress("s@example.org"));
                em.persist(service);
                actors[0] = new Actor("u-caseworker", police.id(), Role.CASEWORKER);
                return new String[] {police.id(), service.id()};
            });
            long loadStart = System.nanoTime();
            load(db, n, ids[0], ids[1]);
            System.out.printf("loaded %,d people with a rejected referral each in %.1f s%n", n,
                    (System.nanoTime() - loadStart) / 1e9);

            if (Boolean.getBoolean("phases")) {
                for (int b = 0; b < 3; b++) {
                    long t0 = System.nanoTime();
                    List<RetentionStore.Candidate> found = db.inTransaction(em -> new JpaRetentionStore(em, CIPHER)
                            .candidates(RetentionPolicy.defaults().cutoffs(NOW), Optional.empty(), 500));
                    long t1 = System.nanoTime();
                    db.inTransaction(em -> new JpaRetentionStore(em, CIPHER).anonymise(
                            found.stream().map(RetentionStore.Candidate::clientId).toList(), NOW,
                            Optional.of(RetentionPolicy.defaults().cutoffs(NOW)), Optional.empty()));
                    long t2 = System.nanoTime();
                    System.out.printf("phase: candidates %.0f ms, anonymise %.0f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
                }
            }
            Submitter submitter = new Submitter(db, clock, actors[0], ids[1]);
            for (int i = 0; i < 50; i++) {
                submitter.submitOne();
            }
            List<Long> idle = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                idle.add(submitter.paced());
            }

            AtomicBoolean running = new AtomicBoolean(true);
            List<Long> during = Collections.synchronizedList(new ArrayList<>());
            Thread load = new Thread(() -> {
                while (running.get()) {
                    during.add(submitter.paced());
                }
            });
            long start = System.nanoTime();
            load.start();
            RetentionStore.Counts counts = Retention.runOnce(new Retention.Transactions() {
                @Override
                public <T> T apply(java.util.function.Function<Retention, T> step) {
                    return db.inTransaction(em -> {
                        AuditTrail audit = new AuditTrail(new JpaAuditEventRepository(em), clock);
                        ReferralService referrals = new ReferralService(new JpaReferralRepository(em), new JpaClientRepository(em),
                                new JpaSupportServiceRepository(em), new InMemory.Counter(), new JpaBankHolidayRepository(em),
                                audit, new InMemory.Events(), CIPHER, clock);
                        return step.apply(new Retention(new JpaRetentionStore(em, CIPHER), new JpaLegalHolds(em),
                                RetentionPolicy.defaults(), new JpaJobLease(em), referrals, new JpaReferralRepository(em), audit, clock));
                    });
                }
            }, "measure", Integer.getInteger("batch", 500), java.time.Duration.ofMillis(Long.getLong("pause", 100))).orElseThrow();
            double seconds = (System.nanoTime() - start) / 1e9;
            running.set(false);
            load.join();
            System.out.printf("retention (batches of %d, %d ms between) anonymised %,d people (%,d referrals) in %.1f s: %.0f people/s (target ≥ 1,000)%n",
                    Integer.getInteger("batch", 500), Long.getLong("pause", 100), counts.people(), counts.referrals(), seconds, counts.people() / seconds);
            long idleP99 = percentile(idle, 0.99);
            long duringP99 = percentile(during, 0.99);
            System.out.printf("submission idle: %d submissions, p50 %.1f ms, p99 %.1f ms%n", idle.size(),
                    percentile(idle, 0.5) / 1e6, idleP99 / 1e6);
            System.out.printf("submission during the run: %d submissions, p50 %.1f ms, p99 %.1f ms, %.2f x idle p99 (target ≤ 2)%n",
                    during.size(), percentile(during, 0.5) / 1e6, duringP99 / 1e6, (double) duringP99 / idleP99);
        }
    }

    /** A submission as the API makes it: four transactions, each timed together. */
    private static final class Submitter {

        static final long PACE_MS = 50;

        private final TestDatabase db;
        private final MutableClock clock;
        private final Actor caseworker;
        private final String serviceId;
        private final InMemory.Counter counter = new InMemory.Counter();
        private int count;

        Submitter(TestDatabase db, MutableClock clock, Actor caseworker, String serviceId) {
            this.db = db;
            this.clock = clock;
            this.caseworker = caseworker;
            this.serviceId = serviceId;
        }

        /** One submission, then a pause to make the pace one every {@value #PACE_MS} ms: a steady load, not a flood. */
        long paced() {
            long took = submitOne();
            long rest = PACE_MS - took / 1_000_000;
            if (rest > 0) {
                try {
                    Thread.sleep(rest);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return took;
        }

        long submitOne() {
            long start = System.nanoTime();
            int k = ++count;
            String clientId = db.inTransaction(em -> new ClientService(new JpaClientRepository(em),
                    new AuditTrail(new JpaAuditEventRepository(em), clock), CIPHER, clock).register(caseworker,
                    new ClientDetails("Bench" + k, "Person", LocalDate.of(1990, 1, 1), Gender.NOT_SAID, "en", false,
                            Optional.empty(), Optional.empty(), ContactDetails.none(), SafeContact.mostCareful(), Optional.empty()))
                    .id());
            String referralId = referrals(s -> s.draft(caseworker, clientId, serviceId, new NeedsAssessment(Set.of("COUNSELLING"),
                    Set.of(CrimeType.SEXUAL_ASSAULT), RiskLevel.STANDARD, Urgency.ROUTINE, false, Optional.empty(),
                    Optional.empty())).id());
            referrals(s -> s.recordConsent(caseworker, referralId, Consent.given(ConsentBasis.GIVEN_BY_PERSON, true, true,
                    ConsentMethod.IN_PERSON, clock.instant(), caseworker.userId())));
            referrals(s -> s.submit(caseworker, referralId));
            return System.nanoTime() - start;
        }

        private <T> T referrals(java.util.function.Function<ReferralService, T> work) {
            return db.inTransaction(em -> {
                AuditTrail audit = new AuditTrail(new JpaAuditEventRepository(em), clock);
                return work.apply(new ReferralService(new JpaReferralRepository(em), new JpaClientRepository(em),
                        new JpaSupportServiceRepository(em), counter, new JpaBankHolidayRepository(em), audit,
                        new InMemory.Events(), CIPHER, clock));
            });
        }
    }

    private static void load(TestDatabase db, int n, String police, String service) throws Exception {
        try (Connection c = db.jdbc()) {
            c.setAutoCommit(false);
            PreparedStatement client = c.prepareStatement("INSERT INTO client (id, organisation_id, duplicate_key, given_name,"
                    + " family_name, date_of_birth, gender, preferred_language, interpreter_needed, postcode, phone, address,"
                    + " safe_number, voicemail_allowed, service_may_identify, created_at, created_by, version)"
                    + " VALUES (?,?,?,?,?,?,?,?,FALSE,?,?,?,?,FALSE,FALSE,?,'u',0)");
            PreparedStatement referral = c.prepareStatement("INSERT INTO referral (id, reference, client_id, referrer_user_id,"
                    + " referring_org_id, service_id, status, risk_level, urgency, reported_to_police, crime_reference,"
                    + " safeguarding_concerns, created_at, submitted_at, acknowledge_by, received_at, updated_at, version)"
                    + " VALUES (?,?,?,'u',?,?,'REJECTED','MEDIUM','ROUTINE',TRUE,?,?,?,?,?,?,?,0)");
            PreparedStatement event = c.prepareStatement("INSERT INTO referral_event (id, referral_id, occurred_at, sequence,"
                    + " actor_user_id, actor_org_id, action, from_status, to_status, reason) VALUES (?,?,?,?,'u','o',?,?,?,?)");
            PreparedStatement message = c.prepareStatement("INSERT INTO referral_message (id, referral_id, occurred_at, sequence,"
                    + " author_user_id, author_org_id, side, body) VALUES (?,?,?,0,'u','o','SERVICE',?)");
            PreparedStatement need = c.prepareStatement("INSERT INTO referral_need (referral_id, category_code) VALUES (?, 'COUNSELLING')");
            Instant base = Instant.parse("2025-01-06T09:00:00Z");
            // Values the run never reads are encrypted once: loading is not what is measured.
            String female = CIPHER.encrypt("FEMALE");
            String english = CIPHER.encrypt("en");
            String postcode = CIPHER.encrypt("M14 5RT");
            String phone = CIPHER.encrypt("07700 900123");
            String address = CIPHER.encrypt("1 Example Street");
            String concerns = CIPHER.encrypt("Concerns about the person");
            String reason = CIPHER.encrypt("Not eligible");
            String body = CIPHER.encrypt("A message about the person");
            for (int i = 0; i < n; i++) {
                String clientId = UUID.randomUUID().toString();
                String referralId = UUID.randomUUID().toString();
                Instant sent = base.plusSeconds((long) i * 150);
                Instant ended = sent.plusSeconds(86_400);
                client.setString(1, clientId);
                client.setString(2, police);
                client.setString(3, CIPHER.blindIndex("person" + i));
                client.setString(4, CIPHER.encrypt("Given" + i));
                client.setString(5, female);
                client.setString(6, CIPHER.encrypt(LocalDate.of(1960 + i % 40, 1 + i % 12, 1 + i % 28).toString()));
                client.setString(7, female);
                client.setString(8, english);
                client.setString(9, postcode);
                client.setString(10, phone);
                client.setString(11, address);
                client.setString(12, phone);
                client.setTimestamp(13, ts(sent));
                client.addBatch();
                referral.setString(1, referralId);
                referral.setString(2, "WP-2025-" + i);
                referral.setString(3, clientId);
                referral.setString(4, police);
                referral.setString(5, service);
                referral.setString(6, CIPHER.encrypt("CR-" + i));
                referral.setString(7, concerns);
                referral.setTimestamp(8, ts(sent));
                referral.setTimestamp(9, ts(sent));
                referral.setTimestamp(10, ts(sent.plusSeconds(2 * 86_400)));
                referral.setTimestamp(11, ts(sent.plusSeconds(3600)));
                referral.setTimestamp(12, ts(ended));
                referral.addBatch();
                event(event, referralId, sent, 0, "SUBMIT", "DRAFT", "REQUESTED", null);
                event(event, referralId, sent.plusSeconds(3600), 1, "OPEN", "REQUESTED", "RECEIVED", null);
                event(event, referralId, ended, 2, "REJECT", "RECEIVED", "REJECTED", reason);
                message.setString(1, UUID.randomUUID().toString());
                message.setString(2, referralId);
                message.setTimestamp(3, ts(sent.plusSeconds(7200)));
                message.setString(4, body);
                message.addBatch();
                need.setString(1, referralId);
                need.addBatch();
                if (i % 1000 == 999 || i == n - 1) {
                    client.executeBatch();
                    referral.executeBatch();
                    event.executeBatch();
                    message.executeBatch();
                    need.executeBatch();
                    c.commit();
                }
            }
        }
    }

    private static void event(PreparedStatement e, String referral, Instant at, int seq, String action, String from, String to,
                              String reason) throws Exception {
        e.setString(1, UUID.randomUUID().toString());
        e.setString(2, referral);
        e.setTimestamp(3, ts(at));
        e.setInt(4, seq);
        e.setString(5, action);
        e.setString(6, from);
        e.setString(7, to);
        e.setString(8, reason);
        e.addBatch();
    }

    private static long percentile(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
