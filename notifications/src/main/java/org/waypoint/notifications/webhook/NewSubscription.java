package org.waypoint.notifications.webhook;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook just made: the only answer that carries its signing secret. */
@Schema(description = "A webhook just made, with its signing secret: shown this once, never again.",
        example = NewSubscription.EXAMPLE,
        requiredProperties = {"id", "organisationId", "url", "events", "createdAt", "secret"})
public record NewSubscription(
        @Schema(format = "uuid") String id,
        @Schema(format = "uuid") String organisationId,
        @Schema(format = "uri") String url,
        List<EventType> events,
        Instant createdAt,
        @Schema(description = "The Standard Webhooks signing secret: whsec_ and Base64 of 32 bytes.")
        String secret) {

    static final String EXAMPLE = "{\"id\":\"9b2e7c1a-5d4f-4e8b-a1c3-6f7d8e9a0b1c\","
            + "\"organisationId\":\"4f0c1f6e-2b7a-4d38-9d55-0b8f0a1c2d3e\","
            + "\"url\":\"https://integration.harbour.example.org/waypoint/webhooks\","
            + "\"events\":[\"REFERRAL_ACCEPTED\",\"REFERRAL_REJECTED\",\"REFERRAL_SUBMITTED\"],"
            + "\"createdAt\":\"2026-03-02T09:30:00Z\","
            + "\"secret\":\"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYo=\"}";

    static NewSubscription of(WebhookSubscription subscription) {
        SubscriptionView view = SubscriptionView.of(subscription);
        return new NewSubscription(view.id(), view.organisationId(), view.url(), view.events(), view.createdAt(),
                subscription.secret());
    }

    @Override
    public String toString() {
        return "NewSubscription[" + id + "]";
    }
}
