package org.waypoint.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.client.Client;
import org.waypoint.core.client.ClientDetails;
import org.waypoint.core.client.ClientService;
import org.waypoint.core.client.ContactDetails;
import org.waypoint.core.client.SafeContact;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.RiskLevel;
import org.waypoint.core.shared.crypto.FieldCipher;
import org.waypoint.core.testing.InMemory;
import org.waypoint.core.testing.MutableClock;

/**
 * One referral's whole story through the use cases: a caseworker records a young woman groomed
 * online, refers her for counselling with her consent, the charity acknowledges, accepts, asks a
 * question, works with her and completes; everyone's reads and changes are in the audit trail, and
 * the domain events that will become e-mails come out in order. Then another referral of hers is
 * cancelled when she withdraws consent.
 */
class ReferralStoryTest {

    private final World world = new World();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:30:00Z"));
    private final InMemory.Referrals referrals = new InMemory.Referrals();
    private final InMemory.Clients clients = new InMemory.Clients();
    private final InMemory.Services services = new InMemory.Services();
    private final InMemory.AuditEvents auditEvents = new InMemory.AuditEvents();
    private final InMemory.Events events = new InMemory.Events();
    private final AuditTrail audit = new AuditTrail(auditEvents, clock);
    private final ClientService clientService = new ClientService(clients, audit, FieldCipher.current(), clock);
    private final ReferralService referralService = new ReferralService(referrals, clients, services,
            new InMemory.Counter(), InMemory.bankHolidays(LocalDate.of(2026, 12, 25)), audit, events, FieldCipher.current(), clock);

    ReferralStoryTest() {
        services.add(world.service);
        services.add(world.otherService);
    }

