package org.waypoint.core.account.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One throttle key's count in its current window (see {@link JpaThrottle}). */
@Entity
@Table(name = "throttle_counter")
public class ThrottleCounter {

    @Id
    @Column(name = "counter_key", length = 64)
    private String key;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(nullable = false)
    private int hits;

    protected ThrottleCounter() {
        // for JPA
    }

    ThrottleCounter(String key, Instant windowStart) {
        this.key = key;
        this.windowStart = windowStart;
        this.hits = 1;
    }

    @Override
    public String toString() {
        return "ThrottleCounter[" + hits + "]";
    }
}
