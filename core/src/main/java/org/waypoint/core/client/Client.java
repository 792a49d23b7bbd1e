package org.waypoint.core.client;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.waypoint.core.calendar.WorkingCalendar;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.crypto.EncryptedLocalDateConverter;
import org.waypoint.core.shared.crypto.EncryptedStringConverter;

/**
 * A person referred for support, recorded by one referring organisation, whose caseworkers alone
 * may find them. Every personal field is encrypted at rest (AES-GCM, with the key id stored in each
 * value so keys can rotate). Possible duplicates are found through {@link #duplicateKey()}, a keyed
 * hash of name and date of birth, never by decrypting every row.
 */
@Entity
@Table(name = "client")
public class Client {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "organisation_id", nullable = false, length = 36)
    private String organisationId;

    @Column(name = "duplicate_key", nullable = false, length = 64)
    private String duplicateKey;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "given_name", nullable = false, length = 400)
    private String givenName;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "family_name", nullable = false, length = 400)
    private String familyName;

    @Convert(converter = EncryptedLocalDateConverter.class)
    @Column(name = "date_of_birth", nullable = false, length = 100)
    private LocalDate dateOfBirth;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(nullable = false, length = 100)
    private String gender;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "preferred_language", nullable = false, length = 100)
    private String preferredLanguage;

    @Column(name = "interpreter_needed", nullable = false)
    private boolean interpreterNeeded;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "access_needs", length = 4000)
    private String accessNeeds;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(length = 100)
    private String postcode;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(length = 200)
    private String phone;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(length = 800)
    private String email;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(length = 1200)
    private String address;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "safe_number", length = 200)
    private String safeNumber;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "safe_times", length = 1200)
    private String safeTimes;

    @Column(name = "voicemail_allowed", nullable = false)
    private boolean voicemailAllowed;

    @Column(name = "service_may_identify", nullable = false)
    private boolean serviceMayIdentifyItself;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "cover_story", length = 2200)
    private String coverStory;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "guardian_name", length = 600)
    private String guardianName;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "guardian_relationship", length = 400)
    private String guardianRelationship;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "guardian_phone", length = 200)
    private String guardianPhone;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 36)
    private String createdBy;

    @Version
    private long version;

    protected Client() {
        // for JPA
    }

    public Client(String organisationId, ClientDetails details, String duplicateKey, String createdBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.organisationId = Objects.requireNonNull(organisationId, "a client is recorded by an organisation");
        this.createdBy = Objects.requireNonNull(createdBy, "who recorded the client is required");
        this.createdAt = Objects.requireNonNull(now);
        update(details, duplicateKey);
    }

    /** Replaces the recorded details; the duplicate key follows the name and date of birth. */
    public void update(ClientDetails details, String newDuplicateKey) {
        Objects.requireNonNull(details, "client details are required");
        this.duplicateKey = Objects.requireNonNull(newDuplicateKey, "a duplicate key is required");
        this.givenName = details.givenName();
        this.familyName = details.familyName();
        this.dateOfBirth = details.dateOfBirth();
        this.gender = details.gender().name();
        this.preferredLanguage = details.preferredLanguage();
        this.interpreterNeeded = details.interpreterNeeded();
        this.accessNeeds = details.accessNeeds().orElse(null);
        this.postcode = details.postcode().orElse(null);
        this.phone = details.contact().phone().orElse(null);
        this.email = details.contact().email().orElse(null);
        this.address = details.contact().address().orElse(null);
        this.safeNumber = details.safeContact().safeNumber().orElse(null);
        this.safeTimes = details.safeContact().safeTimes().orElse(null);
        this.voicemailAllowed = details.safeContact().voicemailAllowed();
        this.serviceMayIdentifyItself = details.safeContact().serviceMayIdentifyItself();
        this.coverStory = details.safeContact().coverStory().orElse(null);
        this.guardianName = details.guardian().map(Guardian::name).orElse(null);
        this.guardianRelationship = details.guardian().map(Guardian::relationship).orElse(null);
        this.guardianPhone = details.guardian().flatMap(Guardian::phone).orElse(null);
    }

    public ClientDetails details() {
        Optional<Guardian> guardian = guardianName == null ? Optional.empty()
                : Optional.of(new Guardian(guardianName, guardianRelationship, Optional.ofNullable(guardianPhone)));
        return new ClientDetails(givenName, familyName, dateOfBirth, Gender.valueOf(gender), preferredLanguage,
                interpreterNeeded, Optional.ofNullable(accessNeeds), Optional.ofNullable(postcode),
                new ContactDetails(Optional.ofNullable(phone), Optional.ofNullable(email), Optional.ofNullable(address)),
                new SafeContact(Optional.ofNullable(safeNumber), Optional.ofNullable(safeTimes), voicemailAllowed,
                        serviceMayIdentifyItself, Optional.ofNullable(coverStory)),
                guardian);
    }

    /** Under 18 on the day of {@code now} in England. */
    public boolean isChildOn(Instant now) {
        return ageOn(now) < 18;
    }

    public int ageOn(Instant now) {
        return Period.between(dateOfBirth, now.atZone(WorkingCalendar.LONDON).toLocalDate()).getYears();
    }

    public boolean belongsTo(String organisation) {
        return organisationId.equals(organisation);
    }

    public String id() {
        return id;
    }

    public String organisationId() {
        return organisationId;
    }

    public String duplicateKey() {
        return duplicateKey;
    }

    public long version() {
        return version;
    }

    @Override
    public String toString() {
        return "Client[" + id + "]";
    }
}
