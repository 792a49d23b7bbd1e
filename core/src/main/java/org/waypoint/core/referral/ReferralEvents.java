package org.waypoint.core.referral;

import java.time.Instant;

/**
 * What a referral announces. They carry ids, the reference and states only: nothing about the
 * person, so whatever reacts to them (e-mail) cannot leak what it was never given.
 */
public final class ReferralEvents {

    private ReferralEvents() {
    }

    /** Sent to the service, due to be acknowledged by {@code acknowledgeBy}. */
    public record Submitted(String referralId, String reference, String serviceId, Urgency urgency,
                            Instant acknowledgeBy) {
    }

    /** Any change of status after submission, and which organisation's user made it. */
    public record StatusChanged(String referralId, String reference, String serviceId, String referrerUserId,
                                ReferralAction action, ReferralStatus from, ReferralStatus to, Instant at,
                                String byOrganisationId) {
    }

    /** A new message; the other side should be told. */
    public record MessagePosted(String referralId, String reference, String serviceId, String referrerUserId,
                                ReferralMessage.Side from) {
    }

    /** The person withdrew consent: the service must stop and be told. */
    public record ConsentWithdrawn(String referralId, String reference, String serviceId) {
    }
}
