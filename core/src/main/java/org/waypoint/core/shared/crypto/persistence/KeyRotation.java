package org.waypoint.core.shared.crypto.persistence;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.waypoint.core.shared.JobLease;
import org.waypoint.core.shared.crypto.FieldCipher;
import org.waypoint.core.shared.crypto.KeyRotationProgress;
import org.waypoint.core.shared.persistence.InstantConverter;
import org.waypoint.core.shared.persistence.JpaJobLease;

/**
 * Re-encrypts every stored value under the active key, a batch of rows per transaction, so that an
 * old key can be removed from the ring. Where it has got to (table, last id) is kept in
 * {@code key_rotation}, so a stopped rotation carries on from there; one instance at a time runs it,
 * holding the job lease {@value #JOB} ({@link JobLease}), renewed each batch.
 *
 * <p>Each row is rewritten by a conditional UPDATE naming the values read: a value changed meanwhile by
 * the application (written under the active key already) is left as it is. Readers never see a value
 * half-rewritten, and every value decrypts throughout with the ring that holds both keys. Blind indexes
 * ({@code client.duplicate_key}, {@code referral_crime_mark}) are keyed by the separate HMAC key, not by
 * these keys, so they stay as they are.
 */
public class KeyRotation {

    /** The rotation's name among the jobs one instance at a time runs. */
    public static final String JOB = "key-rotation";

    /** A table with encrypted columns, read in the order of its id. */
    public record EncryptedTable(String name, String idColumn, List<String> columns) {
    }

    /** Every encrypted column, kept complete by {@code KeyRotationTest} against the entities' converters. */
    public static final List<EncryptedTable> TABLES = List.of(
            new EncryptedTable("client", "id", List.of("given_name", "family_name", "date_of_birth", "gender",
                    "preferred_language", "access_needs", "postcode", "phone", "email", "address", "safe_number",
                    "safe_times", "cover_story", "guardian_name", "guardian_relationship", "guardian_phone",
                    "erasure_reason")),
            new EncryptedTable("referral", "id", List.of("crime_types", "crime_reference", "safeguarding_concerns",
                    "match_area", "consent_justification", "consent_approved_by")),
            new EncryptedTable("referral_event", "id", List.of("reason")),
            new EncryptedTable("referral_message", "id", List.of("body")),
            new EncryptedTable("idempotency_record", "id", List.of("response_body")),
            new EncryptedTable("webhook_subscription", "id", List.of("secret")),
            new EncryptedTable("legal_hold", "id", List.of("reason", "lift_reason")),
            new EncryptedTable("user_account", "id", List.of("totp_secret", "totp_pending_secret")));

    /** What one call of {@link #batch} found. */
    public enum Step {
        /** A batch was done and more remain. */
        MORE,
        /** Every table is done (or no rotation was started). */
        FINISHED,
        /** Another instance holds the rotation's lease. */
        HELD_ELSEWHERE
    }

    private final FieldCipher cipher;
    private final Clock clock;
    private final int batchSize;
    private final Duration lease;

