package org.waypoint.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.waypoint.core.referral.ReferralStatus.ACCEPTED;
import static org.waypoint.core.referral.ReferralStatus.CANCELLED;
import static org.waypoint.core.referral.ReferralStatus.COMPLETED;
import static org.waypoint.core.referral.ReferralStatus.DRAFT;
import static org.waypoint.core.referral.ReferralStatus.ENTERED_IN_ERROR;
import static org.waypoint.core.referral.ReferralStatus.FAILED;
import static org.waypoint.core.referral.ReferralStatus.IN_PROGRESS;
import static org.waypoint.core.referral.ReferralStatus.ON_HOLD;
import static org.waypoint.core.referral.ReferralStatus.RECEIVED;
import static org.waypoint.core.referral.ReferralStatus.REJECTED;
import static org.waypoint.core.referral.ReferralStatus.REQUESTED;
import static org.waypoint.core.referral.World.NOW;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.NotFoundException;

/**
 * Every action from every state: the legal ones land where DESIGN.md's lifecycle says, with a timeline
 * entry and an event; every other one is refused with an exception naming the state and the action,
 * and changes nothing.
 */
class ReferralLifecycleTest {

    private record Step(ReferralAction action, BiConsumer<World, Referral> perform) {
        @Override
        public String toString() {
            return action.name();
        }
    }

    private static final List<Step> STEPS = List.of(
            new Step(ReferralAction.SUBMIT, World::submit),
            new Step(ReferralAction.ACCEPT, (w, r) -> r.accept(w.staff, NOW)),
            new Step(ReferralAction.REJECT, (w, r) -> r.reject(w.staff, "no capacity for this need", EndReason.NO_CAPACITY, NOW)),
            new Step(ReferralAction.START, (w, r) -> r.start(w.staff, NOW)),
            new Step(ReferralAction.HOLD, (w, r) -> r.hold(w.staff, "person asked to pause", NOW)),
            new Step(ReferralAction.RESUME, (w, r) -> r.resume(w.staff, NOW)),
            new Step(ReferralAction.COMPLETE, (w, r) -> r.complete(w.staff, NOW)),
            new Step(ReferralAction.FAIL, (w, r) -> r.fail(w.staff, "no contact after five attempts", EndReason.UNABLE_TO_CONTACT, NOW)),
            new Step(ReferralAction.CANCEL, (w, r) -> r.cancel(w.caseworker, "person moved away", NOW)),
            new Step(ReferralAction.MARK_ENTERED_IN_ERROR, (w, r) -> r.markEnteredInError(w.caseworker, "wrong person", NOW)));

    /** The lifecycle of DESIGN.md: for each action, the states it may start from and where it goes. */
    private static final Map<ReferralAction, Map.Entry<Set<ReferralStatus>, ReferralStatus>> LEGAL = Map.of(
            ReferralAction.SUBMIT, Map.entry(EnumSet.of(DRAFT), REQUESTED),
            ReferralAction.ACCEPT, Map.entry(EnumSet.of(RECEIVED), ACCEPTED),
            ReferralAction.REJECT, Map.entry(EnumSet.of(RECEIVED), REJECTED),
            ReferralAction.START, Map.entry(EnumSet.of(ACCEPTED), IN_PROGRESS),
            ReferralAction.HOLD, Map.entry(EnumSet.of(ACCEPTED, IN_PROGRESS), ON_HOLD),
            ReferralAction.RESUME, Map.entry(EnumSet.of(ON_HOLD), IN_PROGRESS),
            ReferralAction.COMPLETE, Map.entry(EnumSet.of(IN_PROGRESS), COMPLETED),
            ReferralAction.FAIL, Map.entry(EnumSet.of(IN_PROGRESS, ON_HOLD), FAILED),
            ReferralAction.CANCEL, Map.entry(EnumSet.of(REQUESTED, RECEIVED, ACCEPTED, ON_HOLD), CANCELLED),
            ReferralAction.MARK_ENTERED_IN_ERROR, Map.entry(EnumSet.complementOf(EnumSet.of(ENTERED_IN_ERROR)), ENTERED_IN_ERROR));

