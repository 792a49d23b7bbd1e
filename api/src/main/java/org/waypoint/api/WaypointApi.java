package org.waypoint.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Every API resource lives under {@code /api}; each path starts with its version, {@code v1/}. */
@ApplicationPath("/api")
public class WaypointApi extends Application {
}
