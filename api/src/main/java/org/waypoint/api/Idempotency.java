package org.waypoint.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.waypoint.core.idempotency.IdempotencyRecord;
import org.waypoint.core.idempotency.IdempotencyRepository;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.crypto.FieldCipher;

/**
 * Claims an idempotency key for a user's request, in transactions of its own so that the claim is
 * visible to every instance at once. The first request with a key goes ahead; a repeat gets the
 * first one's response; a repeat that arrives while the first is still running waits for it.
 * Records are kept for a while only ({@link org.waypoint.core.idempotency.IdempotencyRetention}): a
 * key repeated after its record has gone is a new request.
 */
@ApplicationScoped
public class Idempotency {

    static final int MAX_KEY_LENGTH = 100;

    /** What to do with a request. */
    public sealed interface Decision {
        /** The first with this key: go ahead, then {@link #complete} or {@link #abandon}. */
        record Proceed() implements Decision {
        }

        /** A repeat of a finished request: answer with its response. */
        record Replay(StoredResponse response) implements Decision {
        }

        /** The key was used before for a different request. */
        record Mismatch() implements Decision {
        }

        /** The first request with this key is still running. */
        record InProgress() implements Decision {
        }
    }

    private final IdempotencyRepository records;
    private final Clock clock;

    @Inject
    public Idempotency(IdempotencyRepository records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected Idempotency() {
        this(null, null);
    }

    public static void requireValidKey(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.matches("[A-Za-z0-9._:-]+")) {
            throw new InvalidField("Idempotency-Key", "error.idempotencyKey.form",
                    "an Idempotency-Key is 1 to 100 letters, digits, '.', '_', ':' or '-'");
        }
    }

    /** Claims the key; a concurrent claim of the same key fails on the primary key (the caller then asks {@link #decide}). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void claim(String userId, String key, String requestHash) {
        requireValidKey(key);
        records.addAndFlush(new IdempotencyRecord(userId, key, requestHash, clock.instant()));
    }

    /** What to do with a request whose key is already claimed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Decision decide(String userId, String key, String requestHash) {
        Optional<IdempotencyRecord> found = records.find(IdempotencyRecord.id(userId, key));
        if (found.isEmpty()) {
            return new Decision.InProgress();
        }
        IdempotencyRecord record = found.get();
        if (!record.requestHash().equals(requestHash)) {
            return new Decision.Mismatch();
        }
        if (record.isComplete()) {
            return new Decision.Replay(new StoredResponse(record.statusCode(), record.responseBody(), record.location(),
                    record.etag()));
        }
        if (record.createdAt().plus(IdempotencyRecord.ABANDONED_AFTER).isBefore(clock.instant())) {
            records.remove(record);
        }
        return new Decision.InProgress();
    }

    /**
     * Keeps the first request's response. A body too large for its encrypted column is not kept: a
     * repeat then gets the status, Location and ETag, and can read the record there.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void complete(String userId, String key, StoredResponse response) {
        StoredResponse kept = response.body()
                .filter(body -> FieldCipher.storedLength(body.getBytes(StandardCharsets.UTF_8).length) > IdempotencyRecord.MAX_STORED_BODY)
                .map(tooLarge -> new StoredResponse(response.status(), Optional.empty(), response.location(), response.etag()))
                .orElse(response);
        records.find(IdempotencyRecord.id(userId, key)).ifPresent(record -> record.complete(kept.status(),
                kept.body().orElse(null), kept.location().orElse(null), kept.etag().orElse(null)));
    }

    /** The request failed on the server's side: forget the claim so that a retry runs again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void abandon(String userId, String key) {
        records.find(IdempotencyRecord.id(userId, key)).ifPresent(records::remove);
    }
}