    public KeyRotation(FieldCipher cipher, Clock clock, int batchSize, Duration lease) {
        this.cipher = Objects.requireNonNull(cipher);
        this.clock = Objects.requireNonNull(clock);
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch has at least one row");
        }
        this.batchSize = batchSize;
        this.lease = Objects.requireNonNull(lease);
    }

    /**
     * Starts re-encrypting under the active key, or carries on with the rotation to it already under
     * way: one to another key, or one finished, starts afresh from the first table.
     */
    public KeyRotationProgress start(EntityManager em) {
        Object[] row = state(em);
        String target = (String) row[0];
        boolean underWay = cipher.activeKeyId().equals(target) && row[5] == null;
        if (!underWay) {
            em.createNativeQuery("UPDATE key_rotation SET target_key = ?, table_index = 0, last_id = NULL, rows_read = 0,"
                            + " rewritten = 0, started_at = ?, finished_at = NULL WHERE id = 1")
                    .setParameter(1, cipher.activeKeyId()).setParameter(2, InstantConverter.timestamp(clock.instant()))
                    .executeUpdate();
        }
        return progress(em);
    }

    /** Re-encrypts the next batch of rows, if this {@code owner} holds (or can take) the lease. */
    public Step batch(EntityManager em, String owner) {
        Instant now = clock.instant();
        if (!leases(em).claim(JOB, owner, now.plus(lease), now)) {
            return Step.HELD_ELSEWHERE;
        }
        Object[] row = state(em);
        int tableIndex = ((Number) row[1]).intValue();
        if (row[0] == null || row[5] != null || tableIndex >= TABLES.size()) {
            finish(em, now);
            return Step.FINISHED;
        }
        EncryptedTable table = TABLES.get(tableIndex);
        String after = row[2] == null ? "" : (String) row[2];
        List<?> rows = em.createNativeQuery("SELECT " + table.idColumn() + ", " + String.join(", ", table.columns())
                        + " FROM " + table.name() + " WHERE " + table.idColumn() + " > ? ORDER BY " + table.idColumn()
                        + " FETCH FIRST " + batchSize + " ROWS ONLY")
                .setParameter(1, after).getResultList();
        long rewritten = 0;
        for (Object read : rows) {
            rewritten += rewrite(em, table, (Object[]) read);
        }
        boolean tableDone = rows.size() < batchSize;
        String last = rows.isEmpty() ? null : ((String) ((Object[]) rows.get(rows.size() - 1))[0]).strip();
        em.createNativeQuery("UPDATE key_rotation SET table_index = ?, last_id = ?, rows_read = rows_read + ?,"
                        + " rewritten = rewritten + ? WHERE id = 1")
                .setParameter(1, tableDone ? tableIndex + 1 : tableIndex).setParameter(2, tableDone ? null : last)
                .setParameter(3, rows.size()).setParameter(4, rewritten)
                .executeUpdate();
        if (tableDone && tableIndex + 1 >= TABLES.size()) {
            finish(em, now);
            return Step.FINISHED;
        }
        return Step.MORE;
    }

    /** Gives up the lease, so that another instance may carry on at once. */
    public void release(EntityManager em, String owner) {
        leases(em).release(JOB, owner);
    }

    public KeyRotationProgress progress(EntityManager em) {
        Object[] row = state(em);
        int tableIndex = ((Number) row[1]).intValue();
        return new KeyRotationProgress(Optional.ofNullable((String) row[0]).map(String::strip),
                Math.min(tableIndex, TABLES.size()), TABLES.size(), ((Number) row[3]).longValue(),
                ((Number) row[4]).longValue(), instant(row[6]), instant(row[5]), leases(em).held(JOB, clock.instant()));
    }

    /** How many stored values are under a key other than the active one: 0 once the old keys may go. */
    public long valuesUnderOtherKeys(EntityManager em) {
        String prefix = cipher.activeKeyId() + ":";
        long count = 0;
        for (EncryptedTable table : TABLES) {
            List<String> counts = new ArrayList<>();
            for (String column : table.columns()) {
                counts.add("SUM(CASE WHEN " + column + " IS NOT NULL AND SUBSTR(" + column + ", 1, " + prefix.length()
                        + ") <> ? THEN 1 ELSE 0 END)");
            }
            var query = em.createNativeQuery("SELECT " + String.join(", ", counts) + " FROM " + table.name());
            for (int i = 1; i <= counts.size(); i++) {
                query.setParameter(i, prefix);
            }
            Object result = query.getSingleResult();
            Object[] sums = result instanceof Object[] several ? several : new Object[] {result};
            for (Object sum : sums) {
                count += sum == null ? 0 : ((Number) sum).longValue();
            }
        }
        return count;
    }

    private int rewrite(EntityManager em, EncryptedTable table, Object[] read) {
        List<String> set = new ArrayList<>();
        List<String> where = new ArrayList<>();
        List<Object> newValues = new ArrayList<>();
        List<Object> oldValues = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            String stored = (String) read[i + 1];
            if (cipher.needsReEncryption(stored)) {
                set.add(table.columns().get(i) + " = ?");
                where.add(table.columns().get(i) + " = ?");
                newValues.add(cipher.encrypt(cipher.decrypt(stored)));
                oldValues.add(stored);
            }
        }
        if (set.isEmpty()) {
            return 0;
        }
        var update = em.createNativeQuery("UPDATE " + table.name() + " SET " + String.join(", ", set)
                + " WHERE " + table.idColumn() + " = ? AND " + String.join(" AND ", where));
        int position = 1;
        for (Object value : newValues) {
            update.setParameter(position++, value);
        }
        update.setParameter(position++, read[0]);
        for (Object value : oldValues) {
            update.setParameter(position++, value);
        }
        return update.executeUpdate() == 1 ? newValues.size() : 0;
    }

    private void finish(EntityManager em, Instant now) {
        em.createNativeQuery("UPDATE key_rotation SET finished_at = ?"
                        + " WHERE id = 1 AND target_key IS NOT NULL AND finished_at IS NULL")
                .setParameter(1, InstantConverter.timestamp(now)).executeUpdate();
    }

    /** target_key, table_index, last_id, rows_read, rewritten, finished_at, started_at. */
    private static Object[] state(EntityManager em) {
        return (Object[]) em.createNativeQuery("SELECT target_key, table_index, last_id, rows_read, rewritten, finished_at,"
                + " started_at FROM key_rotation WHERE id = 1").getSingleResult();
    }

    private static JobLease leases(EntityManager em) {
        return new JpaJobLease(em);
    }

    private static Optional<Instant> instant(Object value) {
        return Optional.ofNullable(InstantConverter.instant(value));
    }
}
