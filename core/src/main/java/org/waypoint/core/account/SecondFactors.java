package org.waypoint.core.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.ConflictException;
import org.waypoint.core.shared.DomainEvents;
import org.waypoint.core.shared.NotFoundException;

/**
 * Second factors for password accounts (docs/adr/0020-second-factor.md): a time-based one-time
 * password (RFC 6238, {@link Totp}) set up by a first code, and ten single-use recovery codes kept
 * hashed. A code is accepted for the step it was made in, the one before or the one after, and never
 * for a step at or before the last one accepted, so a code seen over a shoulder is worth nothing once
 * used. Wrong codes lock the account's codes as wrong passwords lock its password.
 */
@ApplicationScoped
public class SecondFactors {

    /** The setting that says who must have a second factor: {@code everyone}, or {@code administrators} (the others may). */
    public static final String REQUIRED = "waypoint.totp.required";
    static final int RECOVERY_CODES = 10;
    /**
     * A recovery code's length, in base32 characters: 120 bits, over the 112 below which ASVS asks a
     * lookup secret to be stored under a salted password hash, so its SHA-256 is enough.
     */
    static final int RECOVERY_CODE_LENGTH = 24;
    /** The length of the codes made before stop 34 (60 bits), which work until their account renews its codes. */
    static final int EARLIER_RECOVERY_CODE_LENGTH = 12;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who must have a second factor. Administrators always must. */
    public enum Requirement { EVERYONE, ADMINISTRATORS }

    /** What came of a code. */
    public enum Check {
        ACCEPTED,
        /** Wrong, used already, or not one of the account's. */
        WRONG,
        /** Too many wrong codes in a row: none is looked at for a while. */
        LOCKED
    }

    /** Where an account stands: whether it has a second factor, since when, recovery codes left, and whether it must have one. */
    public record Status(boolean set, Optional<Instant> since, long recoveryCodesLeft, boolean required) {

        @Override
        public String toString() {
            return "Status[set=" + set + "]";
        }
    }

    private final UserAccountRepository accounts;
    private final RecoveryCodeRepository recoveryCodes;
    private final AuditTrail audit;
    private final DomainEvents events;
    private final Clock clock;
    private final Requirement requirement;

    @Inject
    public SecondFactors(UserAccountRepository accounts, RecoveryCodeRepository recoveryCodes, AuditTrail audit,
                         DomainEvents events, Clock clock,
                         @ConfigProperty(name = REQUIRED, defaultValue = "everyone") String required) {
        this.accounts = accounts;
        this.recoveryCodes = recoveryCodes;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.requirement = required == null ? Requirement.EVERYONE : switch (required.strip().toLowerCase(Locale.ROOT)) {
            case "everyone" -> Requirement.EVERYONE;
            case "administrators" -> Requirement.ADMINISTRATORS;
            default -> throw new IllegalArgumentException(REQUIRED + " is everyone or administrators");
        };
    }

    /** For CDI's proxy only. */
    protected SecondFactors() {
        this.accounts = null;
        this.recoveryCodes = null;
        this.audit = null;
        this.events = null;
        this.clock = null;
        this.requirement = Requirement.EVERYONE;
    }

    /** Whether an account of this role must have a second factor. */
    public boolean isRequired(Role role) {
        return role == Role.ADMIN || requirement == Requirement.EVERYONE;
    }

    /** What is still asked of someone who gave this account's right password: nothing, a code, or setting a second factor up. */
    @Transactional
    public BrowserSession.Stage afterPassword(Actor actor) {
        UserAccount account = account(actor.userId());
        if (account.hasSecondFactor()) {
            return BrowserSession.Stage.CODE;
        }
        return isRequired(account.role()) ? BrowserSession.Stage.ENROL : BrowserSession.Stage.SIGNED_IN;
    }

    @Transactional
    public Status status(Actor actor) {
        UserAccount account = account(actor.userId());
        return new Status(account.hasSecondFactor(), account.secondFactorConfirmedAt(),
                account.hasSecondFactor() ? recoveryCodes.unused(account.id()) : 0, isRequired(account.role()));
    }

    /**
     * The secret being set up (base32), to be shown as a QR code and as text: the one already begun, so
     * that a page shown again shows the same, or a new one.
     */
    @Transactional
    public String enrolmentSecret(Actor actor) {
        return account(actor.userId()).pendingSecret(Totp::newSecret);
    }

    /**
     * Confirms the secret being set up with a first code from it. The second factor then is that secret
     * (any earlier one is replaced), every browser session of the account before now ends, and the
     * answer holds ten new recovery codes, shown this once. Empty when the code is wrong or codes are locked.
     */
    @Transactional
    public Optional<List<String>> confirm(Actor actor, String code) {
        UserAccount account = account(actor.userId());
        Instant now = clock.instant();
        Optional<String> pending = account.pendingSecret();
        if (pending.isEmpty() || refused(account, now)) {
            return Optional.empty();
        }
        Optional<Long> step = sixDigits(code).flatMap(c -> account.stepOf(pending.get(), c, now));
        if (step.isEmpty()) {
            failed(account, now);
            return Optional.empty();
        }
        boolean replacing = account.hasSecondFactor();
        account.codeAccepted();
        account.confirmSecondFactor(step.get(), now);
        List<String> codes = newCodes(account, now);
        audit.success(actor, AuditTrail.ACCOUNT, account.id(), AuditEvent.Action.UPDATE,
                replacing ? "second factor replaced" : "second factor set up");
        return Optional.of(codes);
    }

