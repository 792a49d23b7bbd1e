package org.waypoint.core.referral;

import java.time.Instant;
import org.waypoint.core.shared.Actor;

/** An action on an existing referral, as a value: what the API's {@code POST /referrals/{id}/{action}} carries. */
public sealed interface ReferralCommand {

    ReferralAction action();

    void applyTo(Referral referral, Actor actor, Instant now);

    record Accept() implements ReferralCommand {
        @Override
        public ReferralAction action() {
            return ReferralAction.ACCEPT;
        }

        @Override
        public void applyTo(Referral r, Actor actor, Instant now) {
            r.accept(actor, now);
        }
    }

    record Reject(String reason) implements ReferralCommand {
        @Override
        public ReferralAction action() {
            return ReferralAction.REJECT;
        }

        @Override
        public void applyTo(Referral r, Actor actor, Instant now) {
            r.reject(actor, reason, now);
        }
    }

    record Start() implements ReferralCommand {
        @Override
        public ReferralAction action() {
            return ReferralAction.START;
        }

        @Override
        public void applyTo(Referral r, Actor actor, Instant now) {
            r.start(actor, now);
        }
    }

    record Hold(String reason) implements ReferralCommand {
        @Override
        public ReferralAction action() {
            return ReferralAction.HOLD;
        }

        @Override
        public void applyTo(Referral r, Actor actor, Instant now) {
            r.hold(actor, reason, now);
        }
    }

    record Resume() implements ReferralCommand {
        @Override
        public ReferralAction action() {
            return ReferralAction.RESUME;
        }

        @Override
        public void applyTo(Referral r, Actor actor, Instant now) {
            r.resume(actor, now);
        }
    }

    record Complete() implements ReferralCommand {
        @Override
        public ReferralAction action() {
            return ReferralAction.COMPLETE;
        }

        @Override
        public void applyTo(Referral r, Actor actor, Instant now) {
            r.complete(actor, now);
        }
    }

    record Fail(String reason) implements ReferralCommand {
        @Override
        public ReferralAction action() {
            return ReferralAction.FAIL;
        }

        @Override
        public void applyTo(Referral r, Actor actor, Instant now) {
            r.fail(actor, reason, now);
        }
    }

    record Cancel(String reason) implements ReferralCommand {
        @Override
        public ReferralAction action() {
            return ReferralAction.CANCEL;
        }

        @Override
        public void applyTo(Referral r, Actor actor, Instant now) {
            r.cancel(actor, reason, now);
        }
    }

    record MarkEnteredInError(String reason) implements ReferralCommand {
        @Override
        public ReferralAction action() {
            return ReferralAction.MARK_ENTERED_IN_ERROR;
        }

        @Override
        public void applyTo(Referral r, Actor actor, Instant now) {
            r.markEnteredInError(actor, reason, now);
        }
    }

    record SetBusinessStatus(BusinessStatus status) implements ReferralCommand {
        @Override
        public ReferralAction action() {
            return ReferralAction.SET_BUSINESS_STATUS;
        }

        @Override
        public void applyTo(Referral r, Actor actor, Instant now) {
            r.setBusinessStatus(actor, status, now);
        }
    }
}
