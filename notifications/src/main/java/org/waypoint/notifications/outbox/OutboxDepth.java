package org.waypoint.notifications.outbox;

/** How many outbox messages are in one state, of one kind. */
public record OutboxDepth(OutboxStatus status, MailKind kind, long count) {
}
