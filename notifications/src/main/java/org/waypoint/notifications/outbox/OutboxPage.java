package org.waypoint.notifications.outbox;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of outbox messages in one state, newest first. */
@Schema(description = "One page of outbox messages in one state, newest first.", example = "{\"status\":\"FAILED\","
        + "\"page\":0,\"pageSize\":50,\"total\":1,\"entries\":[" + OutboxEntry.EXAMPLE + "]}")
public record OutboxPage(OutboxStatus status, int page, int pageSize, @Schema(format = "int64") long total, List<OutboxEntry> entries) {
}
