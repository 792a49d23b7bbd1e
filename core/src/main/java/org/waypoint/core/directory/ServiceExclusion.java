package org.waypoint.core.directory;

import java.util.List;
import java.util.Objects;

/** A service not offered for the criteria, with every criterion that excluded it. */
public record ServiceExclusion(ServiceProfile service, List<ExclusionReason> reasons) {

    public ServiceExclusion {
        Objects.requireNonNull(service, "service is required");
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("an excluded service has at least one reason");
        }
        reasons = List.copyOf(reasons);
    }
}
