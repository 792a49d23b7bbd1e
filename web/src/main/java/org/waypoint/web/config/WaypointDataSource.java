package org.waypoint.web.config;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's one data source. Which database it is follows from the JDBC URL alone
 * ({@code waypoint.db.url}): embedded Derby under the data folder by default, PostgreSQL in
 * production. {@code ConfiguredDataSource} reads those settings from MicroProfile Config, so
 * environment variables override the packaged defaults.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/waypoint",
        className = "org.waypoint.core.shared.persistence.ConfiguredDataSource",
        minPoolSize = 2,
        maxPoolSize = 32)
@ApplicationScoped
public class WaypointDataSource {
}
