package org.waypoint.core.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.metamodel.EntityType;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.waypoint.core.client.Client;
import org.waypoint.core.client.ClientDetails;
import org.waypoint.core.client.ContactDetails;
import org.waypoint.core.client.Guardian;
import org.waypoint.core.client.SafeContact;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.referral.CrimeTypesConverter;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.config.BootSettings;
import org.waypoint.core.shared.crypto.persistence.KeyRotation;
import org.waypoint.core.shared.crypto.persistence.KeyRotation.EncryptedTable;
import org.waypoint.core.testing.TestDatabase;

/**
 * Key rotation on the migrated database (Derby, or PostgreSQL by profile): people recorded under the
 * process's key are re-encrypted under a new active key in batches while four threads keep reading
 * and decrypting them, with no failed read; afterwards no value is under the old key id and every
 * value reads as before. A rotation stopped half-way is carried on by another instance once the lease
 * is free, and not while it is held.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyRotationTest {

    private static final int PEOPLE = Integer.getInteger("waypoint.test.rotation-people", 2_000);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
    private static TestDatabase db;
    private static String oldKey;
    private static FieldCipher rotated;
    private static final List<String> IDS = new ArrayList<>();
    private static final Map<String, String> ADDRESSES = new HashMap<>();

    @BeforeAll
    static void peopleUnderTheProcesssKey() throws IOException {
        db = TestDatabase.fresh();
        oldKey = FieldCipher.current().activeKeyId();
        BootSettings settings = BootSettings.current();
        Properties file = new Properties();
        var path = settings.dataDirectory().resolve(KeyRing.FILE_NAME);
        if (Files.exists(path)) {
            try (Reader in = Files.newBufferedReader(path)) {
                file.load(in);
            }
        }
        String keys = settings.cryptoKeys().orElseGet(() -> file.getProperty(BootSettings.CRYPTO_KEYS));
        String hmac = settings.cryptoHmacKey().orElseGet(() -> file.getProperty(BootSettings.CRYPTO_HMAC_KEY));
        rotated = new FieldCipher(KeyRing.parse(keys + ",rot2:" + TestKeys.randomKey(), "rot2", hmac));
        for (int start = 0; start < PEOPLE; start += 500) {
            int from = start;
            db.inTransaction(em -> {
                Organisation police = new Organisation("Unit " + from, OrganisationKind.REFERRER);
                em.persist(police);
                for (int i = from; i < Math.min(from + 500, PEOPLE); i++) {
                    String address = i + " Rotation Road";
                    Client client = new Client(police.id(), new ClientDetails("Given" + i, "Family" + i,
                            LocalDate.of(1990, 1, 1).plusDays(i % 9000), Gender.FEMALE, "en", true,
                            Optional.of("Needs " + i), Optional.of("M14 5RT"),
                            new ContactDetails(Optional.of("07700 900" + String.format(Locale.ROOT, "%03d", i % 1000)),
                                    Optional.of("p" + i + "@example.org"), Optional.of(address)),
                            new SafeContact(Optional.of("07700 900111"), Optional.of("Evenings"), false, false,
                                    Optional.of("Cover " + i)),
                            Optional.of(new Guardian("Guardian " + i, "Mother", Optional.of("07700 900222")))),
                            "dup-" + i, "u-seed", CLOCK.instant());
                    em.persist(client);
                    IDS.add(client.id());
                    ADDRESSES.put(client.id(), address);
                }
                return null;
            });
        }
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    private static KeyRotation rotation() {
        return new KeyRotation(rotated, CLOCK, 200, Duration.ofMinutes(1));
    }

    @Test
    @Order(1)
    void everyValueIsReEncryptedUnderTheActiveKeyWhileReadersNeverFail() throws Exception {
        KeyRotation rotation = rotation();
        db.inTransaction(rotation::start);
        assertThat(db.inTransaction(rotation::valuesUnderOtherKeys)).isGreaterThanOrEqualTo(PEOPLE * 16L);

        AtomicBoolean rotating = new AtomicBoolean(true);
        AtomicLong reads = new AtomicLong();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread reader = new Thread(() -> {
                try (Connection connection = db.jdbc()) {
                    do {
                        String id = IDS.get(ThreadLocalRandom.current().nextInt(IDS.size()));
                        assertThat(readAddress(connection, id)).isEqualTo(ADDRESSES.get(id));
                        reads.incrementAndGet();
                    } while (rotating.get());
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            reader.start();
            readers.add(reader);
        }
        long started = System.nanoTime();
        KeyRotation.Step step;
        int batches = 0;
        do {
            step = db.inTransaction(em -> rotation.batch(em, "instance-a"));
            batches++;
        } while (step == KeyRotation.Step.MORE);
        double seconds = (System.nanoTime() - started) / 1e9;
        rotating.set(false);
        for (Thread reader : readers) {
            reader.join();
        }
        System.out.printf(Locale.ROOT, "Key rotation: %d people (%d values) re-encrypted in %d batches, %.1f s, %.0f people/s,"
                        + " %d concurrent reads%n", PEOPLE, PEOPLE * 16L, batches, seconds, PEOPLE / seconds, reads.get());

        assertThat(step).isEqualTo(KeyRotation.Step.FINISHED);
        assertThat(failures).as("reads during the rotation").isEmpty();
        assertThat(reads.get()).isPositive();
        assertThat(db.inTransaction(rotation::valuesUnderOtherKeys)).isZero();
        var progress = db.inTransaction(rotation::progress);
        assertThat(progress.finished()).isTrue();
        assertThat(progress.targetKey()).contains("rot2");
        assertThat(progress.rowsRead()).isGreaterThanOrEqualTo(PEOPLE);
        try (Connection connection = db.jdbc();
             PreparedStatement old = connection.prepareStatement("SELECT COUNT(*) FROM client WHERE given_name LIKE ?"
                     + " OR address LIKE ? OR date_of_birth LIKE ? OR guardian_phone LIKE ?")) {
            for (int i = 1; i <= 4; i++) {
                old.setString(i, oldKey + ":%");
            }
            try (ResultSet count = old.executeQuery()) {
                count.next();
                assertThat(count.getLong(1)).as("values still under " + oldKey).isZero();
            }
            for (String id : IDS.subList(0, 50)) {
                assertThat(readAddress(connection, id)).isEqualTo(ADDRESSES.get(id));
            }
        }
    }

    @Test
    @Order(2)
    void aStoppedRotationIsCarriedOnByAnotherInstanceOnlyOnceTheLeaseIsFree() {
        KeyRotation rotation = rotation();
        db.inTransaction(em -> {
            em.createNativeQuery("UPDATE key_rotation SET target_key = NULL, finished_at = NULL WHERE id = 1").executeUpdate();
            return null;
        });
        db.inTransaction(rotation::start);
        KeyRotation.Step first = db.inTransaction(em -> rotation.batch(em, "instance-a"));
        assertThat(first).isEqualTo(KeyRotation.Step.MORE);
        long readAfterOne = db.inTransaction(rotation::progress).rowsRead();

        KeyRotation.Step refused = db.inTransaction(em -> rotation.batch(em, "instance-b"));
        assertThat(refused).isEqualTo(KeyRotation.Step.HELD_ELSEWHERE);
        assertThat(db.inTransaction(rotation::start).rowsRead()).as("a start carries on, it does not begin again")
                .isEqualTo(readAfterOne);
        db.inTransaction(em -> {
            rotation.release(em, "instance-a");
            return null;
        });
        KeyRotation.Step step;
        do {
            step = db.inTransaction(em -> rotation.batch(em, "instance-b"));
        } while (step == KeyRotation.Step.MORE);
        assertThat(step).isEqualTo(KeyRotation.Step.FINISHED);
        assertThat(db.inTransaction(rotation::progress).rowsRead()).isGreaterThanOrEqualTo(PEOPLE);
        assertThat(db.inTransaction(rotation::valuesUnderOtherKeys)).isZero();
    }

    @Test
    void theRotationKnowsEveryEncryptedColumnOfTheEntities() {
        Set<String> listed = new HashSet<>();
        for (EncryptedTable table : KeyRotation.TABLES) {
            table.columns().forEach(c -> listed.add(table.name() + "." + c));
        }
        Set<String> encrypted = new HashSet<>();
        for (EntityType<?> entity : db.entityManager().getEntityManagerFactory().getMetamodel().getEntities()) {
            Class<?> type = entity.getJavaType();
            String table = type.getAnnotation(jakarta.persistence.Table.class) == null ? type.getSimpleName().toLowerCase(Locale.ROOT)
                    : type.getAnnotation(jakarta.persistence.Table.class).name();
            for (Field field : type.getDeclaredFields()) {
                Convert convert = field.getAnnotation(Convert.class);
                if (convert != null && Set.of(EncryptedStringConverter.class, EncryptedLocalDateConverter.class,
                        CrimeTypesConverter.class).contains(convert.converter())) {
                    Column column = field.getAnnotation(Column.class);
                    String name = column == null || column.name().isEmpty() ? field.getName() : column.name();
                    encrypted.add(table + "." + name);
                }
            }
        }
        assertThat(encrypted).hasSizeGreaterThan(20);
        assertThat(listed).containsAll(encrypted);
    }

    private static String readAddress(Connection connection, String id) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement("SELECT given_name, family_name, date_of_birth, gender,"
                + " preferred_language, access_needs, postcode, phone, email, address, safe_number, safe_times, cover_story,"
                + " guardian_name, guardian_relationship, guardian_phone FROM client WHERE id = ?")) {
            read.setString(1, id);
            try (ResultSet row = read.executeQuery()) {
                assertThat(row.next()).isTrue();
                for (int column = 1; column <= 16; column++) {
                    rotated.decrypt(row.getString(column));
                }
                return rotated.decrypt(row.getString(10));
            }
        }
    }
}
