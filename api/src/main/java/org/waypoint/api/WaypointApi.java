package org.waypoint.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** Every API resource lives under {@code /api}; each path starts with its version, {@code v1/}. */
@ApplicationPath("/api")
public class WaypointApi extends Application {

    /** Jersey's WADL names its version and maps every resource for anyone who asks: answered 404 instead. */
    static final String DISABLE_WADL = "jersey.config.server.wadl.disableWadl";

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(DISABLE_WADL, true);
    }
}
