package org.waypoint.core.shared;

import java.time.Instant;

/**
 * A scheduled job that one instance at a time may run: a row per job, taken with the conditional
 * update the outbox claims its rows with, so that it works alike on Derby and PostgreSQL. Each call
 * runs in the caller's transaction; commit it before the work, so other instances see the claim.
 */
public interface JobLease {

    /** Takes or renews the job for {@code owner} until {@code until}: false while another owner's lease runs. */
    boolean claim(String job, String owner, Instant until, Instant now);

    /** Gives the job back, if {@code owner} still holds it. */
    void release(String job, String owner);

    /** Whether some owner's lease on the job runs at {@code now}. */
    boolean held(String job, Instant now);
}
