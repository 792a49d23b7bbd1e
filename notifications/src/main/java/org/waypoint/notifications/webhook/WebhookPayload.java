package org.waypoint.notifications.webhook;

import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The body of a webhook delivery, in the shape Standard Webhooks recommends: {@code type},
 * {@code timestamp} (when the change happened) and {@code data}, which holds the same fields as an
 * item of the event feed, its cursor aside. Every value is an id, the reference, a state or a time,
 * none of which needs more escaping than quotes and backslashes; the text is written here rather
 * than by a JSON library so that it is the exact bytes that are signed and stored.
 */
public final class WebhookPayload {

    private WebhookPayload() {
    }

    public static String of(ReferralEvent event) {
        String time = event.occurredAt().truncatedTo(ChronoUnit.MILLIS).toString();
        StringBuilder data = new StringBuilder("{");
        field(data, "id", event.id());
        field(data, "type", event.type().name());
        field(data, "occurredAt", time);
        field(data, "referralId", event.referralId());
        field(data, "reference", event.reference());
        field(data, "status", event.status().name());
        optional(data, "previousStatus", event.previousStatus().map(Enum::name));
        field(data, "serviceId", event.serviceId());
        field(data, "referrerOrganisationId", event.referrerOrganisationId());
        field(data, "providerOrganisationId", event.providerOrganisationId());
        optional(data, "changedByOrganisationId", event.changedByOrganisationId());
        data.setLength(data.length() - 1);
        data.append('}');
        StringBuilder body = new StringBuilder("{");
        field(body, "type", event.type().name());
        field(body, "timestamp", time);
        body.append("\"data\":").append(data).append('}');
        return body.toString();
    }

    private static void optional(StringBuilder json, String name, Optional<String> value) {
        value.ifPresent(v -> field(json, name, v));
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append("\",");
    }
}
