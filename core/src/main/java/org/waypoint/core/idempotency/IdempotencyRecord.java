package org.waypoint.core.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.waypoint.core.shared.crypto.EncryptedStringConverter;

/**
 * The first request a user sent with one idempotency key: what it was (a hash), whether it has
 * finished, and, once it has, the response to give every repeat (its status, body, Location and
 * ETag, as the API's idempotency filter kept them). The response may describe a person, so it is
 * encrypted like any personal field.
 */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord {

    /** The size of the encrypted response column. */
    public static final int MAX_STORED_BODY = 32_000;
    /** A claim older than this with no response is taken to be from a request that died. */
    public static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

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

    public IdempotencyRecord(String userId, String idempotencyKey, String requestHash, Instant createdAt) {
        this.id = id(userId, idempotencyKey);
        this.requestHash = requestHash;
        this.createdAt = createdAt;
    }

    public static String id(String userId, String idempotencyKey) {
        return userId + ":" + idempotencyKey;
    }

    /** Keeps the first request's response; body, location and etag may each be absent (null). */
    public void complete(int status, String body, String location, String etag) {
        this.complete = true;
        this.statusCode = status;
        this.responseBody = body;
        this.location = location;
        this.etag = etag;
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

    /** The first response's status; only once {@link #isComplete()}. */
    public int statusCode() {
        return statusCode;
    }

    public Optional<String> responseBody() {
        return Optional.ofNullable(responseBody);
    }

    public Optional<String> location() {
        return Optional.ofNullable(location);
    }

    public Optional<String> etag() {
        return Optional.ofNullable(etag);
    }

    @Override
    public String toString() {
        return "IdempotencyRecord[" + id + "]";
    }
}
