package org.waypoint.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.Test;
import org.waypoint.core.shared.InvalidField;

/** With Soteria's implementation, as Payara runs it. */
class PasswordHasherTest {

    private final PasswordHasher hasher = configured();

    private static PasswordHasher configured() {
        PasswordHasher hasher = new PasswordHasher(new Pbkdf2PasswordHashImpl());
        hasher.configure();
        return hasher;
    }

    @Test
    void hashesWithPbkdf2Sha256AtSixHundredThousandIterationsAndASalt() {
        String hash = hasher.hash("correct horse battery".toCharArray());

        assertThat(hash).startsWith("PBKDF2WithHmacSHA256:600000:");
        assertThat(hasher.hash("correct horse battery".toCharArray())).isNotEqualTo(hash);
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("correct horse battery".toCharArray());

        assertThat(hasher.matches("correct horse battery".toCharArray(), hash)).isTrue();
        assertThat(hasher.matches("correct horse batterz".toCharArray(), hash)).isFalse();
        assertThat(hasher.matches(null, hash)).isFalse();
    }

    @Test
    void refusesPasswordsShorterThanTwelveCharacters() {
        assertThatExceptionOfType(InvalidField.class).isThrownBy(() -> hasher.hash("short-pass1".toCharArray()));
    }

    /** ASVS V6.2.5 and V6.2.9: no rule on what a password is made of, and room for a long passphrase. */
    @Test
    void takesAnyCharactersAndPassphrasesUpTo128CharactersWithoutCompositionRules() {
        String lowerCaseOnly = "correcthorsebatterystaple";
        String sixtyFour = "a lovely long passphrase of exactly sixty-four characters, right";
        String longest = "x".repeat(128);
        String welsh = "dw i'n hoffi bara brith â chaws";
        for (String password : new String[] {lowerCaseOnly, sixtyFour, longest, welsh}) {
            String hash = hasher.hash(password.toCharArray());
            assertThat(hasher.matches(password.toCharArray(), hash)).as(password).isTrue();
        }
        assertThat(sixtyFour).hasSize(64);
        assertThatExceptionOfType(InvalidField.class).isThrownBy(() -> hasher.hash("x".repeat(129).toCharArray()));
    }
}
