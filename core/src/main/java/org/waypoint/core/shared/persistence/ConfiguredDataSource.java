package org.waypoint.core.shared.persistence;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.waypoint.core.shared.config.BootSettings;

/**
 * The application's data source, configured by nothing but a JDBC URL, user and password
 * ({@link BootSettings}), so that one {@code @DataSourceDefinition} serves embedded Derby and
 * PostgreSQL alike: the URL picks the database. The application server pools its connections.
 *
 * <p>It reads its settings when the first connection is asked for, because Payara resolves
 * {@code ${MPCONFIG=…}} in a data source definition before the application's own configuration is
 * visible. The driver is found through this class's class
 * loader rather than {@link java.sql.DriverManager}, which cannot see drivers shipped inside the
 * application.
 */
public class ConfiguredDataSource implements DataSource {

    /** Derby writes its log to the working directory unless told otherwise; keep it with the data. */
    private static final String DERBY_LOG = "derby.stream.error.file";

    private volatile Settings settings;
    private int loginTimeoutSeconds;

    private record Settings(String url, Driver driver, Properties credentials) {
    }

    @Override
    public Connection getConnection() throws SQLException {
        Settings current = settings();
        return connect(current, current.credentials());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", username);
        credentials.setProperty("password", password);
        return connect(settings(), credentials);
    }

    private static Connection connect(Settings settings, Properties credentials) throws SQLException {
        Connection connection = settings.driver().connect(settings.url(), credentials);
        if (connection == null) {
            throw new SQLException("the JDBC driver refused the configured URL");
        }
        return connection;
    }

    private Settings settings() throws SQLException {
        Settings current = settings;
        if (current == null) {
            current = load();
            settings = current;
        }
        return current;
    }

    private static Settings load() throws SQLException {
        BootSettings boot = BootSettings.current();
        String url = boot.databaseUrl();
        if (url.startsWith("jdbc:derby:") && System.getProperty(DERBY_LOG) == null) {
            try {
                Files.createDirectories(boot.dataDirectory());
            } catch (IOException e) {
                throw new SQLException("cannot create the data folder", e);
            }
            System.setProperty(DERBY_LOG, boot.dataDirectory().resolve("derby.log").toString());
        }
        Properties credentials = new Properties();
        boot.databaseUser().ifPresent(user -> credentials.setProperty("user", user));
        boot.databasePassword().ifPresent(password -> credentials.setProperty("password", password));
        for (Driver candidate : ServiceLoader.load(Driver.class, ConfiguredDataSource.class.getClassLoader())) {
            if (candidate.acceptsURL(url)) {
                return new Settings(url, candidate, credentials);
            }
        }
        // Only the URL's scheme goes into the message: the rest may carry credentials.
        String scheme = url.replaceFirst("^(jdbc:[^:]*:).*", "$1");
        throw new SQLException("no JDBC driver in the application accepts URLs of the form " + scheme + "…");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // connections log through the server's logging
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return "ConfiguredDataSource";
    }
}
