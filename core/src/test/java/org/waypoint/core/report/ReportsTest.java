package org.waypoint.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waypoint.core.report.SmallNumbers.Visibility.FEWER_THAN_FIVE;
import static org.waypoint.core.report.SmallNumbers.Visibility.SHOWN;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.waypoint.core.account.Role;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.audit.persistence.JpaAuditEventRepository;
import org.waypoint.core.calendar.WorkingCalendar;
import org.waypoint.core.calendar.persistence.JpaBankHolidayRepository;
import org.waypoint.core.client.Client;
import org.waypoint.core.client.ClientDetails;
import org.waypoint.core.client.ContactDetails;
import org.waypoint.core.client.SafeContact;
import org.waypoint.core.client.persistence.JpaClientRepository;
import org.waypoint.core.directory.ServiceCategory;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.referral.Consent;
import org.waypoint.core.referral.ConsentBasis;
import org.waypoint.core.referral.ConsentMethod;
import org.waypoint.core.referral.EndReason;
import org.waypoint.core.referral.NeedsAssessment;
import org.waypoint.core.referral.Referral;
import org.waypoint.core.referral.ReferralReference;
import org.waypoint.core.referral.Urgency;
import org.waypoint.core.referral.persistence.JpaReferralRepository;
import org.waypoint.core.report.ReportTable.Count;
import org.waypoint.core.report.ReportTable.Hours;
import org.waypoint.core.report.ReportTable.Row;
import org.waypoint.core.report.ReportTable.Share;
import org.waypoint.core.report.persistence.JpaReportQueries;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.RiskLevel;
import org.waypoint.core.testing.MutableClock;
import org.waypoint.core.testing.TestDatabase;

/**
 * The reports over a database holding referrals whose every figure is known by construction (Derby
 * here, PostgreSQL under the postgresql profile). October 2026, London time (BST until the 25th):
 * <ul>
 *   <li>Service A (Harbour): 8 sent Mon 5th 10:00Z, acknowledged Tue 10:00Z (24 working hours,
 *   within); 6 of them accepted Tue 12:00Z (26 h), 5 of those completed on the 20th, 2 rejected.
 *   3 sent Fri 9th 15:00Z, due end of Tue 13th, acknowledged Thu 15th 09:00Z (late; 8 + 72 + 10 =
 *   90 working hours). 2 sent Thu 1st, never acknowledged (past due). 1 sent on the 1st and
 *   cancelled unacknowledged.</li>
 *   <li>Service B (Beacon), domestic abuse and housing: 6 sent Mon 12th 09:00Z, acknowledged 13:00Z
 *   (4 h); 5 accepted 15:00Z (6 h), 1 rejected. 1 more the same, then consent withdrawn.</li>
 *   <li>Outside the figures: a draft never sent (made in October, counted as made by the referrer
 *   only), one sent on 30 September, one sent in November (in the quarter, not the month), one sent
 *   in October and entered in error.</li>
 *   <li>Service C (Lantern): no referral at all, offered in the filter to administrators only.</li>
 * </ul>
 */
class ReportsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final ReportFilter OCTOBER = ReportFilter.month(YearMonth.of(2026, 10));

    private static TestDatabase db;
    private static Actor admin;
    private static Actor caseworker;
    private static Actor harbourStaff;
    private static Actor beaconStaff;
    private static SupportService harbour;
    private static SupportService beacon;
    private static int number;

    @BeforeAll
    static void buildTheKnownWorld() {
        db = TestDatabase.fresh();
        db.inTransaction(em -> {
            Organisation police = new Organisation("Victim Care Unit", OrganisationKind.REFERRER);
            Organisation harbourTrust = new Organisation("Harbour Support Trust", OrganisationKind.PROVIDER);
            Organisation beaconTrust = new Organisation("Beacon Trust", OrganisationKind.PROVIDER);
            em.persist(police);
            em.persist(harbourTrust);
            em.persist(beaconTrust);
            ServiceCategory counselling = em.find(ServiceCategory.class, "COUNSELLING");
            ServiceCategory housing = em.find(ServiceCategory.class, "HOUSING");
            harbour = new SupportService(harbourTrust, "Harbour Counselling", "Counselling.", List.of(counselling),
                    List.of("M"), new EmailAddress("referrals@harbour.example.org"));
            beacon = new SupportService(beaconTrust, "Beacon Housing", "Housing.", List.of(counselling, housing),
                    List.of("M"), new EmailAddress("referrals@beacon.example.org"));
            harbour.acknowledgementTarget(2);
            beacon.acknowledgementTarget(2);
            em.persist(harbour);
            em.persist(beacon);
            Organisation lanternTrust = new Organisation("Lantern Trust", OrganisationKind.PROVIDER);
            em.persist(lanternTrust);
            em.persist(new SupportService(lanternTrust, "Lantern Advocacy", "Advocacy.", List.of(counselling),
                    List.of("M"), new EmailAddress("referrals@lantern.example.org")));
            admin = new Actor("u-admin", police.id(), Role.ADMIN);
            caseworker = new Actor("u-caseworker", police.id(), Role.CASEWORKER);
            harbourStaff = new Actor("u-harbour", harbourTrust.id(), Role.SERVICE_STAFF);
            beaconStaff = new Actor("u-beacon", beaconTrust.id(), Role.SERVICE_STAFF);
            return null;
        });
        for (int i = 0; i < 8; i++) {
            boolean accepted = i < 6;
            boolean completed = i < 5;
            save(em -> {
                Referral r = sent(em, harbour, "2026-10-05T10:00:00Z");
                r.open(harbourStaff, at("2026-10-06T10:00:00Z"));
                if (accepted) {
                    r.accept(harbourStaff, at("2026-10-06T12:00:00Z"));
                } else {
                    r.reject(harbourStaff, "outside our remit", EndReason.NOT_ELIGIBLE, at("2026-10-06T12:00:00Z"));
                }
                if (completed) {
                    r.start(harbourStaff, at("2026-10-20T10:00:00Z"));
                    r.complete(harbourStaff, at("2026-10-20T11:00:00Z"));
                }
                return r;
            });
        }
        for (int i = 0; i < 3; i++) {
            save(em -> {
                Referral r = sent(em, harbour, "2026-10-09T15:00:00Z");
                r.open(harbourStaff, at("2026-10-15T09:00:00Z"));
                return r;
            });
        }
        for (int i = 0; i < 2; i++) {
            save(em -> sent(em, harbour, "2026-10-01T10:00:00Z"));
        }
        save(em -> {
            Referral r = sent(em, harbour, "2026-10-01T10:00:00Z");
            r.cancel(caseworker, "no longer needed", at("2026-10-02T10:00:00Z"));
            return r;
        });
        for (int i = 0; i < 7; i++) {
            boolean accepted = i < 5;
            boolean withdrawn = i == 6;
            save(em -> {
                Referral r = sent(em, beacon, "2026-10-12T09:00:00Z");
                r.open(beaconStaff, at("2026-10-12T13:00:00Z"));
                if (accepted) {
                    r.accept(beaconStaff, at("2026-10-12T15:00:00Z"));
                } else if (withdrawn) {
                    r.withdrawConsent(caseworker, "the person asked", at("2026-10-13T10:00:00Z"));
                } else {
                    r.reject(beaconStaff, "full", EndReason.NO_CAPACITY, at("2026-10-12T15:00:00Z"));
                }
                return r;
            });
        }
        save(em -> draft(em, harbour, at("2026-10-20T10:00:00Z")));
        save(em -> sent(em, harbour, "2026-09-30T10:00:00Z"));
        save(em -> sent(em, harbour, "2026-11-02T10:00:00Z"));
        save(em -> {
            Referral r = sent(em, harbour, "2026-10-21T10:00:00Z");
            r.markEnteredInError(caseworker, "made twice", at("2026-10-21T11:00:00Z"));
            return r;
        });
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void timelinessPerServiceWithSmallCountsSuppressedAndSharesOnlyOverTen() {
        Report report = read(admin, OCTOBER);
        List<Row> rows = report.timeliness().rows();

        assertThat(rows).extracting(Row::label).containsExactly("Beacon Housing", "Harbour Counselling", "total");
        assertThat(counts(rows.get(1))).containsExactly(8L, 3L, 2L, 0L, 1L, 14L);
        assertThat(visibilities(rows.get(1))).containsExactly(SHOWN, FEWER_THAN_FIVE, FEWER_THAN_FIVE, SHOWN,
                FEWER_THAN_FIVE, SHOWN);
        assertThat(shares(rows.get(1))).containsExactly(Optional.of(57.1), Optional.empty(), Optional.empty());
        assertThat(counts(rows.get(0))).containsExactly(7L, 0L, 0L, 0L, 0L, 7L);
        assertThat(shares(rows.get(0))).as("7 referrals are too few for a share").containsOnly(Optional.empty());
        assertThat(counts(rows.get(2))).containsExactly(15L, 3L, 2L, 0L, 1L, 21L);
        assertThat(shares(rows.get(2)).get(0)).contains(71.4);
    }

    @Test
    void mediansAndNinetiethPercentilesInWorkingHours() {
        List<Row> rows = read(admin, OCTOBER).timing().rows();

        assertThat(rows.get(0).label()).isEqualTo("acknowledge");
        assertThat(((Count) rows.get(0).cells().get(0)).value()).isEqualTo(18);
        assertThat(hours(rows.get(0))).containsExactly(Optional.of(24.0), Optional.of(90.0));
        assertThat(((Count) rows.get(1).cells().get(0)).value()).isEqualTo(11);
        assertThat(hours(rows.get(1))).containsExactly(Optional.of(26.0), Optional.of(26.0));
    }

    @Test
    void theFlowCountsEachStepInTheMonthItHappened() {
        List<Row> rows = read(admin, OCTOBER).flow().rows();

        assertThat(rows).extracting(Row::label).containsExactly("2026-10", "total");
        assertThat(counts(rows.get(0))).containsExactly(22L, 21L, 18L, 11L, 3L, 1L, 1L, 5L, 0L);
        assertThat(visibilities(rows.get(0)).subList(4, 7)).containsOnly(FEWER_THAN_FIVE);
        assertThat(counts(rows.get(1))).isEqualTo(counts(rows.get(0)));
    }

    @Test
    void overSeveralMonthsEachStepFallsInItsOwnMonthNarrowedOrNot() {
        ReportFilter autumn = ReportFilter.between(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 30));

        for (Actor reader : List.of(admin, caseworker)) {
            List<Row> rows = read(reader, autumn).flow().rows();
            assertThat(rows).extracting(Row::label).containsExactly("2026-09", "2026-10", "2026-11", "total");
            assertThat(counts(rows.get(0))).containsExactly(1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
            assertThat(counts(rows.get(1))).containsExactly(22L, 21L, 18L, 11L, 3L, 1L, 1L, 5L, 0L);
            assertThat(counts(rows.get(2))).containsExactly(1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
            assertThat(counts(rows.get(3))).containsExactly(24L, 23L, 18L, 11L, 3L, 1L, 1L, 5L, 0L);
        }
    }

    @Test
    void rejectionsAndFailuresAreCountedByTheirReasonsCode() {
        List<Row> rows = read(admin, OCTOBER).ends().rows();

        List<String> codes = new java.util.ArrayList<>(java.util.Arrays.stream(EndReason.values()).map(Enum::name).toList());
        codes.addAll(List.of("NOT_RECORDED", "total"));
        assertThat(rows).extracting(Row::label).containsExactlyElementsOf(codes);
        assertThat(counts(rows.get(EndReason.NOT_ELIGIBLE.ordinal()))).containsExactly(2L, 0L);
        assertThat(counts(rows.get(EndReason.NO_CAPACITY.ordinal()))).containsExactly(1L, 0L);
        assertThat(counts(rows.get(rows.size() - 1))).containsExactly(3L, 0L);
        assertThat(visibilities(rows.get(rows.size() - 1)).get(0)).isEqualTo(FEWER_THAN_FIVE);
        List<Row> harbours = read(harbourStaff, OCTOBER).ends().rows();
        assertThat(counts(harbours.get(EndReason.NO_CAPACITY.ordinal()))).as("Beacon's rejection is not Harbour's").containsExactly(0L, 0L);
        assertThat(counts(harbours.get(harbours.size() - 1))).containsExactly(2L, 0L);
    }

    @Test
    void aReferralMadeBeforeTheReportsKeptTheirFactsIsCountedOnceTheyAreDerived() {
        ReportFilter march = ReportFilter.month(YearMonth.of(2025, 3)).crimeType(CrimeType.SEXUAL_ASSAULT);
        save(em -> {
            Referral r = sent(em, harbour, "2025-03-03T10:00:00Z");
            r.open(harbourStaff, at("2025-03-04T10:00:00Z"));
            return r;
        });
        assertThat(total(read(admin, march))).isEqualTo(1);
        db.inTransaction(em -> {
            // As a referral written before V18 and V23: no crime marks, no working times.
            em.createNativeQuery("DELETE FROM referral_crime_mark WHERE referral_id IN (SELECT id FROM referral"
                    + " WHERE submitted_at < '2025-04-01 00:00:00')").executeUpdate();
            return em.createNativeQuery("UPDATE referral SET facts_derived = FALSE, ack_working_seconds = NULL"
                    + " WHERE submitted_at < '2025-04-01 00:00:00'").executeUpdate();
        });
        assertThat(total(read(admin, march))).as("without its mark it is not found by crime type").isZero();

        List<Referral> older = db.inTransaction(em -> {
            List<Referral> found = new JpaReferralRepository(em).withoutFacts(10);
            WorkingCalendar calendar = new WorkingCalendar(new JpaBankHolidayRepository(em).all());
            found.forEach(r -> r.measure(calendar));
            return found;
        });

        assertThat(older).hasSize(1);
        List<Referral> left = db.inTransaction(em -> new JpaReferralRepository(em).withoutFacts(10));
        assertThat(left).isEmpty();
        Report report = read(admin, march);
        assertThat(total(report)).isEqualTo(1);
        assertThat(((Count) report.timing().rows().get(0).cells().get(0)).value()).as("its time to acknowledge").isEqualTo(1);
    }

    @Test
    void servicesLoadAcceptanceAndWaitingTimes() {
        List<Row> rows = read(admin, OCTOBER).services().rows();

        assertThat(counts(rows.get(1))).containsExactly(14L, 6L, 2L, 6L, 2L);
        assertThat(counts(rows.get(0))).containsExactly(7L, 5L, 0L, 5L, 1L);
        assertThat(counts(rows.get(2))).containsExactly(21L, 11L, 2L, 11L, 3L);
        assertThat(rows.get(1).cells().get(5)).as("8 decided: too few for a rate").isEqualTo(new Share(Optional.empty()));
        assertThat(rows.get(1).cells().get(6)).isEqualTo(new Hours(Optional.of(24.0)));
        assertThat(rows.get(1).cells().get(7)).as("6 accepted: too few").isEqualTo(new Hours(Optional.empty()));
        assertThat(rows.get(1).cells().get(8)).isEqualTo(new ReportTable.Text("OPEN", Optional.empty()));
    }

    @Test
    void filtersNarrowByCrimeTypeNeedUrgencyAndService() {
        assertThat(total(read(admin, OCTOBER.crimeType(CrimeType.DOMESTIC_ABUSE)))).isEqualTo(7);
        assertThat(total(read(admin, OCTOBER.crimeType(CrimeType.SEXUAL_ASSAULT)))).isEqualTo(14);
        assertThat(total(read(admin, OCTOBER.crimeType(CrimeType.RAPE)))).isZero();
        assertThat(total(read(admin, OCTOBER.need("HOUSING")))).isEqualTo(7);
        assertThat(total(read(admin, OCTOBER.urgency(Urgency.URGENT)))).isZero();
        assertThat(total(read(admin, OCTOBER.service(harbour.id())))).isEqualTo(14);
        assertThat(total(read(admin, ReportFilter.between(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 4))))).isEqualTo(3);
    }

    @Test
    void staffSeeTheirOwnOrganisationsReferralsAndTheReferrerSeesItsDrafts() {
        assertThat(total(read(beaconStaff, OCTOBER))).isEqualTo(7);
        assertThat(total(read(harbourStaff, OCTOBER))).isEqualTo(14);
        assertThat(total(read(caseworker, OCTOBER))).isEqualTo(21);
        assertThat(counts(read(harbourStaff, OCTOBER).flow().rows().get(0)).get(0)).as("made: not the draft").isEqualTo(14L);
        assertThat(counts(read(caseworker, OCTOBER).flow().rows().get(0)).get(0)).as("made: the draft too").isEqualTo(22L);
    }

    @Test
    void theServiceFilterOffersTheServicesTheReadersOrganisationProvidesOrReferredTo() {
        assertThat(serviceChoices(admin)).as("every service").containsExactly("Beacon Housing", "Harbour Counselling",
                "Lantern Advocacy");
        assertThat(serviceChoices(caseworker)).as("referred to both").containsExactly("Beacon Housing", "Harbour Counselling");
        assertThat(serviceChoices(harbourStaff)).as("its own only").containsExactly("Harbour Counselling");
        assertThat(serviceChoices(beaconStaff)).as("its own only").containsExactly("Beacon Housing");
    }

    private static List<String> serviceChoices(Actor actor) {
        return db.inTransaction(em -> reports(em).choices(actor)).services().stream().map(ReportQueries.Choice::name).toList();
    }

    @Test
    void theQuarterlyReturnCountsReceivedByCrimeTypeNeedAndOutcome() {
        List<Reports.ReturnLine> lines = db.inTransaction(em -> reports(em).quarterlyReturn(admin, ReportFilter.quarter(2026, 4)));

        assertThat(line(lines, "received", "ALL")).isEqualTo(22);
        assertThat(line(lines, "crime_type", "SEXUAL_ASSAULT")).isEqualTo(15);
        assertThat(line(lines, "crime_type", "DOMESTIC_ABUSE")).isEqualTo(7);
        assertThat(line(lines, "need", "COUNSELLING")).isEqualTo(22);
        assertThat(line(lines, "need", "HOUSING")).isEqualTo(7);
        assertThat(line(lines, "outcome", "REQUESTED")).isEqualTo(3);
        assertThat(line(lines, "outcome", "RECEIVED")).isEqualTo(3);
        assertThat(line(lines, "outcome", "ACCEPTED")).isEqualTo(6);
        assertThat(line(lines, "outcome", "COMPLETED")).isEqualTo(5);
        assertThat(line(lines, "outcome", "REJECTED")).isEqualTo(3);
        assertThat(line(lines, "outcome", "CANCELLED")).isEqualTo(1);
        assertThat(line(lines, "outcome", "CONSENT_WITHDRAWN")).isEqualTo(1);
        assertThat(lines.stream().filter(l -> l.section().equals("outcome")).mapToLong(l -> l.referrals().value()).sum())
                .isEqualTo(22);
        assertThat(lines).filteredOn(l -> l.referrals().value() > 0 && l.referrals().value() < 5)
                .allSatisfy(l -> assertThat(l.referrals().visibility().hidden()).isTrue());
    }

    @Test
    void everyReadingIsAuditedWithThePeriodAndNoValues() {
        read(beaconStaff, OCTOBER.need("HOUSING"));

        List<AuditEvent> events = db.inTransaction(em -> new JpaAuditEventRepository(em).findByRecord(Reports.AUDIT_RECORD, "reports"));
        assertThat(events).filteredOn(e -> e.actorUserId().equals(beaconStaff.userId()))
                .extracting(AuditEvent::detail).contains("2026-10-01..2026-10-31 n");
    }

    private static long line(List<Reports.ReturnLine> lines, String section, String category) {
        return lines.stream().filter(l -> l.section().equals(section) && l.category().equals(category)).findFirst()
                .orElseThrow().referrals().value();
    }

    private static long total(Report report) {
        List<Row> rows = report.timeliness().rows();
        return ((Count) rows.get(rows.size() - 1).cells().get(5)).value();
    }

    private static Report read(Actor actor, ReportFilter filter) {
        return db.inTransaction(em -> reports(em).read(actor, filter));
    }

    private static Reports reports(EntityManager em) {
        return new Reports(new JpaReportQueries(em),
                new AuditTrail(new JpaAuditEventRepository(em), new MutableClock(NOW)), new MutableClock(NOW));
    }

    private static List<Long> counts(Row row) {
        List<Long> counts = new ArrayList<>();
        row.cells().stream().filter(c -> c instanceof Count).forEach(c -> counts.add(((Count) c).value()));
        return counts;
    }

    private static List<SmallNumbers.Visibility> visibilities(Row row) {
        return row.cells().stream().filter(c -> c instanceof Count).map(c -> ((Count) c).visibility()).toList();
    }

    private static List<Optional<Double>> shares(Row row) {
        return row.cells().stream().filter(c -> c instanceof Share).map(c -> ((Share) c).percent()).toList();
    }

    private static List<Optional<Double>> hours(Row row) {
        return row.cells().stream().filter(c -> c instanceof Hours).map(c -> ((Hours) c).hours()).toList();
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static void save(Function<EntityManager, Referral> make) {
        db.inTransaction(em -> {
            Referral referral = make.apply(em);
            // As ReferralService does after every change.
            referral.measure(new WorkingCalendar(new JpaBankHolidayRepository(em).all()));
            new JpaReferralRepository(em).add(referral);
            return null;
        });
    }

    private static Referral draft(EntityManager em, SupportService service, Instant at) {
        Client client = new Client(caseworker.organisationId(), new ClientDetails("Alex", "Example",
                LocalDate.of(1990, 5, 17), Gender.NOT_SAID, "en", false, Optional.empty(), Optional.of("M14 5RT"),
                ContactDetails.none(), SafeContact.mostCareful(), Optional.empty()), "dup-" + (++number),
                caseworker.userId(), at);
        new JpaClientRepository(em).add(client);
        boolean beaconOne = service.id().equals(beacon.id());
        Referral referral = Referral.draft(caseworker, client, em.merge(service), new NeedsAssessment(
                beaconOne ? Set.of("COUNSELLING", "HOUSING") : Set.of("COUNSELLING"),
                Set.of(beaconOne ? CrimeType.DOMESTIC_ABUSE : CrimeType.SEXUAL_ASSAULT), RiskLevel.MEDIUM,
                Urgency.ROUTINE, false, Optional.empty(), Optional.empty()), at);
        referral.recordConsent(caseworker, Consent.given(ConsentBasis.GIVEN_BY_PERSON, true, true,
                ConsentMethod.IN_PERSON, at, caseworker.userId()), at);
        return referral;
    }

    private static Referral sent(EntityManager em, SupportService service, String instant) {
        Instant at = at(instant);
        Referral referral = draft(em, service, at);
        referral.submit(caseworker, () -> ReferralReference.of(2026, ++number),
                new WorkingCalendar(new JpaBankHolidayRepository(em).all()), at);
        return referral;
    }
}
