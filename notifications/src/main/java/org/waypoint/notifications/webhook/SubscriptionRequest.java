package org.waypoint.notifications.webhook;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waypoint.core.shared.AddressPolicy;

/**
 * A new webhook: whose, where to, and which events (all of them when left out). Its constraints are
 * checked before the use case runs, so that a 400 names every missing field at once; {@link Webhooks}
 * checks the rest (the organisation exists, the address is allowed).
 */
@Schema(description = "A new webhook for an organisation: the HTTPS URL to post events to and the event types "
        + "wanted in `events` (every type when left out).", example = SubscriptionRequest.EXAMPLE,
        requiredProperties = {"organisationId", "url"})
public record SubscriptionRequest(
        @Schema(format = "uuid", description = "The organisation whose referrals' events are sent.")
        @NotNull String organisationId,
        @Schema(format = "uri", maxLength = AddressPolicy.MAX_LENGTH,
                description = "Where events are posted: https, on a public address.")
        @NotNull String url,
        List<@NotNull EventType> events) {

    static final String EXAMPLE = "{\"organisationId\":\"4f0c1f6e-2b7a-4d38-9d55-0b8f0a1c2d3e\","
            + "\"url\":\"https://integration.harbour.example.org/waypoint/webhooks\","
            + "\"events\":[\"REFERRAL_SUBMITTED\",\"REFERRAL_ACCEPTED\",\"REFERRAL_REJECTED\"]}";
}
