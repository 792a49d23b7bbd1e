package org.waypoint.core.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.waypoint.core.shared.crypto.EncryptedStringConverter;

/**
 * The first request a user sent with one idempotency key: what it was (a hash), whether it has
 * finished, and, once it has, the response to give every repeat. The response may describe a
 * person, so it is encrypted like any personal field.
 */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord {

    /** The user's id and the key, so that users' keys never collide. */
    @Id
    @Column(length = 140)
    private String id;

    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;

    @Column(nullable = false)
    private boolean complete;

    @Column(name = "status_code")
    private Integer statusCode;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "response_body", length = 32000)
    private String responseBody;

    @Column(length = 500)
    private String location;

    @Column(length = 40)
    private String etag;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected IdempotencyRecord() {
        // for JPA
    }

    IdempotencyRecord(String userId, String idempotencyKey, String requestHash, Instant createdAt) {
        this.id = id(userId, idempotencyKey);
        this.requestHash = requestHash;
        this.createdAt = createdAt;
    }

    static String id(String userId, String idempotencyKey) {
        return userId + ":" + idempotencyKey;
    }

    void complete(StoredResponse response) {
        this.complete = true;
        this.statusCode = response.status();
        this.responseBody = response.body().orElse(null);
        this.location = response.location().orElse(null);
        this.etag = response.etag().orElse(null);
    }

    public String requestHash() {
        return requestHash;
    }

    public boolean isComplete() {
        return complete;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public StoredResponse response() {
        return new StoredResponse(statusCode, Optional.ofNullable(responseBody), Optional.ofNullable(location),
                Optional.ofNullable(etag));
    }

    @Override
    public String toString() {
        return "IdempotencyRecord[" + id + "]";
    }
}
