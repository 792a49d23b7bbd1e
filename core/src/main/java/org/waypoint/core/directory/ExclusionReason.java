package org.waypoint.core.directory;

import java.util.List;
import java.util.Objects;

/** One reason a service was not offered: a code and its parameters, as {@link ExclusionReasonCode} lists them. */
public record ExclusionReason(ExclusionReasonCode code, List<String> parameters) {

    public ExclusionReason {
        Objects.requireNonNull(code, "a reason code is required");
        parameters = List.copyOf(parameters);
    }

    public static ExclusionReason of(ExclusionReasonCode code, String... parameters) {
        return new ExclusionReason(code, List.of(parameters));
    }
}
