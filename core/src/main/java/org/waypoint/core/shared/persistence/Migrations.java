package org.waypoint.core.shared.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.waypoint.core.shared.SchemaReady;

/**
 * Brings the schema up to date when the application starts, from the versioned SQL scripts in
 * {@code db/migration} (one set for Derby and PostgreSQL). A failed migration fails the deployment:
 * the application never serves on a schema it does not know.
 *
 * <p>A start-up EJB rather than a CDI observer of the application's start, because the data source is
 * bound in JNDI only once deployment has got that far. Flyway runs its own transactions. Migrating
 * and the start-up work that follows run on one instance at a time ({@link StartupLock}).
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class Migrations {

    public static final String DATA_SOURCE = "java:app/jdbc/waypoint";
    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private Event<SchemaReady> schemaReady;

    private volatile boolean complete;

    /**
     * What the one set of scripts spells differently on the two databases, by the JDBC address:
     * {@code ${dropNotNull}} lets a column take nulls (Derby {@code NULL}, PostgreSQL {@code DROP NOT NULL}).
     */
    public static Map<String, String> placeholders(String jdbcUrl) {
        boolean derby = jdbcUrl.startsWith("jdbc:derby:");
        return Map.of("dropNotNull", derby ? "NULL" : "DROP NOT NULL");
    }

    @PostConstruct
    void migrate() {
        try (Connection lock = dataSource.getConnection()) {
            String url = lock.getMetaData().getURL();
            StartupLock.around(lock, () -> migrateAndAnnounce(url));
        } catch (SQLException e) {
            throw new IllegalStateException("the database cannot be reached to migrate it", e);
        }
        complete = true;
    }

    /** Migrates, then lets every observer of {@link SchemaReady} do its start-up work, one instance at a time. */
    private void migrateAndAnnounce(String url) {
        MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .placeholders(placeholders(url))
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Schema at version " + version + " (" + result.migrationsExecuted + " migrations applied now)");
        schemaReady.fire(new SchemaReady(version));
    }

    /** Whether the schema is up to date and every start-up observer of {@link SchemaReady} has run. */
    public boolean complete() {
        return complete;
    }
}
