package org.waypoint.api.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The JSON-B the API reads and writes with. A field the request record does not have is an
 * error, not silently dropped: a misspelt {@code dateOfBrith} must not pass as "no date of birth".
 */
@Provider
public class StrictJsonb implements ContextResolver<Jsonb> {

    /** Yasson's name for it; JSON-B 3.0 has no standard one. */
    static final String FAIL_ON_UNKNOWN_PROPERTIES = "jsonb.fail-on-unknown-properties";

    private static final Jsonb JSONB = JsonbBuilder.create(config());

    static JsonbConfig config() {
        return new JsonbConfig().setProperty(FAIL_ON_UNKNOWN_PROPERTIES, true);
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
