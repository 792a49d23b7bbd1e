package org.waypoint.notifications.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed message again: exponential backoff from {@code first}, capped at
 * {@code max}, with jitter so that instances and messages that failed together do not retry in
 * step. The delay after the n-th failure lies between half and all of {@code first × 2^(n-1)}.
 */
public record RetryPolicy(Duration first, Duration max, DoubleSupplier random) {

    /** 30 s, 1 min, 2 min … then hourly: about 30 attempts in the day a message is retried for. */
    public static RetryPolicy standard() {
        return new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), Math::random);
    }

    public RetryPolicy {
        Objects.requireNonNull(first, "a first delay is required");
        Objects.requireNonNull(max, "a maximum delay is required");
        Objects.requireNonNull(random, "a source of jitter is required");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("delays are positive and the maximum is at least the first");
        }
    }

    /** The time of the next attempt after the {@code failures}-th failure at {@code now}. */
    public Instant nextAttempt(int failures, Instant now) {
        long ceiling = first.toMillis() << Math.min(Math.max(failures - 1, 0), 30);
        long delay = Math.min(ceiling, max.toMillis());
        long jittered = delay / 2 + (long) (random.getAsDouble() * (delay - delay / 2));
        return now.plusMillis(jittered);
    }
}
