package org.waypoint.notifications.outbox;

import java.util.function.Supplier;

/**
 * Runs work in a transaction of its own, committed when the work returns and rolled back when it
 * throws. The dispatcher's steps each take one, so that a claim is visible to other instances
 * before the slow part, sending, begins.
 */
public interface TransactionRunner {

    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
