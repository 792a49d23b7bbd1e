package org.waypoint.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.waypoint.core.referral.World.NOW;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.waypoint.core.shared.ConflictException;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.NotPermittedException;
import org.waypoint.core.shared.RiskLevel;
import org.waypoint.core.shared.RuleViolation;

class ReferralRulesTest {

    private final World world = new World();

    @Nested
    class Consent {

        @Test
        void noReferralIsSubmittedWithoutConsent() {
            Referral referral = Referral.draft(world.caseworker, world.client(World.adult()), world.service,
                    World.needs(CrimeType.STALKING), NOW);

            assertThatThrownBy(() -> world.submit(referral)).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("consent");
            assertThat(referral.status()).isEqualTo(ReferralStatus.DRAFT);
            assertThat(referral.reference()).isEmpty();
        }

        @Test
        void sexualOffencesAndDomesticAbuseNeedExplicitConsent() {
            for (CrimeType crime : Set.of(CrimeType.CHILD_SEXUAL_EXPLOITATION, CrimeType.RAPE, CrimeType.DOMESTIC_ABUSE)) {
                Referral referral = Referral.draft(world.caseworker, world.client(World.adult()), world.service,
                        World.needs(crime), NOW);
                referral.recordConsent(world.caseworker, World.consent(ConsentBasis.IMPLIED), NOW);

                assertThatThrownBy(() -> world.submit(referral)).as(crime.name())
                        .isInstanceOf(ConflictException.class).hasMessageContaining("explicit consent");
            }
        }

        @Test
        void impliedConsentIsEnoughForOtherCrimes() {
            Referral referral = Referral.draft(world.caseworker, world.client(World.adult()), world.service,
                    World.needs(CrimeType.STALKING), NOW);
            referral.recordConsent(world.caseworker, World.consent(ConsentBasis.IMPLIED), NOW);

            world.submit(referral);

            assertThat(referral.status()).isEqualTo(ReferralStatus.REQUESTED);
        }

        @Test
        void aSafeguardingOverrideWithJustificationAndApproverIsEnoughForASexualOffence() {
            Referral referral = Referral.draft(world.caseworker, world.client(World.child()), world.service,
                    World.needs(CrimeType.CHILD_SEXUAL_EXPLOITATION), NOW);
            referral.recordConsent(world.caseworker, org.waypoint.core.referral.Consent.safeguardingOverride(
                    "Immediate risk from an adult in the household", "DI Example, safeguarding lead",
                    ConsentMethod.IN_PERSON, NOW, world.caseworker.userId()), NOW);

            world.submit(referral);

            assertThat(referral.consent()).hasValueSatisfying(c -> {
                assertThat(c.basis()).isEqualTo(ConsentBasis.SAFEGUARDING_OVERRIDE);
                assertThat(c.overrideApprovedBy()).contains("DI Example, safeguarding lead");
            });
        }

