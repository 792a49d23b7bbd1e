package org.waypoint.core.directory;

import java.util.List;

/**
 * The services offered for some criteria, ranked as {@link DirectorySnapshot#match} describes, and,
 * when asked for, every service not offered, in name order; otherwise {@code exclusions} is empty.
 */
public record MatchResult(List<ServiceMatch> matches, List<ServiceExclusion> exclusions) {

    public MatchResult {
        matches = List.copyOf(matches);
        exclusions = List.copyOf(exclusions);
    }
}
