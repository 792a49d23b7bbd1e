package org.waypoint.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.client.Client;
import org.waypoint.core.client.ClientDetails;
import org.waypoint.core.client.ClientService;
import org.waypoint.core.client.ContactDetails;
import org.waypoint.core.client.NameAndDateOfBirth;
import org.waypoint.core.client.SafeContact;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.NotPermittedException;
import org.waypoint.core.shared.RuleViolation;
import org.waypoint.core.shared.crypto.FieldCipher;
import org.waypoint.core.testing.InMemory;
import org.waypoint.core.testing.MutableClock;

/**
 * Finding referrals: by reference, by the person (through the blind index alone, audited without
 * their name), by service, status and the days they were sent; the filters combine.
 */
class ReferralSearchTest {

    private static final LocalDate AMIRA_BORN = LocalDate.of(2001, 5, 12);

    private final World world = new World();
    private final MutableClock clock = new MutableClock(World.NOW);
    private final InMemory.Referrals referrals = new InMemory.Referrals();
    private final InMemory.Clients clients = new InMemory.Clients();
    private final InMemory.Services services = new InMemory.Services();
    private final InMemory.AuditEvents auditEvents = new InMemory.AuditEvents();
    private final AuditTrail audit = new AuditTrail(auditEvents, clock);
    private final ClientService clientService = new ClientService(clients, audit, FieldCipher.current(), clock);
    private final ReferralService referralService = new ReferralService(referrals, clients, services,
            new InMemory.Counter(), InMemory.bankHolidays(), audit, new InMemory.Events(), FieldCipher.current(), clock);
    private int number;

    private final Client amira = clientService.register(world.caseworker, person("Amira", "Khan", AMIRA_BORN));
    private final Client other = clientService.register(world.caseworker, person("Amira", "Khan", AMIRA_BORN.plusDays(1)));
    private final Referral amiraCounselling = sent(amira, world.service, "2026-11-02T10:00:00Z");
    private final Referral amiraTherapy = sent(amira, world.otherService, "2026-11-20T23:30:00Z");
    private final Referral otherCounselling = sent(other, world.service, "2026-11-10T10:00:00Z");
    private final Referral amiraDraft = draft(amira, "2026-11-21T09:00:00Z");

