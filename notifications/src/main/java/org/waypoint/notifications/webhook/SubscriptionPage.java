package org.waypoint.notifications.webhook;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of webhook subscriptions: the same shape as every list of the API (its items, the length
 * of the whole list, the page from 0 and its size).
 */
@Schema(description = "One page of webhook subscriptions, never their secrets: its items, the length of the whole "
        + "list, the page (from 0) and its size.", example = "{\"items\":[" + SubscriptionView.EXAMPLE + "],"
        + "\"total\":1,\"page\":0,\"size\":20}", requiredProperties = {"items", "total", "page", "size"})
public record SubscriptionPage(List<SubscriptionView> items, @Schema(format = "int64") long total, int page, int size) {

    public SubscriptionPage {
        items = List.copyOf(items);
    }
}