    /** Checks a code from the authenticator app, or a recovery code (then used up), for the account's second factor. */
    @Transactional
    public Check check(Actor actor, String code) {
        UserAccount account = account(actor.userId());
        Instant now = clock.instant();
        if (refused(account, now)) {
            return Check.LOCKED;
        }
        Optional<String> secret = account.secret();
        if (secret.isEmpty() || code == null) {
            failed(account, now);
            return Check.WRONG;
        }
        Optional<String> sixDigits = sixDigits(code);
        if (sixDigits.isPresent()) {
            Optional<Long> step = account.stepOf(secret.get(), sixDigits.get(), now);
            if (step.isPresent()) {
                account.stepUsed(step.get());
                account.codeAccepted();
                audit.success(actor, AuditTrail.ACCOUNT, account.id(), AuditEvent.Action.UPDATE, "authenticator code accepted");
                return Check.ACCEPTED;
            }
        } else {
            Optional<String> recovery = recoveryCode(code);
            if (recovery.isPresent() && recoveryCodes.use(account.id(), AccountService.hash(recovery.get()), now)) {
                account.codeAccepted();
                audit.success(actor, AuditTrail.ACCOUNT, account.id(), AuditEvent.Action.UPDATE, "recovery code used");
                return Check.ACCEPTED;
            }
        }
        return failed(account, now) ? Check.LOCKED : Check.WRONG;
    }

    /** Ten new recovery codes in place of the old ones, shown this once. */
    @Transactional
    public List<String> renewRecoveryCodes(Actor actor) {
        UserAccount account = account(actor.userId());
        if (!account.hasSecondFactor()) {
            throw new ConflictException("error.secondFactor.none", "recovery codes belong to a second factor: set one up first");
        }
        List<String> codes = newCodes(account, clock.instant());
        audit.success(actor, AuditTrail.ACCOUNT, account.id(), AuditEvent.Action.UPDATE, "recovery codes renewed");
        return codes;
    }

    /**
     * An administrator removes an account's second factor (its holder lost it): every session of the
     * account ends, and its holder sets a new one up at the next sign-in.
     */
    @Transactional
    public void reset(Actor admin, String userId) {
        admin.requireRole(Role.ADMIN, "reset a second factor");
        UserAccount account = account(userId);
        account.resetSecondFactor(clock.instant());
        recoveryCodes.removeAllOf(account.id());
        audit.success(admin, AuditTrail.ACCOUNT, account.id(), AuditEvent.Action.UPDATE, "second factor reset");
    }

    private UserAccount account(String userId) {
        return accounts.find(userId).orElseThrow(() -> new NotFoundException("account"));
    }

    private boolean refused(UserAccount account, Instant now) {
        if (account.refusesCodesAt(now)) {
            events.publish(new SignInFailed(SignInFailed.Reason.REFUSED, false));
            refusedCode(account, "code refused: codes are locked for a while");
            return true;
        }
        return false;
    }

    /** Counts a wrong code, answering whether it locked the account's codes. */
    private boolean failed(UserAccount account, Instant now) {
        boolean locked = account.codeFailed(now);
        events.publish(new SignInFailed(SignInFailed.Reason.WRONG_CODE, locked));
        refusedCode(account, locked ? "wrong code; codes are locked for a while" : "wrong code");
        return locked;
    }

    /** A refused code in the audit trail, on its account, by whoever is signing in ({@link AccountService#SIGNING_IN}). */
    private void refusedCode(UserAccount account, String detail) {
        audit.record(AccountService.signingIn(account.organisationId()), AuditTrail.ACCOUNT, account.id(), AuditEvent.Action.UPDATE, detail,
                AuditEvent.Outcome.REFUSED);
    }

    private List<String> newCodes(UserAccount account, Instant now) {
        recoveryCodes.removeAllOf(account.id());
        List<String> codes = new ArrayList<>(RECOVERY_CODES);
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder(RECOVERY_CODE_LENGTH);
            for (int c = 0; c < RECOVERY_CODE_LENGTH; c++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            recoveryCodes.add(new RecoveryCode(account.id(), AccountService.hash(code.toString()), now));
            codes.add(String.join("-", code.toString().split("(?<=\\G.{4})")));
        }
        return codes;
    }

    /** The code as six digits, spaces allowed between them, or empty when it is not. */
    private static Optional<String> sixDigits(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String digits = code.replace(" ", "");
        return digits.matches("[0-9]{" + Totp.DIGITS + "}") ? Optional.of(digits) : Optional.empty();
    }

    /** A recovery code as it was made, whatever its case, dashes and spaces. */
    private static Optional<String> recoveryCode(String code) {
        String clean = code.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        return clean.matches("[A-Z2-7]{" + RECOVERY_CODE_LENGTH + "}|[A-Z2-7]{" + EARLIER_RECOVERY_CODE_LENGTH + "}")
                ? Optional.of(clean) : Optional.empty();
    }
}
