package org.waypoint.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.waypoint.core.referral.World.NOW;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.client.Client;
import org.waypoint.core.client.ClientDetails;
import org.waypoint.core.client.ClientService;
import org.waypoint.core.client.ContactDetails;
import org.waypoint.core.client.SafeContact;
import org.waypoint.core.shared.ConflictException;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.NotPermittedException;
import org.waypoint.core.shared.StaleVersionException;
import org.waypoint.core.shared.crypto.FieldCipher;
import org.waypoint.core.testing.InMemory;
import org.waypoint.core.testing.MutableClock;

/**
 * A draft is saved from the step that names the person, is answered a part at a time, can be
 * changed, and can be discarded by its own organisation's caseworkers while it is a draft.
 */
class DraftsTest {

    private final World world = new World();
    private final MutableClock clock = new MutableClock(NOW);
    private final InMemory.Referrals referrals = new InMemory.Referrals();
    private final InMemory.Clients clients = new InMemory.Clients();
    private final InMemory.Services services = new InMemory.Services();
    private final InMemory.AuditEvents auditEvents = new InMemory.AuditEvents();
    private final AuditTrail audit = new AuditTrail(auditEvents, clock);
    private final ClientService clientService = new ClientService(clients, audit, FieldCipher.current(), clock);
    private final ReferralService referralService = new ReferralService(referrals, clients, services,
            new InMemory.Counter(), InMemory.bankHolidays(), audit, new InMemory.Events(), FieldCipher.current(), clock);

    DraftsTest() {
        services.add(world.service);
        services.add(world.otherService);
    }

