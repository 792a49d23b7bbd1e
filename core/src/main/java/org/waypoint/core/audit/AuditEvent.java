package org.waypoint.core.audit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import org.waypoint.core.shared.Actor;

/**
 * One read or change of personal data: who (user and organisation), when (UTC), which record, what
 * they did and whether they were allowed. Append-only: nothing in the application changes or
 * deletes one, and every column refuses updates.
 *
 * <p>An event recorded since V26 also has a place in one of the trail's hash chains: its chain
 * (partition), its sequence there, the hash of the event before it and its own hash over every stored
 * column ({@link #computeHash()}), so that a change made to it in the database, or the removal of an
 * event, shows when the chain is verified.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    /** What was done. */
    public enum Action {
        READ,
        LIST,
        CREATE,
        UPDATE,
        SEARCH,
        DELETE
    }

    /** Whether it was allowed. */
    public enum Outcome {
        SUCCESS,
        DENIED,
        REFUSED
    }

    @Id
    @Column(length = 36, updatable = false)
    private String id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor_user_id", nullable = false, updatable = false, length = 36)
    private String actorUserId;

    @Column(name = "actor_org_id", nullable = false, updatable = false, length = 36)
    private String actorOrganisationId;

    @Column(name = "record_type", nullable = false, updatable = false, length = 30)
    private String recordType;

    @Column(name = "record_id", nullable = false, updatable = false, length = 36)
    private String recordId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 20)
    private Action action;

    @Column(name = "detail", updatable = false, length = 200)
    private String detail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 10)
    private Outcome outcome;

    @Column(name = "chain_partition", updatable = false)
    private Integer chainPartition;

    @Column(name = "chain_sequence", updatable = false)
    private Long chainSequence;

    @Column(name = "previous_hash", updatable = false, length = 64)
    private String previousHash;

    @Column(name = "entry_hash", updatable = false, length = 64)
    private String entryHash;

    protected AuditEvent() {
        // for JPA
    }

    AuditEvent(Actor actor, Instant at, String recordType, String recordId, Action action, String detail,
               Outcome outcome) {
        this.id = UUID.randomUUID().toString();
        // PostgreSQL keeps microseconds: the hash must cover what is stored, not what was meant.
        this.occurredAt = Objects.requireNonNull(at).truncatedTo(ChronoUnit.MICROS);
        this.actorUserId = actor.userId();
        this.actorOrganisationId = actor.organisationId();
        this.recordType = Objects.requireNonNull(recordType);
        // An id asked for by a caller may be anything; the trail keeps what fits.
        this.recordId = Objects.requireNonNull(recordId).length() > 36 ? recordId.substring(0, 36) : recordId;
        this.action = Objects.requireNonNull(action);
        this.detail = detail;
        this.outcome = Objects.requireNonNull(outcome);
    }

    public String id() {
        return id;
    }

    public Instant at() {
        return occurredAt;
    }

    public String actorUserId() {
        return actorUserId;
    }

    public String actorOrganisationId() {
        return actorOrganisationId;
    }

    public String recordType() {
        return recordType;
    }

    public String recordId() {
        return recordId;
    }

    public Action action() {
        return action;
    }

    /** The use case's own name for what happened, e.g. {@code accept}; never personal data. */
    public String detail() {
        return detail;
    }

    public Outcome outcome() {
        return outcome;
    }

    /**
     * Gives the event, not yet stored, its place in a chain after the event whose hash is
     * {@code previousHash}; returns its own hash.
     */
    public String chain(int partition, long sequence, String previousHash) {
        this.chainPartition = partition;
        this.chainSequence = sequence;
        this.previousHash = Objects.requireNonNull(previousHash);
        this.entryHash = computeHash();
        return entryHash;
    }

    public int chainPartition() {
        return chainPartition;
    }

    public long chainSequence() {
        return chainSequence;
    }

    public String previousHash() {
        return previousHash;
    }

    /** The hash stored with the event when it was written. */
    public String entryHash() {
        return entryHash;
    }

    /**
     * The hash the event's stored columns give now: SHA-256, in lower-case hex, over the canonical
     * encoding of every column but the hash itself, in a fixed order, each as its length in UTF-8 bytes,
     * a colon and its text, a null as {@code -}. The one definition, used to write and to verify.
     */
    public String computeHash() {
        StringBuilder canonical = new StringBuilder();
        for (Object value : new Object[] {id, occurredAt, actorUserId, actorOrganisationId, recordType, recordId,
                action, detail, outcome, chainPartition, chainSequence, previousHash}) {
            if (value == null) {
                canonical.append('-');
            } else {
                String text = value.toString();
                canonical.append(text.getBytes(StandardCharsets.UTF_8).length).append(':').append(text);
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The event as one line of an archive file: every stored column under its column name, the time as
     * ISO-8601 in UTC (the text {@link #computeHash()} covers), a null column absent.
     */
    public JsonObject toArchive() {
        JsonObjectBuilder line = Json.createObjectBuilder().add("id", id).add("occurred_at", occurredAt.toString())
                .add("actor_user_id", actorUserId).add("actor_org_id", actorOrganisationId).add("record_type", recordType)
                .add("record_id", recordId).add("action", action.name()).add("outcome", outcome.name());
        if (detail != null) {
            line.add("detail", detail);
        }
        if (chainSequence != null) {
            line.add("chain_partition", chainPartition).add("chain_sequence", chainSequence)
                    .add("previous_hash", previousHash).add("entry_hash", entryHash);
        }
        return line.build();
    }

    /** An event read back from an archive line: its hash and chain can be checked as the stored one's. */
    public static AuditEvent fromArchive(JsonObject line) {
        AuditEvent event = new AuditEvent();
        event.id = line.getString("id");
        event.occurredAt = Instant.parse(line.getString("occurred_at"));
        event.actorUserId = line.getString("actor_user_id");
        event.actorOrganisationId = line.getString("actor_org_id");
        event.recordType = line.getString("record_type");
        event.recordId = line.getString("record_id");
        event.action = Action.valueOf(line.getString("action"));
        event.detail = line.getString("detail", null);
        event.outcome = Outcome.valueOf(line.getString("outcome"));
        if (line.containsKey("chain_sequence")) {
            event.chainPartition = line.getInt("chain_partition");
            event.chainSequence = line.getJsonNumber("chain_sequence").longValue();
            event.previousHash = line.getString("previous_hash");
            event.entryHash = line.getString("entry_hash");
        }
        return event;
    }

    /** Whether the event has a place in a chain: not so for those recorded before the chains began. */
    public boolean chained() {
        return chainSequence != null;
    }

    @Override
    public String toString() {
        return "AuditEvent[" + id + "]";
    }
}
