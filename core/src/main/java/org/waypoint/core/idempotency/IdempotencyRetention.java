package org.waypoint.core.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long idempotency records are kept ({@value #SETTING}, an ISO-8601 duration, 24 hours unless
 * configured), and the sweep that deletes the older ones. A record holds the first response, which
 * may describe a person, so it is kept no longer than a client could sensibly retry; a key repeated
 * after its record was swept is simply a new request. The sweep deletes a batch of records a
 * transaction (each {@link IdempotencyRepository#removeCreatedBefore} commits on its own), oldest
 * first, until none older than the retention is left.
 */
@ApplicationScoped
public class IdempotencyRetention {

    public static final String SETTING = "waypoint.api.idempotency-retention";
    /**
     * A claim still without a response this long after it was made is taken to be abandoned anyway; a
     * shorter retention could forget a request that is still running and let a repeat run it twice.
     */
    static final Duration SHORTEST = IdempotencyRecord.ABANDONED_AFTER;
    static final int BATCH = 500;

    private final Duration retention;
    private final IdempotencyRepository records;
    private final Clock clock;
    private final int batch;

    @Inject
    public IdempotencyRetention(@ConfigProperty(name = SETTING) String retention, IdempotencyRepository records, Clock clock) {
        this(parse(retention), records, clock, BATCH);
    }

    IdempotencyRetention(Duration retention, IdempotencyRepository records, Clock clock, int batch) {
        if (retention.compareTo(SHORTEST) < 0) {
            throw new IllegalArgumentException(SETTING + " must be at least " + SHORTEST + ", not " + retention);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("a batch holds at least one record");
        }
        this.retention = retention;
        this.records = records;
        this.clock = clock;
        this.batch = batch;
    }

    /** For CDI's proxy only. */
    protected IdempotencyRetention() {
        this.retention = null;
        this.records = null;
        this.clock = null;
        this.batch = 0;
    }

    static Duration parse(String value) {
        try {
            return Duration.parse(value.strip());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException(SETTING + " is an ISO-8601 duration such as PT24H or P7D, not '" + value + "'");
        }
    }

    public Duration retention() {
        return retention;
    }

    /**
     * Deletes every record created more than the retention ago, complete or not; one created exactly
     * the retention ago stays until the next sweep.
     *
     * @return how many were deleted
     */
    public int sweep() {
        Instant cutoff = clock.instant().minus(retention);
        int total = 0;
        int removed;
        do {
            removed = records.removeCreatedBefore(cutoff, batch);
            total += removed;
        } while (removed == batch);
        return total;
    }
}
