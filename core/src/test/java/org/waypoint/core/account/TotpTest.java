package org.waypoint.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238 Appendix B, the SHA-1 rows: the generator at eight digits, as the RFC gives them. */
class TotpTest {

    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void theRfcTestVectors(long unixTime, String code) {
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(unixTime)), 8)).isEqualTo(code);
    }

    @Test
    void sixDigitsAreTheLastSixOfTheEightAndTheSecretTravelsAsBase32() {
        String base32 = Totp.encode(RFC_KEY);
        assertThat(base32).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.decode(base32.toLowerCase())).isEqualTo(RFC_KEY);
        assertThat(Totp.code(base32, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.newSecret()).matches("[A-Z2-7]{32}").isNotEqualTo(Totp.newSecret());
    }
}
