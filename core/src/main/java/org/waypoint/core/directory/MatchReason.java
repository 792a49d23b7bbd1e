package org.waypoint.core.directory;

import java.util.List;
import java.util.Objects;

/** One reason a service was offered: a code and its parameters, as {@link MatchReasonCode} lists them. */
public record MatchReason(MatchReasonCode code, List<String> parameters) {

    public MatchReason {
        Objects.requireNonNull(code, "a reason code is required");
        parameters = List.copyOf(parameters);
    }

    public static MatchReason of(MatchReasonCode code, String... parameters) {
        return new MatchReason(code, List.of(parameters));
    }
}