    @Test
    void aDraftStartsWithThePersonAloneAndIsSentOnlyOnceItHasNeedsAServiceAndConsent() {
        Referral draft = Referral.draft(world.caseworker, world.client(World.adult()), NOW);
        assertThat(draft.missing()).containsExactly(DraftPart.NEEDS, DraftPart.SERVICE, DraftPart.CONSENT);
        assertThat(draft.assessment()).isEmpty();
        assertThat(draft.chosenService()).isEmpty();
        draft.recordConsent(world.caseworker, World.consent(ConsentBasis.GIVEN_BY_PERSON), NOW);

        assertThatThrownBy(() -> world.submit(draft)).isInstanceOf(ConflictException.class).hasMessageContaining("needs");
        draft.recordNeeds(world.caseworker, World.needs(CrimeType.STALKING), Optional.of(" M14 "), NOW);
        assertThatThrownBy(() -> world.submit(draft)).isInstanceOf(ConflictException.class).hasMessageContaining("service");
        draft.chooseService(world.caseworker, world.service, NOW);
        assertThat(draft.missing()).isEmpty();
        assertThat(draft.matchArea()).contains("M14");

        world.submit(draft);
        assertThat(draft.status()).isEqualTo(ReferralStatus.REQUESTED);
        assertThatThrownBy(() -> draft.recordNeeds(world.caseworker, World.needs(CrimeType.STALKING), Optional.empty(), NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> draft.chooseService(world.caseworker, world.otherService, NOW))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aDraftWithoutAServiceIsNotSeenByAnyService() {
        Referral draft = Referral.draft(world.caseworker, world.client(World.adult()), NOW);

        assertThat(draft.isVisibleTo(world.caseworker)).isTrue();
        assertThat(draft.isVisibleTo(world.staff)).isFalse();
        assertThat(draft.isVisibleTo(world.otherCaseworker)).isFalse();
    }

    @Test
    void onlyTheReferringOrganisationsCaseworkersDiscardAndOnlyADraft() {
        Referral draft = world.in(ReferralStatus.DRAFT);
        assertThatThrownBy(() -> draft.discard(world.otherCaseworker)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> draft.discard(world.staff)).isInstanceOf(NotFoundException.class);
        draft.discard(world.caseworker);

        for (ReferralStatus sent : new ReferralStatus[] {ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED, ReferralStatus.CANCELLED}) {
            Referral referral = world.in(sent);
            assertThatThrownBy(() -> referral.discard(world.caseworker)).as(sent.name())
                    .isInstanceOf(IllegalTransitionException.class);
            if (referral.isVisibleTo(world.staff)) {
                assertThatThrownBy(() -> referral.discard(world.staff)).isInstanceOf(NotPermittedException.class);
            }
        }
    }

    @Test
    void theWizardSavesEachStepAndADiscardedDraftIsGoneButAudited() {
        Client person = clientService.register(world.caseworker, details("Jess"));
        Referral draft = referralService.startDraft(world.caseworker, person.id());
        referralService.recordNeeds(world.caseworker, draft.id(), World.needs(CrimeType.STALKING), Optional.empty());
        referralService.chooseService(world.caseworker, draft.id(), world.service.id());
        assertThat(referrals.find(draft.id())).hasValueSatisfying(saved -> {
            assertThat(saved.missing()).containsExactly(DraftPart.CONSENT);
            assertThat(saved.service()).isEqualTo(world.service);
        });

        assertThatThrownBy(() -> referralService.discard(world.otherCaseworker, draft.id())).isInstanceOf(NotFoundException.class);
        referralService.discard(world.caseworker, draft.id());

        assertThat(referrals.find(draft.id())).isEmpty();
        assertThat(auditEvents.findByRecord(AuditTrail.REFERRAL, draft.id()))
                .extracting(AuditEvent::action, AuditEvent::detail, AuditEvent::outcome, AuditEvent::actorUserId)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(AuditEvent.Action.DELETE, null, AuditEvent.Outcome.DENIED,
                                world.otherCaseworker.userId()),
                        org.assertj.core.groups.Tuple.tuple(AuditEvent.Action.DELETE, "discard", AuditEvent.Outcome.SUCCESS,
                                world.caseworker.userId()));
        assertThat(clients.find(person.id())).as("the person's record stays, for other referrals").isPresent();
    }

    @Test
    void aSubmittedReferralIsNotDiscardedAndStaysWhereItWas() {
        Client person = clientService.register(world.caseworker, details("Sam"));
        Referral referral = referralService.draft(world.caseworker, person.id(), world.service.id(), World.needs(CrimeType.STALKING));
        referralService.recordConsent(world.caseworker, referral.id(), World.consent(ConsentBasis.GIVEN_BY_PERSON));
        referralService.submit(world.caseworker, referral.id());

        assertThatThrownBy(() -> referralService.discard(world.caseworker, referral.id()))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(referrals.find(referral.id())).isPresent();
    }

    @Test
    void changingAPersonsDetailsIsAuditedOnceNamingTheFieldsWithoutTheValuesAndRefusedWhenStale() {
        Client person = clientService.register(world.caseworker, details("Jess"));
        long version = person.version();
        ClientDetails before = person.details();
        ClientDetails after = new ClientDetails("Jessica", before.familyName(), before.dateOfBirth(), before.gender(),
                before.preferredLanguage(), before.interpreterNeeded(), before.accessNeeds(), Optional.of("M15 6AA"),
                before.contact(), before.safeContact(), before.guardian());

        clientService.update(world.caseworker, person.id(), after, java.util.OptionalLong.of(version));

        assertThat(person.details().givenName()).isEqualTo("Jessica");
        assertThat(auditEvents.findByRecord(AuditTrail.CLIENT, person.id()))
                .filteredOn(e -> e.action() == AuditEvent.Action.UPDATE)
                .extracting(AuditEvent::detail).containsExactly("update givenName, postcode")
                .noneMatch(detail -> detail.contains("Jessica") || detail.contains("M15"));
        assertThatThrownBy(() -> clientService.update(world.otherCaseworker, person.id(), after))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> clientService.update(world.caseworker, person.id(), before, java.util.OptionalLong.of(version - 1)))
                .isInstanceOf(StaleVersionException.class);
    }

    private ClientDetails details(String givenName) {
        return new ClientDetails(givenName, "Morgan", LocalDate.of(1995, 2, 14), Gender.FEMALE, "en", false,
                Optional.empty(), Optional.of("M14 5RT"), ContactDetails.none(), SafeContact.mostCareful(), Optional.empty());
    }
}
