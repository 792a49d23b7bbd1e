package org.waypoint.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waypoint.core.referral.ReferralAction.ACCEPT;
import static org.waypoint.core.referral.ReferralAction.CANCEL;
import static org.waypoint.core.referral.ReferralAction.COMPLETE;
import static org.waypoint.core.referral.ReferralAction.DISCARD;
import static org.waypoint.core.referral.ReferralAction.FAIL;
import static org.waypoint.core.referral.ReferralAction.HOLD;
import static org.waypoint.core.referral.ReferralAction.MARK_ENTERED_IN_ERROR;
import static org.waypoint.core.referral.ReferralAction.REDIRECT;
import static org.waypoint.core.referral.ReferralAction.REJECT;
import static org.waypoint.core.referral.ReferralAction.RESUME;
import static org.waypoint.core.referral.ReferralAction.SEND_MESSAGE;
import static org.waypoint.core.referral.ReferralAction.SET_BUSINESS_STATUS;
import static org.waypoint.core.referral.ReferralAction.START;
import static org.waypoint.core.referral.ReferralAction.SUBMIT;
import static org.waypoint.core.referral.ReferralAction.UPDATE_DRAFT;
import static org.waypoint.core.referral.ReferralAction.WITHDRAW_CONSENT;
import static org.waypoint.core.referral.World.NOW;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.waypoint.core.shared.Actor;

/**
 * What each side is offered in each state: the table people read, and, for every state, actor and
 * action, proof that an offered action succeeds and one not offered is refused, so the offer and
 * the rule cannot drift apart.
 */
class AvailableActionsTest {

    private static final Map<ReferralStatus, Set<ReferralAction>> CASEWORKER = Map.ofEntries(
            Map.entry(ReferralStatus.DRAFT, EnumSet.of(UPDATE_DRAFT, SUBMIT, DISCARD, WITHDRAW_CONSENT, MARK_ENTERED_IN_ERROR)),
            Map.entry(ReferralStatus.REQUESTED, EnumSet.of(CANCEL, WITHDRAW_CONSENT, MARK_ENTERED_IN_ERROR, SEND_MESSAGE)),
            Map.entry(ReferralStatus.RECEIVED, EnumSet.of(CANCEL, WITHDRAW_CONSENT, MARK_ENTERED_IN_ERROR, SEND_MESSAGE)),
            Map.entry(ReferralStatus.ACCEPTED, EnumSet.of(CANCEL, WITHDRAW_CONSENT, MARK_ENTERED_IN_ERROR, SEND_MESSAGE)),
            Map.entry(ReferralStatus.IN_PROGRESS, EnumSet.of(WITHDRAW_CONSENT, MARK_ENTERED_IN_ERROR, SEND_MESSAGE)),
            Map.entry(ReferralStatus.ON_HOLD, EnumSet.of(CANCEL, WITHDRAW_CONSENT, MARK_ENTERED_IN_ERROR, SEND_MESSAGE)),
            Map.entry(ReferralStatus.REJECTED, EnumSet.of(REDIRECT, WITHDRAW_CONSENT, MARK_ENTERED_IN_ERROR, SEND_MESSAGE)),
            Map.entry(ReferralStatus.COMPLETED, EnumSet.of(WITHDRAW_CONSENT, MARK_ENTERED_IN_ERROR, SEND_MESSAGE)),
            Map.entry(ReferralStatus.FAILED, EnumSet.of(WITHDRAW_CONSENT, MARK_ENTERED_IN_ERROR, SEND_MESSAGE)),
            Map.entry(ReferralStatus.CANCELLED, EnumSet.of(WITHDRAW_CONSENT, MARK_ENTERED_IN_ERROR, SEND_MESSAGE)),
            Map.entry(ReferralStatus.ENTERED_IN_ERROR, EnumSet.of(WITHDRAW_CONSENT)));

