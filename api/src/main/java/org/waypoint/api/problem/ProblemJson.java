package org.waypoint.api.problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** Problems as JSON outside JAX-RS: for servlet filters and the container's error pages. */
public final class ProblemJson {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private ProblemJson() {
    }

    public static String write(Problem problem) {
        return JSONB.toJson(problem);
    }
}
