package org.waypoint.core.shared.crypto;

import java.security.SecureRandom;
import java.util.Base64;

/** Fresh random keys in the form the settings take. */
final class TestKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {
    }

    static String randomKey() {
        return randomKey(32);
    }

    static String randomKey(int bytes) {
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
