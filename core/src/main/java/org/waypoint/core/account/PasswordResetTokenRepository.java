package org.waypoint.core.account;

import java.time.Instant;
import java.util.Optional;

/** Where password reset tokens (their hashes) are kept. */
public interface PasswordResetTokenRepository {

    void add(PasswordResetToken token);

    Optional<PasswordResetToken> findByHash(String tokenHash);

    /**
     * Marks the token used at {@code now} if nobody has yet: a conditional update, so that of two
     * requests racing with one link only one answers true.
     */
    boolean markUsed(String tokenId, Instant now);

    /** Marks every still unused token of the account used at {@code now}: a newer link replaces them. */
    void withdrawUnused(String userId, Instant now);
}
