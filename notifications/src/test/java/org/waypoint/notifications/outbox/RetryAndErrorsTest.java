package org.waypoint.notifications.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAndErrorsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void delaysDoubleUpToTheCapWithJitterBetweenHalfAndAll() {
        RetryPolicy lowest = new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), () -> 0.0);
        RetryPolicy highest = new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), () -> 0.999_999);

        assertThat(lowest.nextAttempt(1, NOW)).isEqualTo(NOW.plusSeconds(15));
        assertThat(highest.nextAttempt(1, NOW)).isBetween(NOW.plusSeconds(29), NOW.plusSeconds(30));
        assertThat(lowest.nextAttempt(3, NOW)).isEqualTo(NOW.plusSeconds(60));
        assertThat(lowest.nextAttempt(40, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(highest.nextAttempt(40, NOW)).isBefore(NOW.plus(Duration.ofHours(1)).plusSeconds(1));
    }

    @Test
    void anErrorKeepsItsClassAndReplyButNoAddress() {
        MessagingException rejected = new SendFailedException("Invalid Addresses",
                new MessagingException("550 5.1.1 <someone.private@example.org>... User unknown\r\nmore"));
        String described = DeliveryErrors.describe(rejected);

        assertThat(described).contains("SendFailedException", "550 5.1.1", "User unknown", "[address]")
                .doesNotContain("someone.private", "example.org", "\n", "\r");
        assertThat(DeliveryErrors.describe(new MessagingException("Couldn't connect", new ConnectException("refused"))))
                .isEqualTo("MessagingException: Couldn't connect <- ConnectException: refused");
    }
}
