package org.waypoint.core.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waypoint.core.account.Role;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.audit.persistence.JpaAuditEventRepository;
import org.waypoint.core.calendar.WorkingCalendar;
import org.waypoint.core.calendar.persistence.JpaBankHolidayRepository;
import org.waypoint.core.client.Client;
import org.waypoint.core.client.ClientDetails;
import org.waypoint.core.client.ClientService;
import org.waypoint.core.client.ContactDetails;
import org.waypoint.core.client.Guardian;
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
import org.waypoint.core.referral.EndReason;
import org.waypoint.core.referral.NeedsAssessment;
import org.waypoint.core.referral.Referral;
import org.waypoint.core.referral.ReferralEvents;
import org.waypoint.core.referral.ReferralReference;
import org.waypoint.core.referral.ReferralService;
import org.waypoint.core.referral.ReferralStatus;
import org.waypoint.core.referral.Urgency;
import org.waypoint.core.referral.persistence.JpaReferralRepository;
import org.waypoint.core.report.Report;
import org.waypoint.core.report.ReportFilter;
import org.waypoint.core.report.Reports;
import org.waypoint.core.report.persistence.JpaReportQueries;
import org.waypoint.core.retention.persistence.JpaLegalHolds;
import org.waypoint.core.retention.persistence.JpaRetentionStore;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.RiskLevel;
import org.waypoint.core.shared.crypto.FieldCipher;
import org.waypoint.core.shared.crypto.FieldDecryptionException;
import org.waypoint.core.shared.persistence.JpaJobLease;
import org.waypoint.core.testing.InMemory;
import org.waypoint.core.testing.MutableClock;
import org.waypoint.core.testing.TestDatabase;

/**
 * Retention on the migrated database (Derby, or PostgreSQL by profile). The world, as of 1 June 2027
 * with the default policy (drafts 30 days, ended without a service 6 months, after a service's work 6
 * years, children until 25): people whose referrals were rejected, cancelled or completed in October
 * 2026, drafts old and new, a child, an open referral, and holds on a person and on a referral.
 */
class RetentionTest {

    private static final Instant NOW = Instant.parse("2027-06-01T10:00:00Z");
    private static final FieldCipher CIPHER = FieldCipher.current();

    private TestDatabase db;
    private MutableClock clock;
    private InMemory.Events events;
    private Actor admin;
    private Actor caseworker;
    private Actor staff;
    private SupportService service;
    private int number;

