package org.waypoint.core.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.IdentityProviderRepository;
import org.waypoint.core.organisation.OrganisationRepository;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.ConflictException;
import org.waypoint.core.shared.DomainEvents;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.NotFoundException;

/** Use cases for accounts: signing in by password or token, personal API tokens, and the administrator's keeping of accounts. */
@ApplicationScoped
public class AccountService {

    static final String TOKEN_PREFIX = "wp_";
    static final Duration MAX_TOKEN_VALIDITY = Duration.ofDays(366);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccountRepository accounts;
    private final ApiTokenRepository tokens;
    private final OrganisationRepository organisations;
    private final IdentityProviderRepository providers;
    private final PasswordHasher hasher;
    private final AuditTrail audit;
    private final DomainEvents events;
    private final Clock clock;

    @Inject
    public AccountService(UserAccountRepository accounts, ApiTokenRepository tokens, OrganisationRepository organisations,
                          IdentityProviderRepository providers, PasswordHasher hasher, AuditTrail audit, DomainEvents events, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.organisations = organisations;
        this.providers = providers;
        this.hasher = hasher;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected AccountService() {
        this(null, null, null, null, null, null, null, null);
    }

    /** Opens an account; an e-mail address holds one account at most. Used by the administrator's use case and the demo data. */
    @Transactional
    public UserAccount register(EmailAddress email, String displayName, Role role, Organisation organisation,
                                char[] password) {
        if (accounts.findByEmail(email).isPresent()) {
            throw new ConflictException("error.account.exists", "an account with that e-mail address exists");
        }
        UserAccount account = new UserAccount(email, displayName, role, organisation, hasher.hash(password));
        accounts.add(account);
        return account;
    }

    /** An administrator opens an account in any organisation. */
    @Transactional
    public UserAccount createUser(Actor admin, EmailAddress email, String displayName, Role role, String organisationId,
                                  char[] password) {
        admin.requireRole(Role.ADMIN, "create accounts");
        Organisation organisation = organisations.find(organisationId).orElseThrow(() -> new NotFoundException("organisation"));
        return register(email, displayName, role, organisation, password);
    }

    @Transactional
    public List<UserAccount> listUsers(Actor admin) {
        admin.requireRole(Role.ADMIN, "list accounts");
        return accounts.findAll();
    }

    @Transactional
    public UserAccount setEnabled(Actor admin, String userId, boolean enabled) {
        admin.requireRole(Role.ADMIN, "disable accounts");
        UserAccount account = accounts.find(userId).orElseThrow(() -> new NotFoundException("account"));
        if (!enabled && account.id().equals(admin.userId())) {
            throw new ConflictException("error.account.disableOwn", "an administrator cannot disable their own account");
        }
        if (enabled) {
            account.enable();
        } else {
            account.disable();
        }
        return account;
    }

    @Transactional
    public UserAccount changeRole(Actor admin, String userId, Role role) {
        admin.requireRole(Role.ADMIN, "change roles");
        UserAccount account = accounts.find(userId).orElseThrow(() -> new NotFoundException("account"));
        account.changeRole(role);
        return account;
    }

    @Transactional
    public UserAccount me(Actor actor) {
        return accounts.find(actor.userId()).orElseThrow(() -> new NotFoundException("account"));
    }

    /**
     * Signs in with e-mail address and password. The same work is done whether or not the account
     * exists, so the answer's timing tells nothing; repeated failures lock the account for a while.
     * The staff of an organisation with its own identity provider sign in through it only: their right
     * password is refused ({@link PasswordSignInRefused}), after it was checked, so that the refusal tells
     * nothing to someone who does not know it.
     */
    @Transactional
    public Optional<Actor> signIn(EmailAddress email, char[] password) {
        Instant now = clock.instant();
        Optional<UserAccount> found = accounts.findByEmail(email);
        if (found.isEmpty()) {
            hasher.matches(password, hasher.decoy());
            events.publish(new SignInFailed(SignInFailed.Reason.UNKNOWN_ACCOUNT, false));
            return Optional.empty();
        }
        UserAccount account = found.get();
        if (account.refusesSignInAt(now)) {
            hasher.matches(password, hasher.decoy());
            events.publish(new SignInFailed(SignInFailed.Reason.REFUSED, false));
            refusedSignIn(account, "password sign-in refused: the account is locked or disabled");
            return Optional.empty();
        }
        if (!hasher.matches(password, account.passwordHash())) {
            boolean locked = account.signInFailed(now);
            events.publish(new SignInFailed(SignInFailed.Reason.WRONG_PASSWORD, locked));
            refusedSignIn(account, locked ? "wrong password; the account is locked for a while" : "wrong password");
            return Optional.empty();
        }
        if (providers.findFor(account.organisationId()).isPresent()) {
            events.publish(new SignInFailed(SignInFailed.Reason.REFUSED, false));
            throw new PasswordSignInRefused();
        }
        account.signedIn();
        audit.success(account.asActor(), AuditTrail.ACCOUNT, account.id(), AuditEvent.Action.CREATE, "password accepted");
        return Optional.of(account.asActor());
    }

    /**
     * A refused sign-in in the audit trail, on the account it was for. Whoever typed is not known, so the
     * one acting is {@value #SIGNING_IN} in the account's organisation, not the account's holder. An
     * address with no account leaves no entry (there is nothing to name but the address typed); the
     * metrics count it.
     */
    private void refusedSignIn(UserAccount account, String detail) {
        audit.record(signingIn(account.organisationId()), AuditTrail.ACCOUNT, account.id(), AuditEvent.Action.CREATE, detail,
                AuditEvent.Outcome.REFUSED);
    }

    /**
     * The one acting in the audit trail's entry for a refused sign-in, by password, code or an
     * organisation's provider: whoever it was is not known.
     */
    public static final String SIGNING_IN = "signing-in";

    /** {@value #SIGNING_IN}, in the organisation whose account or provider was tried. */
    static Actor signingIn(String organisationId) {
        return new Actor(SIGNING_IN, organisationId, Role.CASEWORKER);
    }

    /**
     * Changes the signed-in user's password, once the current one is given. Answers false, changing
     * nothing, when the current password is wrong; a new password outside the rules is refused. Every
     * browser session of the account signed in before now ends: the caller signs its own in again.
     */
    @Transactional
    public boolean changePassword(Actor actor, char[] current, char[] replacement) {
        UserAccount account = me(actor);
        if (!hasher.matches(current, account.passwordHash())) {
            return false;
        }
        account.changePassword(hasher.hash(replacement), clock.instant());
        audit.success(actor, AuditTrail.ACCOUNT, account.id(), AuditEvent.Action.UPDATE, "password changed");
        return true;
    }

    /**
     * The actor a browser session signed in at {@code signedInAt} stands for, while its account is
     * still enabled and its password has not changed since. Like {@link #authenticate}, a plain read
     * that every request makes: it needs no transaction.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Actor> actorOf(String userId, Instant signedInAt) {
        return accounts.find(userId)
                .filter(a -> a.enabled() && a.acceptsSessionSignedInAt(signedInAt))
                .map(UserAccount::asActor);
    }

    /** A new personal API token for the signed-in user, valid for at most a year. */
    @Transactional
    public IssuedToken createToken(Actor actor, String name, Duration validity) {
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_TOKEN_VALIDITY) > 0) {
            throw new InvalidField("days", "error.token.validity", "a token is valid for 1 to 366 days");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        ApiToken token = new ApiToken(actor.userId(), name, hash(secret), now, now.plus(validity));
        tokens.add(token);
        return new IssuedToken(token, secret);
    }

    @Transactional
    public List<ApiToken> tokens(Actor actor) {
        return tokens.ofUser(actor.userId());
    }

    @Transactional
    public ApiToken revokeToken(Actor actor, String tokenId) {
        ApiToken token = tokens.find(tokenId).filter(t -> t.userId().equals(actor.userId()))
                .orElseThrow(() -> new NotFoundException("token"));
        token.revoke(clock.instant());
        audit.success(actor, AuditTrail.ACCOUNT, actor.userId(), AuditEvent.Action.UPDATE, "API token revoked");
        return token;
    }

    /**
     * The actor a bearer token stands for, if it is one of ours, unexpired, unrevoked, and its account
     * enabled. Every API request asks this before its own transaction begins; two reads need no
     * transaction of their own, whose begin and commit cost 8% of the CPU of a signed-in GET on PostgreSQL.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Actor> authenticate(String secret) {
        if (secret == null || !secret.startsWith(TOKEN_PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByHash(hash(secret))
                .filter(t -> t.isValidAt(now))
                .flatMap(t -> accounts.find(t.userId()))
                .filter(UserAccount::enabled)
                .map(UserAccount::asActor);
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
