package org.waypoint.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment every integration test uses: the real WAR that Maven built, on an empty data
 * folder (the embedded database, the e-mail pickup folder) and, on PostgreSQL, an empty schema, so
 * that each test class starts as a fresh installation does.
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive waypoint() {
        resetDatabase();
        // Named ROOT.war, Payara Micro serves it at the server's root, as bin/waypoint does: /openapi is then
        // answered through the application's own filters, as in production.
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(new File(required("waypoint.war")))
                .as(WebArchive.class);
    }

    /**
     * The deployment's address with the host made loopback: Payara Micro reports the machine's
     * interface address, and the tests' traffic stays on this machine's loopback. The root context's
     * path is always "/": Arquillian has been seen to give it as empty, which made requests written as
     * {@code base.getPath() + "api/…"} lose their leading slash and fail once in a CI run.
     */
    public static java.net.URL loopback(java.net.URL deployed) {
        String file = deployed.getFile().isEmpty() ? "/" : deployed.getFile();
        try {
            return new java.net.URL(deployed.getProtocol(), "127.0.0.1", deployed.getPort(), file);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the application under test runs in demo mode. */
    public static boolean demoMode() {
        return Boolean.parseBoolean(required("waypoint.it.demo"));
    }

    private static void resetDatabase() {
        awaitPreviousServer(required("waypoint.it.data-dir"));
        deleteRecursively(Path.of(required("waypoint.it.data-dir")));
        String url = required("waypoint.it.db-url");
        if (url.startsWith("jdbc:postgresql:")) {
            String schema = url.replaceAll(".*currentSchema=([a-z_]+).*", "$1");
            try (Connection connection = DriverManager.getConnection(url.replaceAll("\\?.*", ""), required("waypoint.it.db-user"), "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                statement.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot reset the PostgreSQL test schema", e);
            }
        }
    }

    /**
     * Waits for the previous test class's server, if it is still stopping, to end: one that lingers
     * writes into the embedded database after its files were deleted, and the next server then cannot
     * create it ("Failed to create database", seen in CI). Found by its data folder on its command line.
     */
    private static void awaitPreviousServer(String dataDir) {
        String marker = "-Dwaypoint.data.dir=" + dataDir;
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .forEach(server -> {
                    try {
                        server.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                        server.destroyForcibly();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run the tests through Maven");
        }
        return value;
    }
}
