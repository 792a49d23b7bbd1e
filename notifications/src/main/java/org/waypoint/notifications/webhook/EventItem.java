package org.waypoint.notifications.webhook;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waypoint.core.referral.ReferralStatus;

/** One event of the feed: the same fields as a webhook's {@code data}, and the cursor to read on from. */
@Schema(description = "One referral event: ids, the reference, states and organisations; never anything about the "
        + "person.", example = EventItem.EXAMPLE, requiredProperties = {"cursor", "id", "type", "occurredAt", "referralId",
        "reference", "status", "serviceId", "referrerOrganisationId", "providerOrganisationId"})
public record EventItem(
        @Schema(description = "Pass as `after` to read the events after this one.") String cursor,
        @Schema(format = "uuid") String id,
         EventType type,
         Instant occurredAt,
        @Schema(format = "uuid") String referralId,
         String reference,
        @Schema(description = "The referral's status after the event.") ReferralStatus status,
        @Schema(description = "The status before, for a change of status.") ReferralStatus previousStatus,
        @Schema(format = "uuid") String serviceId,
        @Schema(format = "uuid") String referrerOrganisationId,
        @Schema(format = "uuid") String providerOrganisationId,
        @Schema(format = "uuid", description = "The organisation whose user made the change, where one did.")
        String changedByOrganisationId) {

    static final String EXAMPLE = "{\"cursor\":\"1042\",\"id\":\"c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f\","
            + "\"type\":\"REFERRAL_ACCEPTED\",\"occurredAt\":\"2026-03-02T09:30:00Z\","
            + "\"referralId\":\"b4b5a132-7707-4357-9960-b43f0f085cd2\",\"reference\":\"WP-2026-000123\","
            + "\"status\":\"ACCEPTED\",\"previousStatus\":\"RECEIVED\","
            + "\"serviceId\":\"6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d\","
            + "\"referrerOrganisationId\":\"1e2d3c4b-5a6f-4b7c-8d9e-0f1a2b3c4d5e\","
            + "\"providerOrganisationId\":\"4f0c1f6e-2b7a-4d38-9d55-0b8f0a1c2d3e\","
            + "\"changedByOrganisationId\":\"4f0c1f6e-2b7a-4d38-9d55-0b8f0a1c2d3e\"}";

    static EventItem of(ReferralEvent event) {
        return new EventItem(Long.toString(event.seq()), event.id(), event.type(), event.occurredAt(),
                event.referralId(), event.reference(), event.status(), event.previousStatus().orElse(null),
                event.serviceId(), event.referrerOrganisationId(), event.providerOrganisationId(),
                event.changedByOrganisationId().orElse(null));
    }
}