    @Test
    void aWholeReferenceFindsThatReferralAndAnythingElseIsRefused() {
        String reference = amiraTherapy.reference().orElseThrow().value();

        assertThat(found(world.caseworker, query().reference(reference))).containsExactly(amiraTherapy);
        assertThat(found(world.staff, query().reference(reference))).containsExactly(amiraTherapy);
        assertThat(ReferralReference.isWellFormed(reference)).isTrue();
        assertThat(ReferralReference.isWellFormed("WP-123")).isFalse();
        assertThatThrownBy(() -> query().reference("WP-123")).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> query().reference("Amira Khan")).isInstanceOf(InvalidField.class);
    }

    @Test
    void aPersonIsFoundByNameAndDateOfBirthThroughTheBlindIndexWithTheirNameKeptOutOfTheTrail() {
        NameAndDateOfBirth typed = new NameAndDateOfBirth("  amira ", "KHAN", AMIRA_BORN);

        assertThat(found(world.caseworker, ReferralQuery.all(0, 25).forPerson(typed)))
                .containsExactlyInAnyOrder(amiraCounselling, amiraTherapy, amiraDraft);
        assertThat(auditEvents.findByRecord(AuditTrail.CLIENT, amira.id())).filteredOn(e -> e.action() == AuditEvent.Action.SEARCH)
                .singleElement().satisfies(e -> assertThat(e.actorUserId()).isEqualTo(world.caseworker.userId()));
        assertThat(auditEvents.appended).extracting(AuditEvent::detail).allSatisfy(detail ->
                assertThat(detail).doesNotContainIgnoringCase("amira").doesNotContainIgnoringCase("khan").doesNotContain("2001"));
        assertThat(typed.toString()).doesNotContain("amira", "KHAN", "2001");
    }

    @Test
    void aPersonNobodyRecordedFindsNothingAndTheSearchIsStillAudited() {
        int before = auditEvents.appended.size();

        assertThat(found(world.caseworker, ReferralQuery.all(0, 25)
                .forPerson(new NameAndDateOfBirth("Amira", "Khan", LocalDate.of(1999, 1, 1))))).isEmpty();
        assertThat(auditEvents.appended.subList(before, auditEvents.appended.size())).singleElement().satisfies(e -> {
            assertThat(e.recordType()).isEqualTo(AuditTrail.CLIENT);
            assertThat(e.recordId()).isEqualTo(ReferralService.NO_RECORD);
            assertThat(e.action()).isEqualTo(AuditEvent.Action.SEARCH);
        });
    }

    @Test
    void anotherOrganisationsCaseworkerFindsNoneOfThePersonsReferralsAndServiceStaffMayNotSearchByPerson() {
        ReferralQuery byAmira = ReferralQuery.all(0, 25).forPerson(new NameAndDateOfBirth("Amira", "Khan", AMIRA_BORN));

        assertThat(found(world.otherCaseworker, byAmira)).isEmpty();
        assertThatThrownBy(() -> referralService.search(world.staff, byAmira)).isInstanceOf(NotPermittedException.class);
    }

    @Test
    void nameAndDateOfBirthAreAllRequired() {
        assertThatThrownBy(() -> new NameAndDateOfBirth("Amira", " ", AMIRA_BORN)).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> new NameAndDateOfBirth(null, "Khan", AMIRA_BORN)).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> new NameAndDateOfBirth("Amira", "Khan", null)).isInstanceOf(InvalidField.class);
    }

    @Test
    void theDaysSentIncludeBothEndsInLondonTimeAndADraftCountsFromTheDayItWasStarted() {
        // 23:30 UTC on 20 November is still 20 November in London (GMT).
        assertThat(found(world.caseworker, ReferralQuery.all(0, 25)
                .between(Optional.of(LocalDate.of(2026, 11, 10)), Optional.of(LocalDate.of(2026, 11, 20)))))
                .containsExactlyInAnyOrder(otherCounselling, amiraTherapy);
        assertThat(found(world.caseworker, ReferralQuery.all(0, 25)
                .between(Optional.of(LocalDate.of(2026, 11, 21)), Optional.empty()))).containsExactly(amiraDraft);
        assertThat(found(world.caseworker, ReferralQuery.all(0, 25)
                .between(Optional.empty(), Optional.of(LocalDate.of(2026, 11, 2))))).containsExactly(amiraCounselling);
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> ReferralQuery.all(0, 25)
                .between(Optional.of(LocalDate.of(2026, 11, 20)), Optional.of(LocalDate.of(2026, 11, 19))))
                .isInstanceOf(RuleViolation.class);
        assertThat(ReferralQuery.all(0, 25).between(Optional.of(LocalDate.of(2026, 11, 20)), Optional.of(LocalDate.of(2026, 11, 20))).from())
                .contains(LocalDate.of(2026, 11, 20));
    }

    @Test
    void theFiltersCombine() {
        ReferralQuery counsellingForAmira = new ReferralQuery(Optional.of(ReferralStatus.REQUESTED),
                Optional.of(world.service.id()), Optional.empty(), false, Optional.empty(), 0, 25)
                .forPerson(new NameAndDateOfBirth("Amira", "Khan", AMIRA_BORN));

        assertThat(found(world.caseworker, counsellingForAmira)).containsExactly(amiraCounselling);
        assertThat(found(world.caseworker, counsellingForAmira.between(Optional.of(LocalDate.of(2026, 11, 3)), Optional.empty())))
                .isEmpty();
        assertThat(found(world.staff, new ReferralQuery(Optional.empty(), Optional.of(world.otherService.id()),
                Optional.empty(), false, Optional.empty(), 0, 25))).containsExactly(amiraTherapy);
    }

    @Test
    void theDashboardCountsWhatWaitsWhatIsOverdueAndWhatWasAcceptedSinceMondayInLondon() {
        assertThat(referralService.dashboard(world.caseworker)).isEqualTo(new DashboardCounts(3, 2, 0));
        assertThat(referralService.dashboard(world.staff)).isEqualTo(new DashboardCounts(3, 2, 0));
        assertThat(referralService.dashboard(world.otherCaseworker)).isEqualTo(new DashboardCounts(0, 0, 0));

        // Monday 5 July 2027 at 11:00 in London (summer time): the week began at 23:00 UTC on Sunday.
        clock.advance(java.time.Duration.between(World.NOW, Instant.parse("2027-07-05T10:00:00Z")));
        amiraCounselling.open(world.staff, Instant.parse("2027-07-04T22:00:00Z"));
        amiraCounselling.accept(world.staff, Instant.parse("2027-07-04T22:30:00Z"));
        otherCounselling.open(world.staff, Instant.parse("2027-07-04T23:00:00Z"));
        otherCounselling.accept(world.staff, Instant.parse("2027-07-04T23:30:00Z"));

        assertThat(referralService.dashboard(world.caseworker)).as("one waiting, and overdue by now; one accepted this week")
                .isEqualTo(new DashboardCounts(1, 1, 1));
        assertThat(referralService.dashboard(world.staff)).isEqualTo(new DashboardCounts(1, 1, 1));
    }

    @Test
    void anUrgencyNarrowsTheList() {
        assertThat(found(world.staff, ReferralQuery.all(0, 25).ofUrgency(Optional.of(Urgency.URGENT), ReferralSort.DUE))).isEmpty();
        assertThat(found(world.staff, ReferralQuery.all(0, 25).ofUrgency(Optional.of(Urgency.ROUTINE), ReferralSort.CREATED)))
                .containsExactly(amiraCounselling, otherCounselling, amiraTherapy);
    }

    @Test
    void aQueryPrintsNoneOfItsFilters() {
        ReferralQuery query = ReferralQuery.all(0, 25).forPerson(new NameAndDateOfBirth("Amira", "Khan", AMIRA_BORN));

        assertThat(query.toString()).doesNotContain("Amira", "Khan", "2001");
    }

    private List<Referral> found(org.waypoint.core.shared.Actor actor, ReferralQuery query) {
        return referralService.search(actor, query).items();
    }

    private static QueryWith query() {
        return new QueryWith();
    }

    /** A query by reference alone. */
    private static final class QueryWith {
        ReferralQuery reference(String reference) {
            return new ReferralQuery(Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.of(reference), 0, 25);
        }
    }

    private static ClientDetails person(String given, String family, LocalDate born) {
        return new ClientDetails(given, family, born, Gender.FEMALE, "en", false, Optional.empty(), Optional.of("M14 5RT"),
                ContactDetails.none(), SafeContact.mostCareful(), Optional.empty());
    }

    private Referral draft(Client client, String at) {
        Referral referral = Referral.draft(world.caseworker, client, world.service, World.needs(CrimeType.SEXUAL_ASSAULT),
                Instant.parse(at));
        referral.recordConsent(world.caseworker, World.consent(ConsentBasis.GIVEN_BY_PERSON), Instant.parse(at));
        referrals.add(referral);
        return referral;
    }

    private Referral sent(Client client, org.waypoint.core.directory.SupportService service, String at) {
        Referral referral = Referral.draft(world.caseworker, client, service, World.needs(CrimeType.SEXUAL_ASSAULT),
                Instant.parse(at).minusSeconds(600));
        referral.recordConsent(world.caseworker, World.consent(ConsentBasis.GIVEN_BY_PERSON), Instant.parse(at));
        referral.submit(world.caseworker, () -> ReferralReference.of(2026, ++number), World.CALENDAR, Instant.parse(at));
        referrals.add(referral);
        return referral;
    }
}
