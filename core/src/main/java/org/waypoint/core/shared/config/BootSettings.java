package org.waypoint.core.shared.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The settings needed while the application is still being deployed: the data folder, the
 * database and the field encryption keys. Payara opens the data source, and EclipseLink creates the
 * encrypting converters, before the application's MicroProfile Config is available, so these few
 * keys are read here, with MicroProfile Config's own precedence and naming: a system
 * property ({@code -Dwaypoint.db.url=…}) wins over an environment variable ({@code WAYPOINT_DB_URL}),
 * which wins over the default.
 */
public final class BootSettings {

    public static final String DATA_DIR = "waypoint.data.dir";
    public static final String DB_URL = "waypoint.db.url";
    public static final String DB_USER = "waypoint.db.user";
    public static final String DB_PASSWORD = "waypoint.db.password";
    public static final String CRYPTO_KEYS = "waypoint.crypto.keys";
    public static final String CRYPTO_ACTIVE_KEY = "waypoint.crypto.active-key";
    public static final String CRYPTO_HMAC_KEY = "waypoint.crypto.hmac-key";

    private final Properties systemProperties;
    private final Map<String, String> environment;

    BootSettings(Properties systemProperties, Map<String, String> environment) {
        this.systemProperties = systemProperties;
        this.environment = environment;
    }

    /** The settings of this process. */
    public static BootSettings current() {
        return new BootSettings(System.getProperties(), System.getenv());
    }

    /** The folder for Waypoint's files, absolute; by default {@code data} in the working directory. */
    public Path dataDirectory() {
        return Path.of(value(DATA_DIR).orElse("data")).toAbsolutePath().normalize();
    }

    /** The JDBC URL; by default an embedded Derby database in the data folder, created if missing. */
    public String databaseUrl() {
        return value(DB_URL).orElseGet(() -> "jdbc:derby:" + dataDirectory().resolve("derby") + ";create=true");
    }

    /**
     * Whether the database is embedded Derby, which one process alone can open (it locks its folder):
     * then nothing in it can belong to another running instance.
     */
    public boolean singleProcessDatabase() {
        return databaseUrl().startsWith("jdbc:derby:") && !databaseUrl().startsWith("jdbc:derby://");
    }

    public Optional<String> databaseUser() {
        return value(DB_USER);
    }

    public Optional<String> databasePassword() {
        return value(DB_PASSWORD);
    }

    /** The field encryption keys as {@code id:base64key} pairs separated by commas; secret. */
    public Optional<String> cryptoKeys() {
        return value(CRYPTO_KEYS);
    }

    /** The id of the key that encrypts new values; by default the last one listed. */
    public Optional<String> cryptoActiveKey() {
        return value(CRYPTO_ACTIVE_KEY);
    }

    /** The base64 key of the keyed hash behind blind indexes; secret. */
    public Optional<String> cryptoHmacKey() {
        return value(CRYPTO_HMAC_KEY);
    }

    private Optional<String> value(String key) {
        String value = systemProperties.getProperty(key);
        if (value == null) {
            value = environment.get(environmentName(key));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    /** MicroProfile Config's mapping: every character but letters and digits becomes '_', upper case. */
    public static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
