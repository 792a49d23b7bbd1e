package org.waypoint.core.referral;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where referrals are kept. */
public interface ReferralRepository {

    Optional<Referral> find(String id);

    void add(Referral referral);

    /** The client's referrals that are submitted and not yet ended, or still drafts. */
    List<Referral> unfinishedForClient(String clientId);

    /** Referrals made by one organisation, newest first. */
    List<Referral> madeBy(String organisationId);

    /** Submitted referrals to the services of one organisation, newest first. */
    List<Referral> sentTo(String organisationId);

    /** REQUESTED referrals whose acknowledge-by time is before {@code now}, most overdue first. */
    List<Referral> overdue(Instant now);
}
