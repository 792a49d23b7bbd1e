package org.waypoint.notifications.webhook;

import java.time.Duration;
import org.waypoint.core.shared.AddressPolicy;

/**
 * How webhooks are sent and the feed is read: which URLs are allowed, how long a receiver has to
 * answer, and how old an event must be before the feed shows it (see {@link Webhooks#events}).
 */
public record WebhookSettings(AddressPolicy policy, Duration timeout, Duration feedDelay) {
}
