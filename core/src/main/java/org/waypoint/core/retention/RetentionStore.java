package org.waypoint.core.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.waypoint.core.referral.ReferralStatus;

/**
 * Where retention finds the people due and anonymises them, set-based, a batch at a time. Each call
 * runs in the caller's transaction.
 */
public interface RetentionStore {

    /**
     * The next people, in id order after {@code after}, who are not anonymised, not under a standing
     * legal hold, and whose every referral is past its cutoff (a person without referrals: recorded
     * before the draft cutoff). Their age is not yet considered: that needs the date of birth, decrypted.
     */
    List<Candidate> candidates(RetentionPolicy.Cutoffs cutoffs, Optional<String> after, int limit);

    /** The referrals of these people: ids, references and states, nothing personal. */
    List<ReferralOf> referralsOf(Collection<String> clientIds);

    /** When the person was anonymised; empty if not (yet), or if there is no such person. */
    Optional<Instant> anonymisedAt(String clientId);

    /** Whether the person exists. */
    boolean exists(String clientId);

    /**
     * Anonymises these people: their personal fields replaced by a
     * placeholder or emptied, their blind index cleared, the free texts of their referrals, messages,
     * timelines and lifted holds removed; what the reports count stays. Each person is asked again, as
     * they are changed, whether they are under no standing hold and (given {@code dueBy}, the retention
     * run's cutoffs) whether every referral is past its cutoff: one held or referred again since they
     * were found is passed over.
     *
     * @return how many people and referrals were anonymised
     */
    Counts anonymise(Collection<String> clientIds, Instant now, Optional<RetentionPolicy.Cutoffs> dueBy,
                     Optional<String> erasureReason);

    /** A person as the retention run sees them before the age rule. */
    record Candidate(String clientId, LocalDate dateOfBirth, Instant recordedAt) {

        @Override
        public String toString() {
            return "Candidate[" + clientId + "]";
        }
    }

    record ReferralOf(String clientId, String referralId, Optional<String> reference, ReferralStatus status) {

        @Override
        public String toString() {
            return "ReferralOf[" + referralId + "]";
        }
    }

    record Counts(int people, int referrals) {

        public static final Counts NONE = new Counts(0, 0);

        public Counts plus(Counts other) {
            return new Counts(people + other.people, referrals + other.referrals);
        }
    }
}
