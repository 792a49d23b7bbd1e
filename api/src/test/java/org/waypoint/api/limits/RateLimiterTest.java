package org.waypoint.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final RateLimiter limiter = new RateLimiter(3, 100, 10);

    @Test
    void aKeyGetsItsQuotaInAWindowThenIsRefusedUntilTheWindowEnds() {
        long start = 1_000_000;
        assertThat(limiter.acquire(RateLimiter.Policy.TOKEN, "t", start).remaining()).isEqualTo(2);
        limiter.acquire(RateLimiter.Policy.TOKEN, "t", start + 1);
        RateLimiter.Outcome third = limiter.acquire(RateLimiter.Policy.TOKEN, "t", start + 2);
        assertThat(third.allowed()).isTrue();
        assertThat(third.remaining()).isZero();

        RateLimiter.Outcome fourth = limiter.acquire(RateLimiter.Policy.TOKEN, "t", start + 20_000);
        assertThat(fourth.allowed()).isFalse();
        assertThat(fourth.resetSeconds()).isEqualTo(40);
        assertThat(fourth.quota()).isEqualTo(3);

        assertThat(limiter.acquire(RateLimiter.Policy.TOKEN, "t", start + 60_000).allowed()).isTrue();
    }

    @Test
    void keysAndPoliciesCountApart() {
        long now = 5_000_000;
        for (int i = 0; i < 3; i++) {
            limiter.acquire(RateLimiter.Policy.TOKEN, "a", now);
        }
        assertThat(limiter.acquire(RateLimiter.Policy.TOKEN, "a", now).allowed()).isFalse();
        assertThat(limiter.acquire(RateLimiter.Policy.TOKEN, "b", now).allowed()).isTrue();
        assertThat(limiter.acquire(RateLimiter.Policy.ADDRESS, "a", now).allowed()).isTrue();
    }

    @Test
    void aLimitBelowOneIsRefusedAtStart() {
        assertThatThrownBy(() -> new RateLimiter(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
