package org.waypoint.api.limits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts requests in fixed one-minute windows, per policy and key, in this instance's memory: with
 * several instances each counts its own share (see README). Keys are addresses and hashes of tokens
 * that signed a request in, never anything a caller can invent at will, so the map stays small; windows
 * that have ended are swept once a minute.
 */
@ApplicationScoped
public class RateLimiter {

    public static final String PER_TOKEN = "waypoint.rate-limit.per-token-per-minute";
    public static final String PER_ADDRESS = "waypoint.rate-limit.per-address-per-minute";
    public static final String SIGN_IN_PER_ADDRESS = "waypoint.rate-limit.sign-in-per-address-per-minute";
    static final long WINDOW_MILLIS = 60_000;

    /** The policies, by the names the RateLimit headers give them. */
    public enum Policy {
        TOKEN("token"),
        ADDRESS("address"),
        SIGN_IN("sign-in");

        private final String label;

        Policy(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One policy's count for one request: its quota, what remains of it, and the seconds until the window resets. */
    public record Outcome(Policy policy, int quota, int remaining, long resetSeconds, boolean allowed) {
    }

    private record Window(long start, int used) {
    }

    private final int perToken;
    private final int perAddress;
    private final int signInPerAddress;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    @Inject
    public RateLimiter(@ConfigProperty(name = PER_TOKEN) int perToken, @ConfigProperty(name = PER_ADDRESS) int perAddress,
                       @ConfigProperty(name = SIGN_IN_PER_ADDRESS) int signInPerAddress) {
        if (perToken < 1 || perAddress < 1 || signInPerAddress < 1) {
            throw new IllegalArgumentException("every rate limit is at least one request a minute");
        }
        this.perToken = perToken;
        this.perAddress = perAddress;
        this.signInPerAddress = signInPerAddress;
    }

    /** For CDI's proxy only. */
    protected RateLimiter() {
        this.perToken = 0;
        this.perAddress = 0;
        this.signInPerAddress = 0;
    }

    public int quota(Policy policy) {
        return switch (policy) {
            case TOKEN -> perToken;
            case ADDRESS -> perAddress;
            case SIGN_IN -> signInPerAddress;
        };
    }

    /** Counts one request for {@code key} under {@code policy} at {@code nowMillis}. */
    public Outcome acquire(Policy policy, String key, long nowMillis) {
        sweep(nowMillis);
        int quota = quota(policy);
        Window window = windows.compute(policy.label() + ' ' + key, (k, old) ->
                old == null || nowMillis >= old.start() + WINDOW_MILLIS
                        ? new Window(nowMillis, 1)
                        : new Window(old.start(), Math.min(old.used() + 1, quota + 1)));
        long resetMillis = window.start() + WINDOW_MILLIS - nowMillis;
        return new Outcome(policy, quota, Math.max(0, quota - window.used()), Math.max(1, (resetMillis + 999) / 1000),
                window.used() <= quota);
    }

    private void sweep(long nowMillis) {
        if (nowMillis - lastSweep < WINDOW_MILLIS) {
            return;
        }
        lastSweep = nowMillis;
        windows.values().removeIf(window -> nowMillis >= window.start() + WINDOW_MILLIS);
    }
}
