package org.waypoint.core.account;

import jakarta.persistence.Column;
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
import java.util.UUID;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.RuleViolation;

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
}
