package org.waypoint.notifications.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.crypto.EncryptedStringConverter;

/**
 * An organisation's webhook: a URL told, by a signed POST, of the referral events the organisation
 * is party to, of the types it chose. The signing secret ({@code whsec_} and Base64 of 32 random
 * bytes, as Standard Webhooks writes it) is shown once, when the subscription is made, and kept
 * encrypted, because the server needs it to sign.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    public static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "organisation_id", nullable = false, length = 36)
    private String organisationId;

    @Column(nullable = false, length = 2000)
    private String url;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(nullable = false, length = 200)
    private String secret;

    @Column(name = "event_types", nullable = false, length = 400)
    private String eventTypes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 36)
    private String createdBy;

    protected WebhookSubscription() {
        // for JPA
    }

    /** A new subscription with a fresh secret; {@code url} has passed the address policy. */
    public WebhookSubscription(String organisationId, URI url, Set<EventType> types, String createdBy, Instant now) {
        if (types.isEmpty()) {
            throw new InvalidField("events", "error.webhook.events.required", "events names at least one event type");
        }
        this.id = UUID.randomUUID().toString();
        this.organisationId = Objects.requireNonNull(organisationId, "organisationId is required");
        this.url = Objects.requireNonNull(url, "url is required").toString();
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        this.secret = SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
        this.eventTypes = types.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.createdBy = Objects.requireNonNull(createdBy, "a subscription records who made it");
        this.createdAt = now;
    }

    public boolean wants(EventType type) {
        return eventTypes().contains(type);
    }

    public String id() {
        return id;
    }

    public String organisationId() {
        return organisationId;
    }

    public URI url() {
        return URI.create(url);
    }

    /** The signing secret, {@code whsec_…}: for the signer, and for the one answer that creates it. */
    public String secret() {
        return secret;
    }

    public Set<EventType> eventTypes() {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        Arrays.stream(eventTypes.split(",")).map(EventType::valueOf).forEach(types::add);
        return types;
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "WebhookSubscription[" + id + "]";
    }
}
