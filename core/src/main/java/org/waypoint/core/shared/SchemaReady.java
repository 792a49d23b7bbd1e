package org.waypoint.core.shared;

/**
 * Fired once at start-up, synchronously, after the migrations have brought the schema up to date
 * and before the application reports itself ready.
 */
public record SchemaReady(String schemaVersion) {
}