    @BeforeEach
    void buildTheWorld() {
        db = TestDatabase.fresh();
        clock = new MutableClock(NOW);
        events = new InMemory.Events();
        db.inTransaction(em -> {
            Organisation police = new Organisation("Victim Care Unit", OrganisationKind.REFERRER);
            Organisation trust = new Organisation("Harbour Support Trust", OrganisationKind.PROVIDER);
            em.persist(police);
            em.persist(trust);
            service = new SupportService(trust, "Harbour Counselling", "Counselling.",
                    List.of(em.find(ServiceCategory.class, "COUNSELLING")), List.of("M"),
                    new EmailAddress("referrals@harbour.example.org"));
            em.persist(service);
            admin = new Actor("u-admin", police.id(), Role.ADMIN);
            caseworker = new Actor("u-caseworker", police.id(), Role.CASEWORKER);
            staff = new Actor("u-staff", trust.id(), Role.SERVICE_STAFF);
            return null;
        });
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aRunAnonymisesExactlyThePeopleDueInBatchesAndIsAuditedWithCounts() {
        String rejected = person(adult(), r -> rejectedIn(r, "2026-10-06T12:00:00Z"));
        String oldDraft = person(adult(), r -> r, "2027-04-01T10:00:00Z", false);
        String newDraft = person(adult(), r -> r, "2027-05-20T10:00:00Z", false);
        String completed = person(adult(), this::completedInOctober);
        String child = person(childBornIn(2012), r -> rejectedIn(r, "2026-10-06T12:00:00Z"));
        String grownUp = person(childBornIn(2000), r -> rejectedIn(r, "2026-10-06T12:00:00Z"));
        String heldPerson = person(adult(), r -> rejectedIn(r, "2026-10-06T12:00:00Z"));
        String heldReferral = person(adult(), r -> rejectedIn(r, "2026-10-06T12:00:00Z"));
        String openAndEnded = person(adult(), r -> rejectedIn(r, "2026-10-06T12:00:00Z"));
        addReferral(openAndEnded, r -> {
            r.open(staff, at("2026-11-02T10:00:00Z"));
            r.accept(staff, at("2026-11-02T11:00:00Z"));
            return r;
        }, true);
        inRetention(r -> r.hold(admin, heldPerson, Optional.empty(), "court order pending"));
        String heldReferralId = referralsOf(heldReferral).get(0).referralId();
        inRetention(r -> r.hold(admin, heldReferral, Optional.of(heldReferralId), "inquiry"));

        Optional<RetentionStore.Counts> run = Retention.runOnce(this::inRetention, "instance-1", 2, Duration.ZERO);

        assertThat(run).contains(new RetentionStore.Counts(3, 3));
        assertThat(anonymised()).containsExactlyInAnyOrder(rejected, oldDraft, grownUp);
        assertThat(anonymised()).doesNotContain(newDraft, completed, child, heldPerson, heldReferral, openAndEnded);
        List<AuditEvent> audited = db.inTransaction(em -> new JpaAuditEventRepository(em).findByRecord(AuditTrail.RETENTION, "run"));
        assertThat(audited).extracting(AuditEvent::detail).containsExactly("anonymised 3 people, 3 referrals");
        assertThat(Retention.runOnce(this::inRetention, "instance-1", 2, Duration.ZERO)).contains(RetentionStore.Counts.NONE);
    }

    /** The throttle: the run rests between its batches, outside any transaction, and not before or after them. */
    @Test
    void aRunPausesBetweenItsBatchesOutsideTheirTransactions() {
        for (int i = 0; i < 4; i++) {
            person(adult(), r -> rejectedIn(r, "2026-10-06T12:00:00Z"));
        }
        Duration pause = Duration.ofMillis(300);
        List<long[]> steps = new ArrayList<>();

        Optional<RetentionStore.Counts> run = Retention.runOnce(new Retention.Transactions() {
            @Override
            public <T> T apply(Function<Retention, T> step) {
                long start = System.nanoTime();
                T result = inRetention(step);
                steps.add(new long[] {start, System.nanoTime()});
                return result;
            }
        }, "instance-1", 2, pause);

        assertThat(run).contains(new RetentionStore.Counts(4, 4));
        // claim, three batches (2, 2, none left), finish: a rest after each batch that found more.
        assertThat(steps).hasSize(5);
        List<Long> restsMillis = new ArrayList<>();
        for (int k = 1; k < steps.size(); k++) {
            restsMillis.add((steps.get(k)[0] - steps.get(k - 1)[1]) / 1_000_000);
        }
        assertThat(restsMillis.get(0)).as("none before the first batch").isLessThan(pause.toMillis());
        assertThat(restsMillis.subList(1, 3)).allSatisfy(rest -> assertThat(rest).isGreaterThanOrEqualTo(pause.toMillis()));
        assertThat(restsMillis.get(3)).as("none after the last").isLessThan(pause.toMillis());
    }

    /** Between finding the people due and changing them, an administrator holds one and a caseworker refers another. */
    @Test
    void aPersonHeldOrReferredAgainAfterTheyWereFoundDueIsPassedOver() {
        String held = person(adult(), r -> rejectedIn(r, "2026-10-06T12:00:00Z"));
        String referredAgain = person(adult(), r -> rejectedIn(r, "2026-10-06T12:00:00Z"));
        String due = person(adult(), r -> rejectedIn(r, "2026-10-06T12:00:00Z"));
        RetentionPolicy.Cutoffs cutoffs = RetentionPolicy.defaults().cutoffs(NOW);
        List<String> found = db.inTransaction(em -> new JpaRetentionStore(em, CIPHER).candidates(cutoffs, Optional.empty(), 10))
                .stream().map(RetentionStore.Candidate::clientId).toList();
        assertThat(found).containsExactlyInAnyOrder(held, referredAgain, due);

        inRetention(r -> r.hold(admin, held, Optional.empty(), "court order pending"));
        db.inTransaction(em -> {
            save(em, referral(em, new JpaClientRepository(em).find(referredAgain).orElseThrow(), NOW, false, r -> r));
            return null;
        });
        RetentionStore.Counts counts = db.inTransaction(em -> new JpaRetentionStore(em, CIPHER)
                .anonymise(found, NOW, Optional.of(cutoffs), Optional.empty()));

        assertThat(counts).isEqualTo(new RetentionStore.Counts(1, 1));
        assertThat(anonymised()).containsExactly(due);
    }

    @Test
    void anotherInstanceHoldingTheLeaseKeepsThisOneOutUntilTheLeaseRunsOut() {
        String due = person(adult(), r -> rejectedIn(r, "2026-10-06T12:00:00Z"));
        db.inTransaction(em -> new JpaJobLease(em).claim(Retention.JOB, "instance-2", NOW.plusSeconds(60), NOW));

        assertThat(Retention.runOnce(this::inRetention, "instance-1", 10, Duration.ZERO)).isEmpty();
        assertThat(anonymised()).isEmpty();

        clock.advance(java.time.Duration.ofMinutes(2));
        assertThat(Retention.runOnce(this::inRetention, "instance-1", 10, Duration.ZERO)).contains(new RetentionStore.Counts(1, 1));
        assertThat(anonymised()).containsExactly(due);
    }

    @Test
    void theDryRunCountsByRuleAndListsReferencesAndTheRunThenDoesExactlyThat() {
        person(adult(), r -> rejectedIn(r, "2026-10-06T12:00:00Z"));
        person(adult(), r -> r, "2027-04-01T10:00:00Z", false);
        person(childBornIn(2012), r -> rejectedIn(r, "2026-10-06T12:00:00Z"));
        person(adult(), this::completedInOctober);

        Retention.DryRun preview = inRetention(r -> r.preview(admin));

        assertThat(preview.people()).isEqualTo(2);
        assertThat(preview.referralsByRule()).isEqualTo(Map.of(Retention.Rule.DRAFT_NEVER_SENT, 1,
                Retention.Rule.ENDED_WITHOUT_SERVICE, 1));
        assertThat(preview.keptUntilAdult()).isEqualTo(1);
        assertThat(preview.references()).hasSize(1).allMatch(ref -> ref.matches("WP-2026-\\d{6}"));
        assertThat(anonymised()).as("a dry run changes nothing").isEmpty();
        assertThatThrownBy(() -> inRetention(r -> r.preview(caseworker)))
                .isInstanceOf(org.waypoint.core.shared.NotPermittedException.class);

        assertThat(Retention.runOnce(this::inRetention, "instance-1", 100, Duration.ZERO).orElseThrow().people()).isEqualTo(preview.people());
    }

    @Test
    void anonymisedMeansGoneFromEveryTextColumnWhileTheReportsGiveTheSameNumbers() throws SQLException {
        List<String> markers = new ArrayList<>(List.of("Qz7Given", "Qz7Family", "1983-07-19", "Qz7Access", "ZZ9 9QZ",
                "07700 900417", "qz7mail@example.org", "Qz7Address", "07700 900418", "Qz7Times", "Qz7Cover", "Qz7Guardian",
                "Qz7Relation", "07700 900419", "Qz7CrimeRef", "Qz7Concerns", "Qz7Justify", "Qz7Approver", "Qz7Message",
                "Qz7Reply", "Qz7Rejected", "Qz7Hold", "Qz7Lifted"));
        ClientDetails marked = new ClientDetails("Qz7Given", "Qz7Family", LocalDate.of(1983, 7, 19), Gender.FEMALE, "pl",
                true, Optional.of("Qz7Access"), Optional.of("ZZ9 9QZ"),
                new ContactDetails(Optional.of("07700 900417"), Optional.of("qz7mail@example.org"), Optional.of("Qz7Address")),
                new SafeContact(Optional.of("07700 900418"), Optional.of("Qz7Times"), true, true, Optional.of("Qz7Cover")),
                Optional.of(new Guardian("Qz7Guardian", "Qz7Relation", Optional.of("07700 900419"))));
        String person = person(marked, r -> {
            r.open(staff, at("2026-10-06T10:00:00Z"));
            r.sendMessage(caseworker, "Qz7Message", at("2026-10-06T10:30:00Z"));
            r.sendMessage(staff, "Qz7Reply", at("2026-10-06T10:40:00Z"));
            r.reject(staff, "Qz7Rejected", EndReason.NOT_ELIGIBLE, at("2026-10-06T12:00:00Z"));
            return r;
        }, "2026-10-05T10:00:00Z", true);
        String hold = inRetention(r -> r.hold(admin, person, Optional.empty(), "Qz7Hold")).id();
        inRetention(r -> r.lift(admin, hold, "Qz7Lifted"));
        markers.add(db.inTransaction(em -> new JpaClientRepository(em).find(person).orElseThrow().duplicateKey()));
        String other = person(adult(), this::completedInOctober);
        Report before = report();
        assertThat(textsHolding(markers)).as("the scan sees every marker before").containsAll(markers);

        assertThat(Retention.runOnce(this::inRetention, "instance-1", 50, Duration.ZERO)).contains(new RetentionStore.Counts(1, 1));

        assertThat(textsHolding(markers)).as("no marker left in any text column, encrypted or not").isEmpty();
        assertThat(report()).isEqualTo(before);
        List<Client> stillFound = withClients(s -> s.possibleDuplicates(caseworker, "Qz7Given", "Qz7Family",
                LocalDate.of(1983, 7, 19)));
        assertThat(stillFound).as("the blind index no longer finds the person").isEmpty();
        Client anonymisedPerson = withClients(s -> s.get(caseworker, person));
        assertThat(anonymisedPerson.details().givenName()).isEqualTo(JpaRetentionStore.PLACEHOLDER);
        Referral referral = db.inTransaction(em -> {
            Referral r = new JpaReferralRepository(em).find(referralsOf(person).get(0).referralId()).orElseThrow();
            r.timeline().size();
            r.messages().size();
            return r;
        });
        assertThat(referral.status()).isEqualTo(ReferralStatus.REJECTED);
        assertThat(referral.messages()).hasSize(2);
        assertThat(withClients(s -> s.get(caseworker, other)).details().givenName()).isEqualTo("Alex");
    }

    @Test
    void erasureWithdrawsOpenReferralsTellingTheServiceAndAnonymisesAtOnceButNotUnderAHold() throws SQLException {
        String person = person(adult(), r -> {
            r.open(staff, at("2027-05-30T10:00:00Z"));
            return r;
        });
        String draftId = addReferral(person, r -> r, false);
        String openId = referralsOf(person).stream().filter(r -> r.status() == ReferralStatus.RECEIVED)
                .findFirst().orElseThrow().referralId();
        String hold = inRetention(r -> r.hold(admin, person, Optional.of(openId), "police inquiry")).id();

        assertThatThrownBy(() -> inRetention(r -> r.erase(admin, person, "the person asked")))
                .isInstanceOf(Retention.HeldException.class);
        assertThat(anonymised()).isEmpty();

        inRetention(r -> r.lift(admin, hold, "inquiry closed"));
        RetentionStore.Counts erased = inRetention(r -> r.erase(admin, person, "the person asked"));

        assertThat(erased).isEqualTo(new RetentionStore.Counts(1, 2));
        assertThat(anonymised()).containsExactly(person);
        assertThat(referralsOf(person)).extracting(RetentionStore.ReferralOf::status)
                .containsExactlyInAnyOrder(ReferralStatus.CANCELLED, ReferralStatus.DRAFT);
        assertThat(referralsOf(person)).filteredOn(r -> r.status() == ReferralStatus.DRAFT)
                .extracting(RetentionStore.ReferralOf::referralId).containsExactly(draftId);
        assertThat(events.published).filteredOn(e -> e instanceof ReferralEvents.ConsentWithdrawn)
                .extracting(e -> ((ReferralEvents.ConsentWithdrawn) e).referralId()).containsExactly(openId);
        List<AuditEvent> audited = db.inTransaction(em -> new JpaAuditEventRepository(em).findByRecord(AuditTrail.CLIENT, person));
        assertThat(audited).extracting(AuditEvent::detail).contains("erased on request");
        assertThatThrownBy(() -> inRetention(r -> r.erase(caseworker, person, "why not")))
                .isInstanceOf(org.waypoint.core.shared.NotPermittedException.class);
        assertThat(textsHolding(List.of("Alex", "Example"))).as("the name is gone").isEmpty();
    }

    @Test
    void anAdministratorFindsThePersonByAReferenceAndSeesReferencesNeverNames() {
        String person = person(adult(), r -> rejectedIn(r, "2026-10-06T12:00:00Z"));
        String reference = referralsOf(person).get(0).reference().orElseThrow();

        Retention.PersonRecord found = inRetention(r -> r.find(admin, reference));

        assertThat(found.clientId()).isEqualTo(person);
        assertThat(found.referrals()).extracting(RetentionStore.ReferralOf::reference).containsExactly(Optional.of(reference));
        assertThat(found.held()).isFalse();
        assertThatThrownBy(() -> inRetention(r -> r.find(admin, "WP-2026-999999")))
                .isInstanceOf(org.waypoint.core.shared.NotFoundException.class);
    }

    private <T> T inRetention(Function<Retention, T> step) {
        return db.inTransaction(em -> step.apply(retention(em)));
    }

    private Retention retention(EntityManager em) {
        AuditTrail audit = new AuditTrail(new JpaAuditEventRepository(em), clock);
        ReferralService referrals = new ReferralService(new JpaReferralRepository(em), new JpaClientRepository(em),
                new JpaSupportServiceRepository(em), new InMemory.Counter(), new JpaBankHolidayRepository(em), audit,
                events, CIPHER, clock);
        return new Retention(new JpaRetentionStore(em, CIPHER), new JpaLegalHolds(em), RetentionPolicy.defaults(),
                new JpaJobLease(em), referrals, new JpaReferralRepository(em), audit, clock);
    }

    private <T> T withClients(Function<ClientService, T> work) {
        return db.inTransaction(em -> work.apply(new ClientService(new JpaClientRepository(em),
                new AuditTrail(new JpaAuditEventRepository(em), clock), CIPHER, clock)));
    }

    private List<String> anonymised() {
        return db.inTransaction(em -> {
            @SuppressWarnings("unchecked")
            List<String> ids = em.createNativeQuery("SELECT id FROM client WHERE anonymised_at IS NOT NULL").getResultList();
            return ids.stream().map(String::strip).toList();
        });
    }

    private List<RetentionStore.ReferralOf> referralsOf(String clientId) {
        return db.inTransaction(em -> new JpaRetentionStore(em, CIPHER).referralsOf(List.of(clientId)));
    }

    private Report report() {
        return db.inTransaction(em -> new Reports(new JpaReportQueries(em), new AuditTrail(new JpaAuditEventRepository(em), clock),
                clock).read(admin, ReportFilter.month(YearMonth.of(2026, 10))));
    }

    /**
     * The markers found in any text column of any table, read as stored and, where a value is an
     * encrypted one, decrypted.
     */
    private List<String> textsHolding(List<String> markers) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = db.jdbc()) {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = connection.getSchema();
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, schema, "%", "%")) {
                while (rs.next()) {
                    int type = rs.getInt("DATA_TYPE");
                    if (type == Types.VARCHAR || type == Types.CHAR || type == Types.LONGVARCHAR || type == Types.CLOB) {
                        columns.add(new String[] {rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME")});
                    }
                }
            }
            assertThat(columns).as("the scan finds the columns").hasSizeGreaterThan(50);
            for (String[] column : columns) {
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT \"" + column[1] + "\" FROM \"" + column[0] + "\"")) {
                    while (rs.next()) {
                        String value = rs.getString(1);
                        if (value == null) {
                            continue;
                        }
                        String plain = decrypted(value);
                        for (String marker : markers) {
                            if (value.contains(marker) || plain.contains(marker)) {
                                found.add(marker);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static String decrypted(String value) {
        try {
            return CIPHER.decrypt(value);
        } catch (FieldDecryptionException e) {
            return "";
        }
    }

    private static ClientDetails adult() {
        return person(LocalDate.of(1990, 5, 17));
    }

    private static ClientDetails childBornIn(int year) {
        return person(LocalDate.of(year, 3, 1));
    }

    private static ClientDetails person(LocalDate born) {
        return new ClientDetails("Alex", "Example", born, Gender.NOT_SAID, "en", false, Optional.empty(),
                Optional.of("M14 5RT"), ContactDetails.none(), SafeContact.mostCareful(), Optional.empty());
    }

    private Referral rejectedIn(Referral referral, String at) {
        referral.open(staff, at("2026-10-05T12:00:00Z"));
        referral.reject(staff, "outside our remit", EndReason.NOT_ELIGIBLE, at(at));
        return referral;
    }

    private Referral completedInOctober(Referral referral) {
        referral.open(staff, at("2026-10-05T12:00:00Z"));
        referral.accept(staff, at("2026-10-06T12:00:00Z"));
        referral.start(staff, at("2026-10-07T12:00:00Z"));
        referral.complete(staff, at("2026-10-20T12:00:00Z"));
        return referral;
    }

    /** A person recorded, with one referral sent on 5 October 2026 and then changed by {@code then}. */
    private String person(ClientDetails details, Function<Referral, Referral> then) {
        return person(details, then, "2026-10-05T10:00:00Z", true);
    }

    private String person(ClientDetails details, Function<Referral, Referral> then, String at, boolean sent) {
        return db.inTransaction(em -> {
            Instant when = at(at);
            Client client = new Client(caseworker.organisationId(), details,
                    CIPHER.blindIndex(org.waypoint.core.shared.crypto.FieldCipher.personKey(details.givenName(),
                            details.familyName(), details.dateOfBirth())), caseworker.userId(), when);
            new JpaClientRepository(em).add(client);
            save(em, referral(em, client, when, sent, then));
            return client.id();
        });
    }

    private String addReferral(String clientId, Function<Referral, Referral> then, boolean sent) {
        return db.inTransaction(em -> {
            Client client = new JpaClientRepository(em).find(clientId).orElseThrow();
            Referral referral = referral(em, client, at("2026-10-05T10:00:00Z"), sent, then);
            save(em, referral);
            return referral.id();
        });
    }

    private Referral referral(EntityManager em, Client client, Instant when, boolean sent, Function<Referral, Referral> then) {
        boolean marked = client.details().givenName().startsWith("Qz7");
        Referral referral = Referral.draft(caseworker, client, em.merge(service), new NeedsAssessment(Set.of("COUNSELLING"),
                Set.of(CrimeType.SEXUAL_ASSAULT), RiskLevel.MEDIUM, Urgency.ROUTINE, true,
                Optional.of(marked ? "Qz7CrimeRef" : "CR-1"), Optional.of(marked ? "Qz7Concerns" : "none known")), when);
        referral.recordConsent(caseworker, marked
                ? Consent.safeguardingOverride("Qz7Justify", "Qz7Approver", ConsentMethod.IN_PERSON, when, caseworker.userId())
                : Consent.given(ConsentBasis.GIVEN_BY_PERSON, true, true, ConsentMethod.IN_PERSON, when, caseworker.userId()),
                when);
        if (!sent) {
            return referral;
        }
        referral.submit(caseworker, () -> ReferralReference.of(2026, ++number), new WorkingCalendar(List.of()), when);
        return then.apply(referral);
    }

    private static void save(EntityManager em, Referral referral) {
        referral.measure(new WorkingCalendar(new JpaBankHolidayRepository(em).all()));
        new JpaReferralRepository(em).add(referral);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
