package org.waypoint.notifications.webhook;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the event feed, and the cursor to ask for the next with. */
@Schema(description = "Events in the order they happened, and the cursor to pass as `after` next time (the same "
        + "cursor when there was nothing new).", example = EventPage.EXAMPLE, requiredProperties = {"items", "next"})
public record EventPage(List<EventItem> items,
                        @Schema(description = "Pass as `after` to read on.") String next) {

    static final String EXAMPLE = "{\"items\":[" + EventItem.EXAMPLE + "],\"next\":\"1042\"}";
}
