package org.waypoint.notifications.mail;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One message in the pickup folder, named by its outbox id. */
@Schema(description = "One message in the pickup folder, named by its outbox id.",
        example = "{\"outboxId\":\"0c6f9a52-3c1e-4c55-9a53-2f0d6d1e7a41\",\"size\":2221,\"written\":\"2026-03-02T09:30:01Z\"}")
public record PickupFile(String outboxId, @Schema(format = "int64") long size, Instant written) {
}
