package org.waypoint.core.account;

import java.time.Instant;

/** An account's recovery codes, by hash. */
public interface RecoveryCodeRepository {

    void add(RecoveryCode code);

    /** Marks the unused code with this hash of this account used, answering whether it was there and unused (once only). */
    boolean use(String userId, String codeHash, Instant at);

    /** Deletes every code of the account, used or not. */
    void removeAllOf(String userId);

    /** How many unused codes the account has left. */
    long unused(String userId);
}
