package org.waypoint.core.directory;

import java.util.List;
import java.util.Objects;

/** A service offered for the criteria, with every reason it was. */
public record ServiceMatch(ServiceProfile service, List<MatchReason> reasons) {

    public ServiceMatch {
        Objects.requireNonNull(service, "service is required");
        reasons = List.copyOf(reasons);
    }
}