        @Test
        void anOverrideNeedsAJustificationAndWhoApprovedIt() {
            assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> org.waypoint.core.referral.Consent.safeguardingOverride(
                    " ", "DI Example", ConsentMethod.IN_PERSON, NOW, "u"));
            assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> org.waypoint.core.referral.Consent.safeguardingOverride(
                    "risk", null, ConsentMethod.IN_PERSON, NOW, "u"));
        }

        @Test
        void aParentOrGuardianConsentsOnlyForAChild() {
            Referral adult = Referral.draft(world.caseworker, world.client(World.adult()), world.service, World.needs(), NOW);
            Referral child = Referral.draft(world.caseworker, world.client(World.child()), world.service, World.needs(), NOW);

            assertThatExceptionOfType(RuleViolation.class).isThrownBy(() ->
                    adult.recordConsent(world.caseworker, World.consent(ConsentBasis.GIVEN_BY_PARENT_OR_GUARDIAN), NOW));
            child.recordConsent(world.caseworker, World.consent(ConsentBasis.GIVEN_BY_PARENT_OR_GUARDIAN), NOW);
            assertThat(child.consent()).isPresent();
        }

        @Test
        void withdrawingConsentCancelsAnOpenReferralAndTellsTheService() {
            Referral referral = world.in(ReferralStatus.ACCEPTED);

            referral.withdrawConsent(world.caseworker, "the person no longer wants support", NOW);

            assertThat(referral.status()).isEqualTo(ReferralStatus.CANCELLED);
            assertThat(referral.consent()).isEmpty();
            assertThat(referral.timeline().get(referral.timeline().size() - 1).reason())
                    .contains("the person no longer wants support");
            assertThat(referral.pullEvents()).hasSize(2)
                    .anySatisfy(e -> assertThat(e).isInstanceOf(ReferralEvents.ConsentWithdrawn.class));
        }

        @Test
        void aDraftWhoseConsentIsWithdrawnCannotBeSubmitted() {
            Referral referral = world.draft();

            referral.withdrawConsent(world.caseworker, "changed their mind", NOW);

            assertThat(referral.status()).isEqualTo(ReferralStatus.DRAFT);
            assertThatThrownBy(() -> world.submit(referral)).isInstanceOf(ConflictException.class);
        }

        @Test
        void theServiceSeesContactDetailsOnlyWhenConsentSharesThem() {
            Referral referral = Referral.draft(world.caseworker, world.client(World.adult()), world.service, World.needs(), NOW);
            referral.recordConsent(world.caseworker, org.waypoint.core.referral.Consent.given(ConsentBasis.GIVEN_BY_PERSON,
                    false, true, ConsentMethod.TELEPHONE, NOW, "u"), NOW);
            world.submit(referral);

            assertThat(referral.sharesContactDetailsWith(world.staff)).isFalse();
            assertThat(referral.sharesCaseDetailsWith(world.staff)).isTrue();
            assertThat(referral.sharesContactDetailsWith(world.caseworker)).isTrue();
            assertThat(referral.sharesContactDetailsWith(world.otherStaff)).isFalse();
        }
    }

    @Nested
    class WhoMaySeeAndAct {

        @Test
        void anotherOrganisationIsToldTheReferralDoesNotExist() {
            Referral referral = world.in(ReferralStatus.REQUESTED);

            assertThat(referral.isVisibleTo(world.otherCaseworker)).isFalse();
            assertThat(referral.isVisibleTo(world.otherStaff)).isFalse();
            assertThat(referral.isVisibleTo(world.admin)).isFalse();
            assertThatThrownBy(() -> referral.open(world.otherStaff, NOW)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> referral.cancel(world.otherCaseworker, "x", NOW)).isInstanceOf(NotFoundException.class);
            assertThat(referral.status()).isEqualTo(ReferralStatus.REQUESTED);
        }

        @Test
        void theServiceDoesNotSeeADraft() {
            Referral draft = world.in(ReferralStatus.DRAFT);

            assertThat(draft.isVisibleTo(world.staff)).isFalse();
            assertThat(draft.isVisibleTo(world.caseworker)).isTrue();
        }

        @Test
        void eachSideKeepsToItsOwnActions() {
            Referral received = world.in(ReferralStatus.RECEIVED);

            assertThatThrownBy(() -> received.accept(world.caseworker, NOW)).isInstanceOf(NotPermittedException.class);
            assertThatThrownBy(() -> received.cancel(world.staff, "x", NOW)).isInstanceOf(NotPermittedException.class);
            assertThat(received.status()).isEqualTo(ReferralStatus.RECEIVED);
        }

        @Test
        void aCaseworkerDraftsOnlyForTheirOwnOrganisationsClients() {
            assertThatThrownBy(() -> Referral.draft(world.otherCaseworker, world.client(World.adult()), world.service,
                    World.needs(), NOW)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> Referral.draft(world.staff, world.client(World.adult()), world.service,
                    World.needs(), NOW)).isInstanceOf(NotPermittedException.class);
        }
    }

    @Nested
    class Submission {

        @Test
        void getsItsReferenceAndIsDueTwoWorkingDaysLater() {
            Referral referral = world.draft();

            world.submit(referral);

            assertThat(referral.reference()).contains(new ReferralReference("WP-2026-000001"));
            assertThat(referral.submittedAt()).contains(NOW);
            assertThat(referral.acknowledgeBy()).contains(Instant.parse("2026-11-26T00:00:00Z"));
            assertThat(referral.pullEvents()).containsExactly(new ReferralEvents.Submitted(referral.id(),
                    "WP-2026-000001", world.service.id(), Urgency.ROUTINE, Instant.parse("2026-11-26T00:00:00Z")));
        }

        @Test
        void anUrgentReferralIsDueByTheEndOfTheNextWorkingDay() {
            Referral referral = Referral.draft(world.caseworker, world.client(World.adult()), world.service,
                    new NeedsAssessment(Set.of("COUNSELLING"), Set.of(), RiskLevel.HIGH, Urgency.URGENT, false,
                            Optional.empty(), Optional.empty()), NOW);
            referral.recordConsent(world.caseworker, World.consent(ConsentBasis.GIVEN_BY_PERSON), NOW);

            world.submit(referral);

            assertThat(referral.acknowledgeBy()).contains(Instant.parse("2026-11-25T00:00:00Z"));
        }

        @Test
        void aClosedServiceTakesNoReferral() {
            Referral referral = world.draft();
            world.service.close();

            assertThatThrownBy(() -> world.submit(referral)).isInstanceOf(ConflictException.class);
            assertThat(referral.reference()).isEmpty();
        }

        @Test
        void isOverdueOnlyWhileUnacknowledgedAfterItsDueTime() {
            Referral referral = world.in(ReferralStatus.REQUESTED);
            Instant due = referral.acknowledgeBy().orElseThrow();

            assertThat(referral.isOverdue(due)).isFalse();
            assertThat(referral.isOverdue(due.plusSeconds(1))).isTrue();
            referral.open(world.staff, due.plusSeconds(2));
            assertThat(referral.isOverdue(due.plusSeconds(3))).isFalse();
        }
    }

    @Nested
    class AfterSubmission {

        @Test
        void redirectingARejectionMakesALinkedDraftWithTheSameNeedsAndConsent() {
            Referral rejected = world.in(ReferralStatus.REJECTED);

            Referral next = rejected.redirect(world.caseworker, world.otherService, NOW);

            assertThat(next.status()).isEqualTo(ReferralStatus.DRAFT);
            assertThat(next.redirectedFrom()).contains(rejected.id());
            assertThat(next.service()).isSameAs(world.otherService);
            assertThat(next.needs()).isEqualTo(rejected.needs());
            assertThat(next.consent()).isEqualTo(rejected.consent());
            assertThat(rejected.status()).isEqualTo(ReferralStatus.REJECTED);
        }

        @Test
        void onlyARejectionIsRedirected() {
            Referral accepted = world.in(ReferralStatus.ACCEPTED);

            assertThatThrownBy(() -> accepted.redirect(world.caseworker, world.otherService, NOW))
                    .isInstanceOf(IllegalTransitionException.class);
        }

        @Test
        void messagesPassBetweenTheSidesOnceSubmitted() {
            Referral draft = world.in(ReferralStatus.DRAFT);
            assertThatThrownBy(() -> draft.sendMessage(world.caseworker, "hello", NOW))
                    .isInstanceOf(IllegalTransitionException.class);

            Referral referral = world.in(ReferralStatus.RECEIVED);
            referral.sendMessage(world.staff, "Is a female worker preferred?", NOW);
            referral.sendMessage(world.caseworker, "Yes, please.", NOW);

            assertThat(referral.messages()).extracting(ReferralMessage::side)
                    .containsExactly(ReferralMessage.Side.SERVICE, ReferralMessage.Side.REFERRER);
            assertThat(referral.pullEvents()).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(ReferralEvents.MessagePosted.class));
            assertThatThrownBy(() -> referral.sendMessage(world.otherStaff, "hi", NOW)).isInstanceOf(NotFoundException.class);
            assertThatExceptionOfType(InvalidField.class).isThrownBy(() -> referral.sendMessage(world.staff, "  ", NOW));
        }

        @Test
        void theServiceSetsABusinessStatusBesideTheStatus() {
            Referral referral = world.in(ReferralStatus.ACCEPTED);

            referral.setBusinessStatus(world.staff, BusinessStatus.CONTACT_ATTEMPTED, NOW);

            assertThat(referral.businessStatus()).contains(BusinessStatus.CONTACT_ATTEMPTED);
            assertThat(referral.status()).isEqualTo(ReferralStatus.ACCEPTED);
            assertThatThrownBy(() -> world.in(ReferralStatus.COMPLETED)
                    .setBusinessStatus(world.staff, BusinessStatus.CONTACT_MADE, NOW))
                    .isInstanceOf(IllegalTransitionException.class);
        }

        @Test
        void printsNothingButItsId() {
            Referral referral = world.in(ReferralStatus.REQUESTED);

            assertThat(referral.toString()).isEqualTo("Referral[" + referral.id() + "]");
            assertThat(referral.needs().toString()).doesNotContain("SEXUAL");
            assertThat(World.adult().toString()).doesNotContain("Alex", "Example", "1990");
        }
    }
}
