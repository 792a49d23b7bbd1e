package org.waypoint.notifications.outbox;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of outbox messages in one state, newest first: the same shape as every list of the API
 * (its items, the length of the whole list, the page from 0 and its size).
 */
@Schema(description = "One page of outbox messages in one state, newest first: its items, the length of the whole "
        + "list, the page (from 0) and its size.", example = "{\"items\":[" + OutboxEntry.EXAMPLE + "],"
        + "\"total\":1,\"page\":0,\"size\":20}")
public record OutboxPage(List<OutboxEntry> items, @Schema(format = "int64") long total, int page, int size) {
}
