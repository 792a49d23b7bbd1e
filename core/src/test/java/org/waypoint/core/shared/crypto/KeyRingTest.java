package org.waypoint.core.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.waypoint.core.shared.crypto.TestKeys.randomKey;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingTest {

    private static final Optional<String> UNSET = Optional.empty();

    private final String k1 = randomKey();
    private final String k2 = randomKey();
    private final String hmac = randomKey();

    private final Logger log = Logger.getLogger(KeyRing.class.getName());
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @TempDir
    Path dataDirectory;

    @BeforeEach
    void recordTheLog() {
        log.addHandler(recorder);
        log.setUseParentHandlers(false);
    }

    @AfterEach
    void stopRecording() {
        log.removeHandler(recorder);
        log.setUseParentHandlers(true);
    }

    @Test
    void takesTheConfiguredKeysWithTheLastOneActiveAndWritesNoFile() throws Exception {
        KeyRing ring = KeyRing.load(Optional.of("k1:" + k1 + ", k2:" + k2), UNSET, Optional.of(hmac), dataDirectory);

        assertThat(ring.keyIds()).containsExactly("k1", "k2");
        assertThat(ring.activeKeyId()).isEqualTo("k2");
        assertThat(ring.toString()).doesNotContain(k1, k2, hmac);
        try (var files = Files.list(dataDirectory)) {
            assertThat(files).isEmpty();
        }
        assertThat(logged).isEmpty();
    }

    @Test
    void takesTheActiveKeyNamed() {
        KeyRing ring = KeyRing.load(Optional.of("k1:" + k1 + ",k2:" + k2), Optional.of("k1"), Optional.of(hmac), dataDirectory);

        assertThat(ring.activeKeyId()).isEqualTo("k1");
    }

    @Test
    void generatesAKeyFileOnceAndReadsTheSameKeysFromItAfterwards() {
        KeyRing first = KeyRing.load(UNSET, UNSET, UNSET, dataDirectory);
        KeyRing second = KeyRing.load(UNSET, UNSET, UNSET, dataDirectory.resolve(".").normalize());

        assertThat(dataDirectory.resolve("keys.properties")).isRegularFile();
        assertThat(first.activeKeyId()).isEqualTo("k1");
        assertThat(new FieldCipher(second).decrypt(new FieldCipher(first).encrypt("Alex"))).isEqualTo("Alex");
        assertThat(new FieldCipher(second).blindIndex("alex")).isEqualTo(new FieldCipher(first).blindIndex("alex"));
        assertThat(dataDirectory.toFile().list()).containsExactly("keys.properties");
    }

    @Test
    void createsTheDataFolderWhenItIsMissing() {
        Path missing = dataDirectory.resolve("not/yet");

        KeyRing.load(UNSET, UNSET, UNSET, missing);

        assertThat(missing.resolve("keys.properties")).isRegularFile();
    }

    @Test
    void theKeyFileIsReadableByItsOwnerOnly() throws Exception {
        assumeThat(dataDirectory.getFileSystem().supportedFileAttributeViews()).contains("posix");

        KeyRing.load(UNSET, UNSET, UNSET, dataDirectory);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDirectory.resolve("keys.properties"))))
                .isEqualTo("rw-------");
    }

    @Test
    void warnsOnceThatKeysAreLocalWithoutLoggingThem() throws Exception {
        KeyRing.load(UNSET, UNSET, UNSET, dataDirectory);

        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDirectory.resolve("keys.properties"))) {
            file.load(reader);
        }
        String encryptionKey = file.getProperty("waypoint.crypto.keys").substring("k1:".length());
        String hmacKey = file.getProperty("waypoint.crypto.hmac-key");
        assertThat(logged).singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.WARNING);
            assertThat(record.getMessage())
                    .contains("WAYPOINT_CRYPTO_KEYS", "WAYPOINT_CRYPTO_HMAC_KEY")
                    .doesNotContain(encryptionKey, hmacKey);
        });
    }

    @Test
    void processesStartingTogetherShareOneKeyFile() throws Exception {
        int processes = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(processes);
        try {
            List<Future<KeyRing>> rings = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                Callable<KeyRing> load = () -> {
                    start.await();
                    return KeyRing.load(UNSET, UNSET, UNSET, dataDirectory);
                };
                rings.add(pool.submit(load));
            }
            start.countDown();

            String stored = new FieldCipher(rings.get(0).get()).encrypt("Alex");
            for (Future<KeyRing> ring : rings) {
                assertThat(new FieldCipher(ring.get()).decrypt(stored)).isEqualTo("Alex");
            }
            assertThat(new FieldCipher(KeyRing.load(UNSET, UNSET, UNSET, dataDirectory)).decrypt(stored)).isEqualTo("Alex");
            assertThat(dataDirectory.toFile().list()).containsExactly("keys.properties");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDamagedKeyFileIsNamedButNotQuoted() throws Exception {
        Path file = dataDirectory.resolve("keys.properties");
        String truncated = k1.substring(0, 20);
        Files.writeString(file, "waypoint.crypto.keys=k1:" + truncated + "\nwaypoint.crypto.hmac-key=" + hmac + "\n");

        assertThatIllegalStateException()
                .isThrownBy(() -> KeyRing.load(UNSET, UNSET, UNSET, dataDirectory))
                .withMessageContaining(file.toString())
                .withMessageContaining("waypoint.crypto.keys")
                .withMessageNotContaining(truncated)
                .withMessageNotContaining(hmac);
    }

    @Test
    void refusesKeysWithoutAnHmacKeyAndTheReverse() {
        assertThatIllegalStateException()
                .isThrownBy(() -> KeyRing.load(Optional.of("k1:" + k1), UNSET, UNSET, dataDirectory))
                .withMessageContaining("WAYPOINT_CRYPTO_HMAC_KEY")
                .withMessageNotContaining(k1);
        assertThatIllegalStateException()
                .isThrownBy(() -> KeyRing.load(UNSET, UNSET, Optional.of(hmac), dataDirectory))
                .withMessageContaining("WAYPOINT_CRYPTO_KEYS")
                .withMessageNotContaining(hmac);
        assertThatIllegalStateException()
                .isThrownBy(() -> KeyRing.load(UNSET, Optional.of("k2"), UNSET, dataDirectory))
                .withMessageContaining("waypoint.crypto.active-key");
        assertThat(dataDirectory.toFile().list()).isEmpty();
    }

    @Test
    void refusesKeysThatAreNotBase64() {
        String bad = "k1:" + k1.substring(0, 10) + "*" + k1.substring(11);

        assertThatIllegalStateException()
                .isThrownBy(() -> KeyRing.parse(bad, null, hmac))
                .withMessageContaining("waypoint.crypto.keys")
                .withMessageContaining("k1")
                .withMessageContaining("base64")
                .withMessageNotContaining(k1.substring(0, 10))
                .withMessageNotContaining(hmac);
    }

    @Test
    void refusesKeysShorterThan256Bits() {
        String short128 = randomKey(16);

        assertThatIllegalStateException()
                .isThrownBy(() -> KeyRing.parse("k1:" + k1 + ",k2:" + short128, null, hmac))
                .withMessageContaining("waypoint.crypto.keys")
                .withMessageContaining("k2")
                .withMessageContaining("16 bytes")
                .withMessageNotContaining(short128)
                .withMessageNotContaining(k1);
    }

    @Test
    void refusesAnHmacKeyThatIsNotBase64OrNot256Bits() {
        String short128 = randomKey(16);

        assertThatIllegalStateException()
                .isThrownBy(() -> KeyRing.parse("k1:" + k1, null, short128))
                .withMessageContaining("waypoint.crypto.hmac-key")
                .withMessageNotContaining(short128)
                .withMessageNotContaining(k1);
        assertThatIllegalStateException()
                .isThrownBy(() -> KeyRing.parse("k1:" + k1, null, "%" + hmac))
                .withMessageContaining("waypoint.crypto.hmac-key")
                .withMessageNotContaining(hmac);
    }

    @Test
    void refusesAnHmacKeyThatIsAlsoAnEncryptionKey() {
        assertThatIllegalStateException()
                .isThrownBy(() -> KeyRing.parse("k1:" + k1 + ",k2:" + k2, null, k2))
                .withMessageContaining("waypoint.crypto.hmac-key")
                .withMessageNotContaining(k2);
    }

    @Test
    void refusesAnActiveKeyThatIsNotListed() {
        assertThatIllegalStateException()
                .isThrownBy(() -> KeyRing.parse("k1:" + k1 + ",k2:" + k2, "k3", hmac))
                .withMessageContaining("waypoint.crypto.active-key")
                .withMessageContaining("[k1, k2]")
                .withMessageNotContaining(k1)
                .withMessageNotContaining(k2);
    }

    @Test
    void refusesAKeyIdListedTwice() {
        assertThatIllegalStateException()
                .isThrownBy(() -> KeyRing.parse("k1:" + k1 + ",k1:" + k2, null, hmac))
                .withMessageContaining("waypoint.crypto.keys")
                .withMessageContaining("k1 is listed twice")
                .withMessageNotContaining(k1)
                .withMessageNotContaining(k2);
    }

    @Test
    void refusesEntriesThatAreNotIdColonKey() {
        for (String keys : List.of(k1, "k1=" + k1, "k1:" + k1 + ",", "key id:" + k1, "much-too-long:" + k1)) {
            assertThatIllegalStateException()
                    .isThrownBy(() -> KeyRing.parse(keys, null, hmac))
                    .withMessageContaining("waypoint.crypto.keys")
                    .withMessageContaining("id:base64key")
                    .withMessageNotContaining(k1);
        }
    }

    @Test
    void aGeneratedRingHasOneActiveKey() {
        KeyRing ring = KeyRing.generate();

        assertThat(ring.keyIds()).containsExactly("k1");
        assertThat(ring.activeKeyId()).isEqualTo("k1");
        assertThat(new FieldCipher(ring).blindIndex("alex")).isNotEqualTo(new FieldCipher(KeyRing.generate()).blindIndex("alex"));
    }
}