    private static final Map<ReferralStatus, Set<ReferralAction>> SERVICE = Map.ofEntries(
            Map.entry(ReferralStatus.DRAFT, EnumSet.noneOf(ReferralAction.class)),
            Map.entry(ReferralStatus.REQUESTED, EnumSet.of(MARK_ENTERED_IN_ERROR, SEND_MESSAGE)),
            Map.entry(ReferralStatus.RECEIVED, EnumSet.of(ACCEPT, REJECT, SET_BUSINESS_STATUS, MARK_ENTERED_IN_ERROR, SEND_MESSAGE)),
            Map.entry(ReferralStatus.ACCEPTED, EnumSet.of(START, HOLD, SET_BUSINESS_STATUS, MARK_ENTERED_IN_ERROR, SEND_MESSAGE)),
            Map.entry(ReferralStatus.IN_PROGRESS, EnumSet.of(COMPLETE, HOLD, FAIL, SET_BUSINESS_STATUS, MARK_ENTERED_IN_ERROR, SEND_MESSAGE)),
            Map.entry(ReferralStatus.ON_HOLD, EnumSet.of(RESUME, FAIL, SET_BUSINESS_STATUS, MARK_ENTERED_IN_ERROR, SEND_MESSAGE)),
            Map.entry(ReferralStatus.REJECTED, EnumSet.of(MARK_ENTERED_IN_ERROR, SEND_MESSAGE)),
            Map.entry(ReferralStatus.COMPLETED, EnumSet.of(MARK_ENTERED_IN_ERROR, SEND_MESSAGE)),
            Map.entry(ReferralStatus.FAILED, EnumSet.of(MARK_ENTERED_IN_ERROR, SEND_MESSAGE)),
            Map.entry(ReferralStatus.CANCELLED, EnumSet.of(MARK_ENTERED_IN_ERROR, SEND_MESSAGE)),
            Map.entry(ReferralStatus.ENTERED_IN_ERROR, EnumSet.noneOf(ReferralAction.class)));

    @ParameterizedTest(name = "caseworker, {0}")
    @EnumSource(ReferralStatus.class)
    void theReferringCaseworkerIsOffered(ReferralStatus status) {
        World world = new World();
        assertThat(world.in(status).availableActions(world.caseworker)).isEqualTo(CASEWORKER.get(status));
    }

    @ParameterizedTest(name = "service staff, {0}")
    @EnumSource(ReferralStatus.class)
    void theServicesStaffAreOffered(ReferralStatus status) {
        World world = new World();
        assertThat(world.in(status).availableActions(world.staff)).isEqualTo(SERVICE.get(status));
    }

    @ParameterizedTest(name = "outsiders, {0}")
    @EnumSource(ReferralStatus.class)
    void nobodyElseIsOfferedAnything(ReferralStatus status) {
        World world = new World();
        Referral referral = world.in(status);
        for (Actor outsider : List.of(world.otherCaseworker, world.otherStaff, world.admin)) {
            assertThat(referral.availableActions(outsider)).as(outsider.role().name()).isEmpty();
        }
    }

    @Test
    void consentOnceWithdrawnCannotBeWithdrawnAgain() {
        World world = new World();
        Referral referral = world.in(ReferralStatus.ACCEPTED);

        referral.withdrawConsent(world.caseworker, "the person asked us to stop", NOW);

        assertThat(referral.availableActions(world.caseworker)).doesNotContain(WITHDRAW_CONSENT, CANCEL);
    }

    private record Attempt(ReferralAction action, Function<World, Actor> who, Performer perform) {
        @Override
        public String toString() {
            return action.name();
        }
    }

    private interface Performer {
        void perform(World world, Referral referral, Actor actor);
    }

