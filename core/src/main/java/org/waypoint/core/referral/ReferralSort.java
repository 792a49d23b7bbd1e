package org.waypoint.core.referral;

import java.util.Arrays;
import java.util.Optional;

/**
 * The orders a list of referrals can be read in, each by its name in an address ({@code -updatedAt}
 * is newest change first). Ties are broken by id, so that pages never overlap.
 */
public enum ReferralSort {
    /** The dashboard's order: soonest acknowledge-by time first (drafts last), then newest. */
    DUE("acknowledgeBy"),
    UPDATED("updatedAt"),
    UPDATED_DESCENDING("-updatedAt"),
    CREATED("createdAt"),
    CREATED_DESCENDING("-createdAt"),
    REFERENCE("reference"),
    REFERENCE_DESCENDING("-reference");

    private final String key;

    ReferralSort(String key) {
        this.key = key;
    }

    /** The order's name in an address. */
    public String key() {
        return key;
    }

    /** The order a name stands for; empty for anything else. */
    public static Optional<ReferralSort> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
