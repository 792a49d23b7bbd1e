package org.waypoint.notifications.outbox;

import java.util.List;

/** One page of outbox messages in one state, newest first. */
public record OutboxPage(OutboxStatus status, int page, int pageSize, long total, List<OutboxEntry> entries) {
}