    private static final List<Attempt> ATTEMPTS = List.of(
            new Attempt(UPDATE_DRAFT, w -> w.caseworker, (w, r, a) -> r.updateDraft(a, w.service, r.needs(), NOW)),
            new Attempt(SUBMIT, w -> w.caseworker, (w, r, a) -> r.submit(a, () -> ReferralReference.of(2026, 999), World.CALENDAR, NOW)),
            new Attempt(ACCEPT, w -> w.staff, (w, r, a) -> r.accept(a, NOW)),
            new Attempt(REJECT, w -> w.staff, (w, r, a) -> r.reject(a, "outside our remit", EndReason.NOT_ELIGIBLE, NOW)),
            new Attempt(START, w -> w.staff, (w, r, a) -> r.start(a, NOW)),
            new Attempt(HOLD, w -> w.staff, (w, r, a) -> r.hold(a, "person in hospital", NOW)),
            new Attempt(RESUME, w -> w.staff, (w, r, a) -> r.resume(a, NOW)),
            new Attempt(COMPLETE, w -> w.staff, (w, r, a) -> r.complete(a, NOW)),
            new Attempt(FAIL, w -> w.staff, (w, r, a) -> r.fail(a, "no contact", EndReason.UNABLE_TO_CONTACT, NOW)),
            new Attempt(SET_BUSINESS_STATUS, w -> w.staff, (w, r, a) -> r.setBusinessStatus(a, BusinessStatus.CONTACT_MADE, NOW)),
            new Attempt(CANCEL, w -> w.caseworker, (w, r, a) -> r.cancel(a, "no longer needed", NOW)),
            new Attempt(WITHDRAW_CONSENT, w -> w.caseworker, (w, r, a) -> r.withdrawConsent(a, "asked to stop", NOW)),
            new Attempt(REDIRECT, w -> w.caseworker, (w, r, a) -> r.redirect(a, w.service, NOW)),
            new Attempt(MARK_ENTERED_IN_ERROR, w -> w.caseworker, (w, r, a) -> r.markEnteredInError(a, "made twice", NOW)),
            new Attempt(MARK_ENTERED_IN_ERROR, w -> w.staff, (w, r, a) -> r.markEnteredInError(a, "made twice", NOW)),
            new Attempt(SEND_MESSAGE, w -> w.caseworker, (w, r, a) -> r.sendMessage(a, "hello", NOW)),
            new Attempt(SEND_MESSAGE, w -> w.staff, (w, r, a) -> r.sendMessage(a, "hello", NOW)));

    static Stream<Arguments> everyStateActorAndAction() {
        List<Arguments> cases = new ArrayList<>();
        for (ReferralStatus status : ReferralStatus.values()) {
            for (Attempt attempt : ATTEMPTS) {
                cases.add(Arguments.of(status, attempt, "caseworker"));
                cases.add(Arguments.of(status, attempt, "staff"));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} by {2} from {0}")
    @MethodSource("everyStateActorAndAction")
    void anOfferedActionSucceedsAndAnyOtherIsRefused(ReferralStatus status, Attempt attempt, String who) {
        World world = new World();
        Referral referral = world.in(status);
        Actor actor = who.equals("caseworker") ? world.caseworker : world.staff;
        boolean offered = referral.availableActions(actor).contains(attempt.action());

        boolean succeeded;
        try {
            attempt.perform().perform(world, referral, actor);
            succeeded = true;
        } catch (RuntimeException refused) {
            succeeded = false;
        }

        assertThat(succeeded).as("offered %s", offered).isEqualTo(offered);
    }

    @Test
    void everyCommandReadsBackFromItsName() {
        for (ReferralAction action : ReferralAction.values()) {
            ReferralCommand.parse(action.slug(), "a reason", null, BusinessStatus.CONTACT_MADE)
                    .ifPresent(command -> assertThat(command.action()).isEqualTo(action));
        }
        assertThat(ReferralCommand.parse("entered-in-error", "made twice", null, null))
                .contains(new ReferralCommand.MarkEnteredInError("made twice"));
        assertThat(ReferralCommand.parse("reject", "full", EndReason.NO_CAPACITY, null))
                .contains(new ReferralCommand.Reject("full", EndReason.NO_CAPACITY));
        assertThat(ReferralCommand.parse("redirect", null, null, null)).isEmpty();
        assertThat(ReferralCommand.parse("ACCEPT", null, null, null)).isEmpty();
        assertThat(ReferralCommand.parse(null, null, null, null)).isEmpty();
    }

    @Test
    void theEndingActionsAreConfirmedAndReasoned() {
        assertThat(EnumSet.allOf(ReferralAction.class)).filteredOn(ReferralAction::isEnding)
                .containsExactlyInAnyOrder(REJECT, FAIL, CANCEL, WITHDRAW_CONSENT, MARK_ENTERED_IN_ERROR);
        assertThat(EnumSet.allOf(ReferralAction.class)).filteredOn(ReferralAction::needsReason)
                .containsExactlyInAnyOrder(REJECT, FAIL, CANCEL, WITHDRAW_CONSENT, MARK_ENTERED_IN_ERROR, HOLD);
    }
}
