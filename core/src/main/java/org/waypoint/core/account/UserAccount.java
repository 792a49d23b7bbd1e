package org.waypoint.core.account;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.RuleViolation;
import org.waypoint.core.shared.crypto.EncryptedStringConverter;

/**
 * A person who signs in: a caseworker, a member of a service's staff or an administrator, always of
 * one organisation. The password is kept only as a salted PBKDF2 hash; a disabled account cannot
 * sign in but stays, so that what its holder did stays attributed.
 */
@Entity
@Table(name = "user_account")
public class UserAccount {

    static final int MAX_FAILED_SIGN_INS = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, unique = true, length = 320)
    private String email;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id", nullable = false)
    private Organisation organisation;

    /** The same column, read without loading the organisation: signing a request in needs only its id. */
    @Column(name = "organisation_id", insertable = false, updatable = false, length = 36)
    private String organisationId;

    @Column(name = "password_hash", nullable = false, length = 400)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "failed_sign_ins", nullable = false)
    private int failedSignIns;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    /** Browser sessions signed in before this are no longer signed in; null while the password has never changed. */
    @Column(name = "sessions_valid_from")
    private Instant sessionsValidFrom;

    /** The confirmed time-based one-time password's secret (base32), encrypted; null without a second factor. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "totp_secret", length = 200)
    private String totpSecret;

    /** A secret being set up, until a first code from it confirms it. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "totp_pending_secret", length = 200)
    private String totpPendingSecret;

    @Column(name = "totp_confirmed_at")
    private Instant totpConfirmedAt;

    /** The last step a code was accepted for: it, and every step before it, is refused from then on. */
    @Column(name = "totp_last_step")
    private Long totpLastStep;

    @Column(name = "failed_codes", nullable = false)
    private int failedCodes;

    @Column(name = "codes_locked_until")
    private Instant codesLockedUntil;

    /** The organisation's provider this account has signed in through, and who it knows the holder as (V33). */
    @Column(name = "provider_issuer", length = 500)
    private String providerIssuer;

    @Column(name = "provider_subject", length = 255)
    private String providerSubject;

    @Version
    private long version;

    protected UserAccount() {
        // for JPA
    }

    UserAccount(EmailAddress email, String displayName, Role role, Organisation organisation, String passwordHash) {
        this.id = UUID.randomUUID().toString();
        this.email = InvalidField.required(email, "email", "error.field.required", "an e-mail address is required").value();
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 200) {
            throw new InvalidField("displayName", "error.account.displayName",
                    "a display name of 1 to 200 characters is required");
        }
        this.displayName = displayName.strip();
        this.role = InvalidField.required(role, "role", "error.field.required", "a role is required");
        this.organisation = Objects.requireNonNull(organisation, "an account belongs to an organisation");
        this.organisationId = organisation.id();
        requireRoleFits(role, organisation);
        this.passwordHash = Objects.requireNonNull(passwordHash, "a password hash is required");
        this.enabled = true;
    }

    /** Whether sign-in is refused at {@code now}: disabled, or locked after repeated failures. */
    public boolean refusesSignInAt(Instant now) {
        return !enabled || (lockedUntil != null && now.isBefore(lockedUntil));
    }

    /** Counts a failed sign-in; the fifth in a row locks the account for fifteen minutes (and answers true). */
    boolean signInFailed(Instant now) {
        failedSignIns++;
        if (failedSignIns >= MAX_FAILED_SIGN_INS) {
            lockedUntil = now.plus(LOCK);
            failedSignIns = 0;
            return true;
        }
        return false;
    }

    void signedIn() {
        failedSignIns = 0;
        lockedUntil = null;
    }

    /** The account as the actor it signs in as. */
    public Actor asActor() {
        return new Actor(id, organisationId, role);
    }

    public void changeRole(Role newRole) {
        requireRoleFits(InvalidField.required(newRole, "role", "error.field.required", "a role is required"), organisation);
        this.role = newRole;
    }

    private static void requireRoleFits(Role role, Organisation organisation) {
        if (role == Role.CASEWORKER && !organisation.kind().refers()) {
            throw new RuleViolation("error.account.caseworkerOrganisation",
                    "a caseworker belongs to an organisation that refers");
        }
        if (role == Role.SERVICE_STAFF && !organisation.kind().provides()) {
            throw new RuleViolation("error.account.staffOrganisation",
                    "service staff belong to an organisation that provides services");
        }
    }

    /** A new password at {@code now}: every browser session signed in before it ends. */
    void changePassword(String newHash, Instant now) {
        this.passwordHash = Objects.requireNonNull(newHash, "a password hash is required");
        this.sessionsValidFrom = Objects.requireNonNull(now);
    }

    /** A new password through a reset link: as a change, and a lock from failed sign-ins is lifted. */
    void resetPassword(String newHash, Instant now) {
        changePassword(newHash, now);
        signedIn();
    }

    /** Whether a browser session signed in at {@code signedInAt} still stands: not if the password changed since. */
    public boolean acceptsSessionSignedInAt(Instant signedInAt) {
        return sessionsValidFrom == null || !signedInAt.isBefore(sessionsValidFrom);
    }

    /** Whether a second factor is set up (and confirmed). */
    public boolean hasSecondFactor() {
        return totpSecret != null;
    }

    /** Whether codes are refused at {@code now}: disabled, or locked after repeated wrong codes. */
    boolean refusesCodesAt(Instant now) {
        return !enabled || (codesLockedUntil != null && now.isBefore(codesLockedUntil));
    }

    /** Counts a wrong code, as a wrong password is counted: the fifth in a row locks codes for fifteen minutes. */
    boolean codeFailed(Instant now) {
        failedCodes++;
        if (failedCodes >= MAX_FAILED_SIGN_INS) {
            codesLockedUntil = now.plus(LOCK);
            failedCodes = 0;
            return true;
        }
        return false;
    }

    void codeAccepted() {
        failedCodes = 0;
        codesLockedUntil = null;
    }

    /** The secret being set up: the one already begun, or {@code fresh} when none is. */
    String pendingSecret(java.util.function.Supplier<String> fresh) {
        if (totpPendingSecret == null) {
            totpPendingSecret = fresh.get();
        }
        return totpPendingSecret;
    }

    Optional<String> pendingSecret() {
        return Optional.ofNullable(totpPendingSecret);
    }

    Optional<String> secret() {
        return Optional.ofNullable(totpSecret);
    }

    /**
     * Of the steps around {@code now} (one before, this, one after), the one whose code {@code code} is
     * for {@code secret}, if it comes after the last step accepted.
     */
    Optional<Long> stepOf(String secret, String code, Instant now) {
        long current = Totp.step(now);
        for (long step = current - 1; step <= current + 1; step++) {
            if ((totpLastStep == null || step > totpLastStep) && java.security.MessageDigest.isEqual(
                    Totp.code(secret, step).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    code.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    void stepUsed(long step) {
        totpLastStep = step;
    }

    /** The secret being set up becomes the second factor, from {@code step}; every browser session before {@code now} ends. */
    void confirmSecondFactor(long step, Instant now) {
        totpSecret = Objects.requireNonNull(totpPendingSecret, "no second factor is being set up");
        totpPendingSecret = null;
        totpConfirmedAt = now;
        totpLastStep = step;
        sessionsValidFrom = now;
    }

    /** The second factor is removed, by an administrator: every browser session ends, and a new one is set up at the next sign-in. */
    void resetSecondFactor(Instant now) {
        totpSecret = null;
        totpPendingSecret = null;
        totpConfirmedAt = null;
        totpLastStep = null;
        failedCodes = 0;
        codesLockedUntil = null;
        sessionsValidFrom = now;
    }

    public Optional<Instant> secondFactorConfirmedAt() {
        return Optional.ofNullable(totpConfirmedAt);
    }

    public void disable() {
        this.enabled = false;
    }

    public void enable() {
        this.enabled = true;
    }

    public String id() {
        return id;
    }

    public EmailAddress email() {
        return new EmailAddress(email);
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public Organisation organisation() {
        return organisation;
    }

    /** The organisation's id, without loading the organisation. */
    public String organisationId() {
        return organisationId;
    }

    public boolean enabled() {
        return enabled;
    }

    String passwordHash() {
        return passwordHash;
    }

    @Override
    public String toString() {
        return "UserAccount[" + id + "]";
    }

    /** Whom the provider at {@code issuer} knows this account's holder as, once they have signed in through it. */
    public Optional<String> providerSubject(String issuer) {
        return issuer.equals(providerIssuer) ? Optional.ofNullable(providerSubject) : Optional.empty();
    }

    /** Binds the account to the person the provider at {@code issuer} knows as {@code subject}. */
    void bindToProvider(String issuer, String subject) {
        this.providerIssuer = issuer;
        this.providerSubject = subject;
    }
}
