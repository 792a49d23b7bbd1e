package org.waypoint.notifications.container;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.waypoint.core.shared.AddressPolicy;
import org.waypoint.notifications.webhook.WebhookSettings;

/** The webhook settings from MicroProfile Config ({@code waypoint.webhooks.*}, {@code waypoint.events.*}). */
@ApplicationScoped
public class WebhookConfiguration {

    private static final Logger LOG = Logger.getLogger(WebhookConfiguration.class.getName());

    private final WebhookSettings settings;

    @Inject
    public WebhookConfiguration(@ConfigProperty(name = "waypoint.webhooks.allow-http") boolean allowHttp,
                                @ConfigProperty(name = "waypoint.webhooks.allow-private-addresses") boolean allowPrivate,
                                @ConfigProperty(name = "waypoint.webhooks.timeout") String timeout,
                                @ConfigProperty(name = "waypoint.events.feed-delay") String feedDelay) {
        this.settings = new WebhookSettings(new AddressPolicy(allowHttp, allowPrivate), positive(timeout,
                "waypoint.webhooks.timeout"), Duration.parse(feedDelay));
        if (settings.feedDelay().isNegative()) {
            throw new IllegalArgumentException("waypoint.events.feed-delay is not negative");
        }
        if (allowHttp || allowPrivate) {
            LOG.warning(() -> "Webhooks may go to " + (allowHttp ? "plain http " : "") + (allowPrivate
                    ? "private and loopback addresses " : "") + "(for tests and development only)");
        }
    }

    /** For CDI's proxy only. */
    protected WebhookConfiguration() {
        this.settings = null;
    }

    static Duration positive(String value, String key) {
        Duration duration = Duration.parse(value);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(key + " is a positive ISO-8601 duration");
        }
        return duration;
    }

    @Produces
    WebhookSettings settings() {
        return settings;
    }
}
