package org.waypoint.core.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BootSettingsTest {

    @Test
    void defaultsToEmbeddedDerbyInTheDataFolderOfTheWorkingDirectory() {
        BootSettings settings = new BootSettings(new Properties(), Map.of());

        Path expected = Path.of("data").toAbsolutePath().normalize();
        assertThat(settings.dataDirectory()).isEqualTo(expected).isAbsolute();
        assertThat(settings.databaseUrl()).isEqualTo("jdbc:derby:" + expected.resolve("derby") + ";create=true");
        assertThat(settings.databaseUser()).isEmpty();
    }

    @Test
    void environmentVariablesOverrideTheDefaults() {
        BootSettings settings = new BootSettings(new Properties(), Map.of(
                "WAYPOINT_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test",
                "WAYPOINT_DB_USER", "postgres",
                "WAYPOINT_DATA_DIR", "/srv/waypoint"));

        assertThat(settings.databaseUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
        assertThat(settings.databaseUser()).contains("postgres");
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/srv/waypoint"));
    }

    @Test
    void onlyEmbeddedDerbyIsASingleProcessDatabase() {
        assertThat(new BootSettings(new Properties(), Map.of()).singleProcessDatabase()).isTrue();
        assertThat(new BootSettings(new Properties(), Map.of("WAYPOINT_DB_URL", "jdbc:derby://db:1527/waypoint"))
                .singleProcessDatabase()).as("Derby's network server serves several processes").isFalse();
        assertThat(new BootSettings(new Properties(), Map.of("WAYPOINT_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test"))
                .singleProcessDatabase()).isFalse();
    }

    @Test
    void systemPropertiesOverrideEnvironmentVariables() {
        Properties system = new Properties();
        system.setProperty("waypoint.data.dir", "/opt/other");
        BootSettings settings = new BootSettings(system, Map.of("WAYPOINT_DATA_DIR", "/srv/waypoint"));

        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/opt/other"));
        assertThat(settings.databaseUrl()).isEqualTo("jdbc:derby:/opt/other/derby;create=true");
    }

    @Test
    void aRelativeDataFolderIsResolvedAgainstTheWorkingDirectory() {
        BootSettings settings = new BootSettings(new Properties(), Map.of("WAYPOINT_DATA_DIR", "var/../state"));

        assertThat(settings.dataDirectory()).isEqualTo(Path.of("state").toAbsolutePath());
    }

    @Test
    void aBlankValueCountsAsUnset() {
        BootSettings settings = new BootSettings(new Properties(), Map.of("WAYPOINT_DB_PASSWORD", " "));

        assertThat(settings.databasePassword()).isEmpty();
    }

    @Test
    void readsTheEncryptionKeysFromTheEnvironmentUnlessASystemPropertyOverridesThem() {
        Properties system = new Properties();
        system.setProperty("waypoint.crypto.active-key", "k1");
        BootSettings settings = new BootSettings(system, Map.of(
                "WAYPOINT_CRYPTO_KEYS", "k1:a2V5LW9uZQ==,k2:a2V5LXR3bw==",
                "WAYPOINT_CRYPTO_ACTIVE_KEY", "k2",
                "WAYPOINT_CRYPTO_HMAC_KEY", "aG1hYw=="));

        assertThat(settings.cryptoKeys()).contains("k1:a2V5LW9uZQ==,k2:a2V5LXR3bw==");
        assertThat(settings.cryptoActiveKey()).contains("k1");
        assertThat(settings.cryptoHmacKey()).contains("aG1hYw==");
    }

    @Test
    void hasNoEncryptionKeysUnlessTheyAreSet() {
        BootSettings settings = new BootSettings(new Properties(), Map.of("WAYPOINT_CRYPTO_KEYS", ""));

        assertThat(settings.cryptoKeys()).isEmpty();
        assertThat(settings.cryptoActiveKey()).isEmpty();
        assertThat(settings.cryptoHmacKey()).isEmpty();
    }

    @Test
    void mapsKeysToEnvironmentNamesAsMicroProfileConfigDoes() {
        assertThat(BootSettings.environmentName("waypoint.db.url")).isEqualTo("WAYPOINT_DB_URL");
        assertThat(BootSettings.environmentName("waypoint.http-port")).isEqualTo("WAYPOINT_HTTP_PORT");
        assertThat(BootSettings.environmentName("waypoint.crypto.active-key")).isEqualTo("WAYPOINT_CRYPTO_ACTIVE_KEY");
    }
}
