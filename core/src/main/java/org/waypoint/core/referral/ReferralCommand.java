package org.waypoint.core.referral;

import java.time.Instant;
import java.util.Optional;
import org.waypoint.core.shared.Actor;

/**
 * An action on an existing referral, as a value: what the API's {@code POST /referrals/{id}/{action}}
 * and the referral page's action forms carry. Both read the action's name with {@link #parse}.
 */
public sealed interface ReferralCommand {

    ReferralAction action();

    void applyTo(Referral referral, Actor actor, Instant now);

    /**
     * The command an action's name ({@link ReferralAction#slug()}) stands for, with the reason or
     * business status it carries; empty for a name that is not a lifecycle command on one referral
     * (redirecting, messaging and withdrawing consent have use cases of their own).
     */
    static Optional<ReferralCommand> parse(String name, String reason, EndReason reasonCode, BusinessStatus businessStatus) {
        return name == null ? Optional.empty()
                : ReferralAction.fromSlug(name).flatMap(action -> of(action, reason, reasonCode, businessStatus));
    }

    /** The command for an action, with what it carries; empty for an action that is not a command. */
    static Optional<ReferralCommand> of(ReferralAction action, String reason, EndReason reasonCode,
                                        BusinessStatus businessStatus) {
        return Optional.ofNullable(switch (action) {
            case OPEN -> new Acknowledge();
            case ACCEPT -> new Accept();
            case REJECT -> new Reject(reason, reasonCode);
            case START -> new Start();
            case HOLD -> new Hold(reason);
            case RESUME -> new Resume();
            case COMPLETE -> new Complete();
            case FAIL -> new Fail(reason, reasonCode);
            case CANCEL -> new Cancel(reason);
            case MARK_ENTERED_IN_ERROR -> new MarkEnteredInError(reason);
            case SET_BUSINESS_STATUS -> new SetBusinessStatus(businessStatus);
            default -> null;
        });
    }

    record Acknowledge() implements ReferralCommand {
        @Override
        public ReferralAction action() {
            return ReferralAction.OPEN;
        }

        @Override
        public void applyTo(Referral r, Actor actor, Instant now) {
            r.acknowledge(actor, now);
        }
    }

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

    record Reject(String reason, EndReason reasonCode) implements ReferralCommand {
        /** The reason is free text that may name someone: never printed. */
        @Override
        public String toString() {
            return "Reject[" + reasonCode + ", reason …]";
        }

        @Override
        public ReferralAction action() {
            return ReferralAction.REJECT;
        }

        @Override
        public void applyTo(Referral r, Actor actor, Instant now) {
            r.reject(actor, reason, reasonCode, now);
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
        /** The reason is free text that may name someone: never printed. */
        @Override
        public String toString() {
            return "Hold[reason …]";
        }

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

    record Fail(String reason, EndReason reasonCode) implements ReferralCommand {
        /** The reason is free text that may name someone: never printed. */
        @Override
        public String toString() {
            return "Fail[" + reasonCode + ", reason …]";
        }

        @Override
        public ReferralAction action() {
            return ReferralAction.FAIL;
        }

        @Override
        public void applyTo(Referral r, Actor actor, Instant now) {
            r.fail(actor, reason, reasonCode, now);
        }
    }

    record Cancel(String reason) implements ReferralCommand {
        /** The reason is free text that may name someone: never printed. */
        @Override
        public String toString() {
            return "Cancel[reason …]";
        }

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
        /** The reason is free text that may name someone: never printed. */
        @Override
        public String toString() {
            return "MarkEnteredInError[reason …]";
        }

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
