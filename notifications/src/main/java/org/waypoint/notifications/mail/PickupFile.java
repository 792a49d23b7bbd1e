package org.waypoint.notifications.mail;

import java.time.Instant;

/** One message in the pickup folder, named by its outbox id. */
public record PickupFile(String outboxId, long size, Instant written) {
}