    @Test
    void aReferralFromFirstContactToOutcome() {
        Client jess = clientService.register(world.caseworker, new ClientDetails("Jess", "Morgan",
                LocalDate.of(2009, 2, 14), Gender.FEMALE, "en", false, Optional.empty(), Optional.of("M14 5RT"),
                new ContactDetails(Optional.of("07700 900123"), Optional.empty(), Optional.empty()),
                new SafeContact(Optional.of("07700 900456"), Optional.of("weekdays after 4pm"), false, false,
                        Optional.of("calling from the college about a course")),
                Optional.empty()));

        Referral referral = referralService.draft(world.caseworker, jess.id(), world.service.id(),
                new NeedsAssessment(Set.of("COUNSELLING"), Set.of(CrimeType.GROOMING, CrimeType.ONLINE_SEXUAL_ABUSE),
                        RiskLevel.MEDIUM, Urgency.ROUTINE, true, Optional.of("MP/12345/26"), Optional.empty()));
        referralService.recordConsent(world.caseworker, referral.id(), Consent.given(ConsentBasis.GIVEN_BY_PERSON,
                true, true, ConsentMethod.IN_PERSON, clock.instant(), world.caseworker.userId()));
        referralService.submit(world.caseworker, referral.id());

        assertThat(referral.reference()).contains(new ReferralReference("WP-2026-000001"));
        assertThat(referral.acknowledgeBy()).contains(Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(referralService.overdue(world.staff)).isEmpty();

        clock.advance(Duration.ofHours(3));
        referralService.open(world.staff, referral.id());
        assertThat(referral.status()).isEqualTo(ReferralStatus.RECEIVED);
        assertThat(referral.receivedAt()).contains(clock.instant());

        referralService.accept(world.staff, referral.id());
        referralService.sendMessage(world.staff, referral.id(), "Would Jess prefer to meet at college?");
        referralService.sendMessage(world.caseworker, referral.id(), "Yes, on Thursdays.");
        referralService.setBusinessStatus(world.staff, referral.id(), BusinessStatus.APPOINTMENT_BOOKED);
        referralService.start(world.staff, referral.id());
        clock.advance(Duration.ofDays(60));
        referralService.complete(world.staff, referral.id());

        assertThat(referral.status()).isEqualTo(ReferralStatus.COMPLETED);
        assertThat(referral.timeline()).extracting(TimelineEvent::action).containsExactly(
                ReferralAction.CREATE, ReferralAction.UPDATE_DRAFT, ReferralAction.SUBMIT, ReferralAction.OPEN,
                ReferralAction.ACCEPT, ReferralAction.SET_BUSINESS_STATUS, ReferralAction.START, ReferralAction.COMPLETE);
        assertThat(events.published).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                "Submitted", "StatusChanged", "StatusChanged", "MessagePosted", "MessagePosted", "StatusChanged",
                "StatusChanged");
        assertThat(auditEvents.findByRecord(AuditTrail.CLIENT, jess.id()))
                .extracting(AuditEvent::action).containsExactly(AuditEvent.Action.CREATE);
        assertThat(auditEvents.findByRecord(AuditTrail.REFERRAL, referral.id()))
                .allSatisfy(e -> assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS))
                .extracting(AuditEvent::detail)
                .containsExactly("create", "update_draft", "submit", "open", "accept", "send_message", "send_message",
                        "set_business_status", "start", "complete");
    }

    @Test
    void anotherOrganisationLearnsNothingAndItsAttemptIsAudited() {
        Referral referral = submittedReferral();

        assertThatThrownBy(() -> referralService.open(world.otherStaff, referral.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> referralService.open(world.otherStaff, "no-such-id")).isInstanceOf(NotFoundException.class)
                .hasMessage("referral not found");
        assertThatThrownBy(() -> clientService.get(world.otherCaseworker, referral.client().id()))
                .isInstanceOf(NotFoundException.class).hasMessage("client not found");

        assertThat(auditEvents.appended).filteredOn(e -> e.outcome() == AuditEvent.Outcome.DENIED)
                .extracting(AuditEvent::actorUserId, AuditEvent::recordId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(world.otherStaff.userId(), referral.id()),
                        org.assertj.core.groups.Tuple.tuple(world.otherStaff.userId(), "no-such-id"),
                        org.assertj.core.groups.Tuple.tuple(world.otherCaseworker.userId(), referral.client().id()));
    }

    @Test
    void withdrawingConsentCancelsEveryOpenReferralOfThePersonAndTellsEachService() {
        Referral first = submittedReferral();
        Referral second = referralService.draft(world.caseworker, first.client().id(), world.otherService.id(), World.needs());
        referralService.recordConsent(world.caseworker, second.id(), World.consent(ConsentBasis.GIVEN_BY_PERSON));
        referralService.submit(world.caseworker, second.id());
        referralService.open(world.staff, second.id());
        events.published.clear();

        List<Referral> affected = referralService.withdrawConsent(world.caseworker, first.client().id(),
                "Jess asked for all support to stop");

        assertThat(affected).containsExactlyInAnyOrder(first, second);
        assertThat(first.status()).isEqualTo(ReferralStatus.CANCELLED);
        assertThat(second.status()).isEqualTo(ReferralStatus.CANCELLED);
        assertThat(events.published).filteredOn(e -> e instanceof ReferralEvents.ConsentWithdrawn)
                .extracting(e -> ((ReferralEvents.ConsentWithdrawn) e).referralId())
                .containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(second.reference()).contains(new ReferralReference("WP-2026-000002"));
    }

    @Test
    void possibleDuplicatesAreFoundByNameAndDateOfBirthWithinTheOrganisation() {
        Client recorded = clientService.register(world.caseworker, World.adult());

        assertThat(clientService.possibleDuplicates(world.caseworker, "ALEX", " example ", LocalDate.of(1990, 5, 17)))
                .containsExactly(recorded);
        assertThat(clientService.possibleDuplicates(world.caseworker, "Alex", "Example", LocalDate.of(1990, 5, 18)))
                .isEmpty();
        assertThat(clientService.possibleDuplicates(world.otherCaseworker, "Alex", "Example", LocalDate.of(1990, 5, 17)))
                .isEmpty();
    }

    private Referral submittedReferral() {
        Client client = clientService.register(world.caseworker, World.adult());
        Referral referral = referralService.draft(world.caseworker, client.id(), world.service.id(),
                World.needs(CrimeType.RAPE));
        referralService.recordConsent(world.caseworker, referral.id(), World.consent(ConsentBasis.GIVEN_BY_PERSON));
        referralService.submit(world.caseworker, referral.id());
        return referral;
    }
}