    static Stream<Arguments> everyStateAndAction() {
        List<Arguments> cases = new ArrayList<>();
        for (ReferralStatus status : ReferralStatus.values()) {
            for (Step step : STEPS) {
                cases.add(Arguments.of(status, step));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("everyStateAndAction")
    void followsTheLifecycleExactly(ReferralStatus from, Step step) {
        World world = new World();
        Referral referral = world.in(from);
        int timelineBefore = referral.timeline().size();
        Map.Entry<Set<ReferralStatus>, ReferralStatus> legal = LEGAL.get(step.action());

        if (legal.getKey().contains(from)) {
            step.perform().accept(world, referral);

            ReferralStatus to = legal.getValue();
            assertThat(referral.status()).isEqualTo(to);
            TimelineEvent last = referral.timeline().get(referral.timeline().size() - 1);
            assertThat(last.action()).isEqualTo(step.action());
            assertThat(last.from()).contains(from);
            assertThat(last.to()).isEqualTo(to);
            assertThat(last.at()).isEqualTo(NOW);
            List<Object> events = referral.pullEvents();
            if (from == DRAFT) {
                assertThat(events).hasSize(to == REQUESTED ? 1 : 0);
            } else {
                assertThat(events).singleElement().isEqualTo(new ReferralEvents.StatusChanged(referral.id(),
                        referral.reference().orElseThrow().value(), world.service.id(), world.caseworker.userId(),
                        step.action(), from, to, NOW, step.action() == ReferralAction.CANCEL
                                || step.action() == ReferralAction.MARK_ENTERED_IN_ERROR
                                ? world.caseworker.organisationId() : world.staff.organisationId()));
            }
        } else if (from == DRAFT && isServiceAction(step.action())) {
            assertThatThrownBy(() -> step.perform().accept(world, referral)).isInstanceOf(NotFoundException.class);
            assertUnchanged(referral, from, timelineBefore);
        } else {
            assertThatThrownBy(() -> step.perform().accept(world, referral))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                        assertThat(e.status()).isEqualTo(from);
                        assertThat(e.action()).isEqualTo(step.action());
                        assertThat(e.getMessage()).contains(from.fhirCode()).contains(step.action().verb());
                    });
            assertUnchanged(referral, from, timelineBefore);
        }
    }

    private static boolean isServiceAction(ReferralAction action) {
        return EnumSet.of(ReferralAction.ACCEPT, ReferralAction.REJECT, ReferralAction.START, ReferralAction.HOLD,
                ReferralAction.RESUME, ReferralAction.COMPLETE, ReferralAction.FAIL).contains(action);
    }

    private static void assertUnchanged(Referral referral, ReferralStatus status, int timelineSize) {
        assertThat(referral.status()).isEqualTo(status);
        assertThat(referral.timeline()).hasSize(timelineSize);
        assertThat(referral.pullEvents()).isEmpty();
    }

    @Test
    void theServicesFirstOpeningIsTheAcknowledgementAndLaterOpeningsChangeNothing() {
        World world = new World();
        Referral referral = world.in(REQUESTED);

        referral.open(world.staff, NOW);
        referral.open(world.staff, NOW.plusSeconds(3600));

        assertThat(referral.status()).isEqualTo(RECEIVED);
        assertThat(referral.receivedAt()).contains(NOW);
        assertThat(referral.timeline()).filteredOn(e -> e.action() == ReferralAction.OPEN).hasSize(1);
    }

    @Test
    void anExplicitAcknowledgementIsTheSameTimelineEntryAndComesOnce() {
        World world = new World();
        Referral referral = world.in(REQUESTED);
        referral.pullEvents();

        ReferralCommand.parse("acknowledge", null, null, null).orElseThrow().applyTo(referral, world.staff, NOW);

        assertThat(referral.status()).isEqualTo(RECEIVED);
        assertThat(referral.receivedAt()).contains(NOW);
        assertThat(referral.updatedAt()).isEqualTo(NOW);
        assertThat(referral.timeline()).last().satisfies(e -> assertThat(e.action()).isEqualTo(ReferralAction.OPEN));
        assertThat(referral.pullEvents()).singleElement().isInstanceOf(ReferralEvents.StatusChanged.class);
        assertThatThrownBy(() -> referral.acknowledge(world.staff, NOW.plusSeconds(60)))
                .isInstanceOf(IllegalTransitionException.class);
        referral.open(world.staff, NOW.plusSeconds(60));
        assertThat(referral.timeline()).filteredOn(e -> e.action() == ReferralAction.OPEN).hasSize(1);
        assertThatThrownBy(() -> world.in(REQUESTED).acknowledge(world.caseworker, NOW))
                .isInstanceOf(org.waypoint.core.shared.NotPermittedException.class);
    }

    @Test
    void theReferrersLookIsNotAnAcknowledgement() {
        World world = new World();
        Referral referral = world.in(REQUESTED);

        assertThatThrownBy(() -> referral.open(world.caseworker, NOW)).isInstanceOf(org.waypoint.core.shared.NotPermittedException.class);
        assertThat(referral.status()).isEqualTo(REQUESTED);
    }

    @Test
    void reasonsAreRequiredToRejectHoldFailAndCancel() {
        World world = new World();
        Referral received = world.in(RECEIVED);
        Referral inProgress = world.in(IN_PROGRESS);
        Referral requested = world.in(REQUESTED);

        assertThatThrownBy(() -> received.reject(world.staff, " ", EndReason.OTHER, NOW)).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> inProgress.hold(world.staff, null, NOW)).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> inProgress.fail(world.staff, "", EndReason.OTHER, NOW)).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> requested.cancel(world.caseworker, "\t", NOW)).isInstanceOf(InvalidField.class);
        assertThat(List.of(received.status(), inProgress.status(), requested.status()))
                .containsExactly(RECEIVED, IN_PROGRESS, REQUESTED);
    }

    @Test
    void aReasonCodeMustBeOneThatExplainsTheActionAndMayBeLeftOut() {
        World world = new World();
        Referral received = world.in(RECEIVED);
        Referral inProgress = world.in(IN_PROGRESS);

        assertThatThrownBy(() -> received.reject(world.staff, "moved", EndReason.MOVED_AWAY, NOW))
                .isInstanceOf(InvalidField.class).hasMessageContaining("NOT_ELIGIBLE");
        assertThatThrownBy(() -> inProgress.fail(world.staff, "too old", EndReason.NOT_ELIGIBLE, NOW))
                .isInstanceOf(InvalidField.class);
        assertThat(List.of(received.status(), inProgress.status())).containsExactly(RECEIVED, IN_PROGRESS);

        inProgress.fail(world.staff, "an older client's words only", null, NOW);
        assertThat(inProgress.timeline().get(inProgress.timeline().size() - 1).reasonCode()).isEmpty();
        assertThat(EndReason.forAction(ReferralAction.REJECT)).contains(EndReason.NOT_ELIGIBLE).doesNotContain(EndReason.MOVED_AWAY);
    }

    @Test
    void theTimelineKeepsTheReasonAndWhoGaveIt() {
        World world = new World();
        Referral referral = world.in(RECEIVED);

        referral.reject(world.staff, "  we only see under-18s  ", EndReason.NOT_ELIGIBLE, NOW);

        TimelineEvent rejection = referral.timeline().get(referral.timeline().size() - 1);
        assertThat(rejection.reason()).contains("we only see under-18s");
        assertThat(rejection.reasonCode()).contains(EndReason.NOT_ELIGIBLE);
        assertThat(rejection.actorUserId()).isEqualTo(world.staff.userId());
        assertThat(rejection.actorOrganisationId()).isEqualTo(world.charity.id());
    }
}
