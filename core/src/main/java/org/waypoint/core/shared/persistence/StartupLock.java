package org.waypoint.core.shared.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Start-up work that must run on one instance at a time: migrating the schema and what observes its
 * readiness (the first administrator's account, the demo data), each of which looks and then writes.
 * Started together on an empty PostgreSQL database, instances would all look, find nothing, and all
 * write: the losers failed to deploy on a duplicate key. On PostgreSQL the work runs under a session
 * advisory lock held on a connection of its own, so an instance starting meanwhile waits, then finds
 * the work done; the lock goes with the connection if the instance dies. Embedded Derby belongs to one
 * process: there is nothing to wait for.
 */
final class StartupLock {

    /** The advisory lock's key: "Waypoint" in ASCII, apart from Flyway's own. */
    static final long KEY = 0x5761_7970_6F69_6E74L;

    private StartupLock() {
    }

    /** Runs {@code work} holding the lock on {@code connection}, which must not be in a transaction. */
    static void around(Connection connection, Runnable work) throws SQLException {
        boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        if (postgres) {
            call(connection, "SELECT pg_advisory_lock(?)");
        }
        try {
            work.run();
        } finally {
            if (postgres) {
                call(connection, "SELECT pg_advisory_unlock(?)");
            }
        }
    }

    private static void call(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, KEY);
            statement.execute();
        }
    }
}
