package org.waypoint.core.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionalException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.shared.DomainEvents;
import org.waypoint.core.shared.EmailAddress;

/**
 * Forgotten passwords. Asking for a reset sends the account holder a link carrying a random 256-bit
 * token that works once, for 30 minutes; only its SHA-256 hash is kept. Whoever asks learns nothing:
 * an unknown or disabled address, or one asked for too often, is answered exactly as a known one,
 * and nothing is sent. Using the link sets the new password and ends every browser session of the
 * account.
 */
@ApplicationScoped
public class PasswordResets {

    public static final Duration VALIDITY = Duration.ofMinutes(30);
    public static final String PER_ADDRESS = "waypoint.password-reset.per-address-per-hour";
    public static final String PER_CLIENT = "waypoint.password-reset.per-client-per-hour";
    static final Duration WINDOW = Duration.ofHours(1);
    private static final int MAX_TOKEN_LENGTH = 100;
    private static final Logger LOG = Logger.getLogger(PasswordResets.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccountRepository accounts;
    private final PasswordResetTokenRepository tokens;
    private final Throttle throttle;
    private final PasswordHasher hasher;
    private final AuditTrail audit;
    private final DomainEvents events;
    private final Clock clock;
    private final int perAddress;
    private final int perClient;

    @Inject
    public PasswordResets(UserAccountRepository accounts, PasswordResetTokenRepository tokens, Throttle throttle,
                          PasswordHasher hasher, AuditTrail audit, DomainEvents events, Clock clock,
                          @ConfigProperty(name = PER_ADDRESS) int perAddress,
                          @ConfigProperty(name = PER_CLIENT) int perClient) {
        if (perAddress < 1 || perClient < 1) {
            throw new IllegalArgumentException(PER_ADDRESS + " and " + PER_CLIENT + " are at least 1");
        }
        this.accounts = accounts;
        this.tokens = tokens;
        this.throttle = throttle;
        this.hasher = hasher;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.perAddress = perAddress;
        this.perClient = perClient;
    }

    /** For CDI's proxy only. */
    protected PasswordResets() {
        this.accounts = null;
        this.tokens = null;
        this.throttle = null;
        this.hasher = null;
        this.audit = null;
        this.events = null;
        this.clock = null;
        this.perAddress = 0;
        this.perClient = 0;
    }

    /**
     * Someone at {@code clientAddress} asks for a reset link for {@code email}. Returns nothing, so
     * that no caller can tell whether a link was sent; a newer link replaces the account's older ones.
     */
    @Transactional
    public void request(EmailAddress email, String clientAddress) {
        Instant now = clock.instant();
        boolean withinLimits = counted("password-reset client " + clientAddress, perClient, now)
                && counted("password-reset address " + email.value(), perAddress, now);
        if (!withinLimits) {
            LOG.info("A password reset request over the limit was answered and nothing sent");
            return;
        }
        Optional<UserAccount> found = accounts.findByEmail(email).filter(UserAccount::enabled);
        if (found.isEmpty()) {
            return;
        }
        UserAccount account = found.get();
        tokens.withdrawUnused(account.id(), now);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant expiresAt = now.plus(VALIDITY);
        tokens.add(new PasswordResetToken(account.id(), AccountService.hash(token), now, expiresAt));
        audit.success(account.asActor(), AuditTrail.ACCOUNT, account.id(), AuditEvent.Action.UPDATE,
                "password reset link sent");
        events.publish(new PasswordResetRequested(account.id(), token, expiresAt));
    }

    /** Refuses a link that would not work now (unknown, expired or used), before anyone types a new password for it. */
    /**
     * Counts one request against its limit. Two first requests for one key at once both try to
     * start its count and one of them fails (the count is its own transaction): that one counts
     * again, now against the count the other started.
     */
    private boolean counted(String what, int limit, Instant now) {
        String key = AccountService.hash(what);
        try {
            return throttle.tryAcquire(key, limit, WINDOW, now);
        } catch (PersistenceException | TransactionalException startedMeanwhile) {
            return throttle.tryAcquire(key, limit, WINDOW, now);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public void check(String token) {
        usable(token, clock.instant());
    }

    /**
     * Sets a new password through a reset link, which then works no more, and ends every browser
     * session of the account. A password outside the rules is refused (IllegalArgumentException)
     * without using the link up.
     */
    @Transactional
    public void reset(String token, char[] replacement) {
        Instant now = clock.instant();
        Usable link = usable(token, now);
        String newHash = hasher.hash(replacement);
        if (!tokens.markUsed(link.token().id(), now)) {
            throw new PasswordResetException(PasswordResetException.Reason.USED);
        }
        UserAccount account = link.account();
        account.resetPassword(newHash, now);
        audit.success(account.asActor(), AuditTrail.ACCOUNT, account.id(), AuditEvent.Action.UPDATE, "password reset");
    }

    private Usable usable(String token, Instant now) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw new PasswordResetException(PasswordResetException.Reason.UNKNOWN);
        }
        PasswordResetToken found = tokens.findByHash(AccountService.hash(token))
                .orElseThrow(() -> new PasswordResetException(PasswordResetException.Reason.UNKNOWN));
        found.refusalAt(now).ifPresent(reason -> {
            throw new PasswordResetException(reason);
        });
        UserAccount account = accounts.find(found.userId()).filter(UserAccount::enabled)
                .orElseThrow(() -> new PasswordResetException(PasswordResetException.Reason.UNKNOWN));
        return new Usable(found, account);
    }

    private record Usable(PasswordResetToken token, UserAccount account) {
    }
}
