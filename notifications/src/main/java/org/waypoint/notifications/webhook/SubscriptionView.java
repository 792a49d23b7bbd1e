package org.waypoint.notifications.webhook;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook as it is listed: never its secret. */
@Schema(description = "A webhook subscription. Its secret is shown only once, when it is made.",
        example = SubscriptionView.EXAMPLE, requiredProperties = {"id", "organisationId", "url", "events", "createdAt"})
public record SubscriptionView(
        @Schema(format = "uuid") String id,
        @Schema(format = "uuid") String organisationId,
        @Schema(format = "uri") String url,
        List<EventType> events,
        Instant createdAt) {

    static final String EXAMPLE = "{\"id\":\"9b2e7c1a-5d4f-4e8b-a1c3-6f7d8e9a0b1c\","
            + "\"organisationId\":\"4f0c1f6e-2b7a-4d38-9d55-0b8f0a1c2d3e\","
            + "\"url\":\"https://integration.harbour.example.org/waypoint/webhooks\","
            + "\"events\":[\"REFERRAL_ACCEPTED\",\"REFERRAL_REJECTED\",\"REFERRAL_SUBMITTED\"],"
            + "\"createdAt\":\"2026-03-02T09:30:00Z\"}";

    static SubscriptionView of(WebhookSubscription subscription) {
        return new SubscriptionView(subscription.id(), subscription.organisationId(), subscription.url().toString(),
                List.copyOf(subscription.eventTypes()), subscription.createdAt());
    }
}
