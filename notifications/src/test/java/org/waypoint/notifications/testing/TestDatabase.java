package org.waypoint.notifications.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.waypoint.core.shared.persistence.Migrations;
import org.waypoint.notifications.outbox.TransactionRunner;

/**
 * A fresh, migrated database with core's and notifications' entities on it outside the server (the
 * unit {@code waypoint-notifications} of the test resources, built from the mapping files both jars
 * give the application's unit), as core's persistence tests have theirs: embedded Derby in memory by default, PostgreSQL at 127.0.0.1:5432
 * (database {@code test}, schema {@code waypoint_notifications_test}, made anew) when the system
 * property {@code waypoint.test.db} is {@code postgresql}.
 *
 * <p>Like the container, it hands out one entity manager that stands for "the current
 * transaction's": repositories are made once with {@link #entityManager()} and work inside whatever
 * {@link #transactions()} has begun on the calling thread.
 */
public final class TestDatabase implements AutoCloseable {

    private static final String PG_SCHEMA = "waypoint_notifications_test";

    private final String url;
    private final String user;
    private final EntityManagerFactory factory;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();
    private final EntityManager bound;

    private TestDatabase(String url, String user) {
        this.url = url;
        this.user = user;
        Flyway.configure().dataSource(url, user, "").placeholders(Migrations.placeholders(url))
                .locations("classpath:db/migration").load().migrate();
        this.factory = Persistence.createEntityManagerFactory("waypoint-notifications", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", user,
                "jakarta.persistence.jdbc.password", "",
                "jakarta.persistence.validation.mode", "NONE",
                "eclipselink.weaving", "false",
                "eclipselink.logging.level", "SEVERE",
                "eclipselink.connection-pool.default.max", "16"));
        this.bound = (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    EntityManager em = current.get();
                    if (em == null) {
                        throw new IllegalStateException("no transaction on this thread");
                    }
                    try {
                        return method.invoke(em, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    public static TestDatabase fresh() {
        if (isPostgres()) {
            String base = "jdbc:postgresql://127.0.0.1:5432/test";
            try (Connection connection = DriverManager.getConnection(base, "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + PG_SCHEMA + " CASCADE");
                statement.execute("CREATE SCHEMA " + PG_SCHEMA);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL must answer at 127.0.0.1:5432 for the postgresql profile", e);
            }
            return new TestDatabase(base + "?currentSchema=" + PG_SCHEMA, "postgres");
        }
        return new TestDatabase("jdbc:derby:memory:notifications-" + UUID.randomUUID() + ";create=true", "waypoint");
    }

    public static boolean isPostgres() {
        return "postgresql".equals(System.getProperty("waypoint.test.db", "derby"));
    }

    /** The entity manager of whichever transaction is open on the calling thread. */
    public EntityManager entityManager() {
        return bound;
    }

    /** Transactions as the container's {@code REQUIRES_NEW}: each on a new entity manager, committed on return. */
    public TransactionRunner transactions() {
        return new TransactionRunner() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                EntityManager outer = current.get();
                EntityManager em = factory.createEntityManager();
                EntityTransaction tx = em.getTransaction();
                current.set(em);
                try {
                    tx.begin();
                    T result = work.get();
                    tx.commit();
                    return result;
                } finally {
                    if (tx.isActive()) {
                        tx.rollback();
                    }
                    em.close();
                    current.set(outer);
                }
            }
        };
    }

    /** A plain JDBC connection, to look at what is really stored. */
    public Connection jdbc() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    @Override
    public void close() {
        factory.close();
    }
}
