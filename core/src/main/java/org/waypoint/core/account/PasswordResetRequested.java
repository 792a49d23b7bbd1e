package org.waypoint.core.account;

import java.time.Instant;

/**
 * A reset link was made for an account: the e-mail that carries it is written in the same
 * transaction. The token travels only here and in that e-mail; {@link #toString()} never shows it.
 */
public record PasswordResetRequested(String userId, String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "PasswordResetRequested[" + userId + "]";
    }
}
