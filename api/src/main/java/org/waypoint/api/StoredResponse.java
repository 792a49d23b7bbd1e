package org.waypoint.api;

import java.util.Optional;

/** The response a first request got, to be given again to every repeat. */
public record StoredResponse(int status, Optional<String> body, Optional<String> location, Optional<String> etag) {

    @Override
    public String toString() {
        return "StoredResponse[" + status + "]";
    }
}
