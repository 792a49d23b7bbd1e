package org.waypoint.core.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.organisation.IdentityProvider;
import org.waypoint.core.organisation.IdentityProviderRepository;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.NotFoundException;

/**
 * Signing in through an organisation's own identity provider
 * (docs/adr/0022-organisations-sign-in-with-openid-connect.md). The protocol itself (discovery, the code
 * exchange, validating the ID token) is the web module's, with a library; this keeps what must be shared
 * by every instance and decided by the domain: the state, nonce and PKCE verifier between leaving and
 * coming back, single use and bound to one browser, and whose account a verified e-mail address signs
 * in. An administrator still decides who has an account and in what role: the provider only proves who
 * the person is. Every outcome is audited.
 */
@ApplicationScoped
public class OrganisationSignIns {

    private final OrganisationSignInAttemptRepository attempts;
    private final IdentityProviderRepository providers;
    private final UserAccountRepository accounts;
    private final AuditTrail audit;
    private final Clock clock;

    @Inject
    public OrganisationSignIns(OrganisationSignInAttemptRepository attempts, IdentityProviderRepository providers,
                               UserAccountRepository accounts, AuditTrail audit, Clock clock) {
        this.attempts = attempts;
        this.providers = providers;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected OrganisationSignIns() {
        this(null, null, null, null, null);
    }

    /**
     * Begins a sign-in with the organisation's provider: new random state, nonce, PKCE verifier and
     * browser secret (for a cookie), kept by their hashes or as they are for ten minutes.
     */
    @Transactional
    public Started begin(String organisationId, String returnTo) {
        IdentityProvider provider = providers.findFor(organisationId)
                .orElseThrow(() -> new NotFoundException("identity provider"));
        Started started = new Started(provider, BrowserSessions.newSecret(), BrowserSessions.newSecret(),
                BrowserSessions.newSecret(), BrowserSessions.newSecret());
        attempts.add(new OrganisationSignInAttempt(AccountService.hash(started.state()),
                AccountService.hash(started.browserSecret()), organisationId, started.nonce(), started.codeVerifier(),
                returnTo, clock.instant()));
        return started;
    }

    /**
     * The browser came back with {@code state}: the sign-in it began, taken so that it cannot be used
     * again, if this browser ({@code browserSecret}, from its cookie) began it less than ten minutes ago.
     */
    @Transactional(dontRollbackOn = OrganisationSignInFailed.class)
    public Returning resume(String state, String browserSecret) {
        if (state == null || state.isEmpty() || state.length() > 100) {
            throw new OrganisationSignInFailed(OrganisationSignInFailed.Reason.UNKNOWN_STATE);
        }
        OrganisationSignInAttempt attempt = attempts.take(AccountService.hash(state))
                .orElseThrow(() -> new OrganisationSignInFailed(OrganisationSignInFailed.Reason.UNKNOWN_STATE));
        if (!attempt.isLiveAt(clock.instant())) {
            throw refused(attempt.organisationId(), OrganisationSignInFailed.Reason.EXPIRED);
        }
        if (browserSecret == null || browserSecret.length() > 100 || !MessageDigest.isEqual(
                AccountService.hash(browserSecret).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                attempt.browserHash().getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw refused(attempt.organisationId(), OrganisationSignInFailed.Reason.OTHER_BROWSER);
        }
        IdentityProvider provider = providers.findFor(attempt.organisationId())
                .orElseThrow(() -> refused(attempt.organisationId(), OrganisationSignInFailed.Reason.NO_PROVIDER));
        return new Returning(provider, attempt.nonce(), attempt.codeVerifier(), Optional.ofNullable(attempt.returnTo()));
    }

    /**
     * The provider of {@code organisationId} vouched for the person it knows as {@code subject}, with the
     * verified {@code emailAddress} (a verified ID token): the actor to sign in, whose enabled account
     * belongs to that organisation. The account is the one bound to that subject; at a person's first
     * sign-in through this provider, the one with that address, which is then bound to the subject. An
     * address whose account is bound to another subject signs nobody in: the organisation has given it to
     * someone else.
     */
    @Transactional(dontRollbackOn = OrganisationSignInFailed.class)
    public Actor signIn(String organisationId, String subject, String emailAddress) {
        IdentityProvider provider = providers.findFor(organisationId)
                .orElseThrow(() -> refused(organisationId, OrganisationSignInFailed.Reason.NO_PROVIDER));
        Optional<UserAccount> bound = accounts.findByProviderSubject(provider.issuer(), subject);
        UserAccount account;
        if (bound.isPresent()) {
            account = bound.get();
        } else {
            EmailAddress email;
            try {
                email = new EmailAddress(emailAddress);
            } catch (InvalidField notAnAddress) {
                throw refused(organisationId, OrganisationSignInFailed.Reason.NO_EMAIL);
            }
            account = accounts.findByEmail(email)
                    .orElseThrow(() -> refused(organisationId, OrganisationSignInFailed.Reason.UNKNOWN_ACCOUNT));
            if (account.providerSubject(provider.issuer()).isPresent()) {
                throw refused(account, organisationId, OrganisationSignInFailed.Reason.OTHER_SUBJECT);
            }
        }
        if (!account.organisationId().equals(organisationId)) {
            throw refused(account, organisationId, OrganisationSignInFailed.Reason.OTHER_ORGANISATION);
        }
        if (!account.enabled()) {
            throw refused(account, organisationId, OrganisationSignInFailed.Reason.ACCOUNT_DISABLED);
        }
        if (bound.isEmpty()) {
            account.bindToProvider(provider.issuer(), subject);
            audit.success(account.asActor(), AuditTrail.ACCOUNT, account.id(), AuditEvent.Action.UPDATE,
                    "bound to the person the organisation's identity provider knows");
        }
        account.signedIn();
        audit.success(account.asActor(), AuditTrail.ACCOUNT, account.id(), AuditEvent.Action.CREATE,
                "signed in through the organisation's identity provider");
        return account.asActor();
    }

    /** Records a sign-in the web module refused (the provider's error, an ID token that failed validation). */
    @Transactional
    public void failed(String organisationId, OrganisationSignInFailed.Reason reason) {
        refused(organisationId, reason);
    }

    /** Deletes the sign-ins begun more than ten minutes ago, answering how many. */
    @Transactional
    public int sweep() {
        return attempts.removeStartedBefore(clock.instant().minus(OrganisationSignInAttempt.VALIDITY));
    }

    private OrganisationSignInFailed refused(String organisationId, OrganisationSignInFailed.Reason reason) {
        audit.record(AccountService.signingIn(organisationId), AuditTrail.ORGANISATION, organisationId, AuditEvent.Action.CREATE,
                detail(reason), AuditEvent.Outcome.REFUSED);
        return new OrganisationSignInFailed(reason);
    }

    private OrganisationSignInFailed refused(UserAccount account, String organisationId, OrganisationSignInFailed.Reason reason) {
        audit.record(AccountService.signingIn(organisationId), AuditTrail.ACCOUNT, account.id(), AuditEvent.Action.CREATE,
                detail(reason), AuditEvent.Outcome.REFUSED);
        return new OrganisationSignInFailed(reason);
    }

    private static String detail(OrganisationSignInFailed.Reason reason) {
        return "organisation sign-in refused: " + reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * A sign-in begun: the provider to go to, and the values the authorisation request carries (the state,
     * the nonce, the PKCE verifier whose S256 challenge is sent) and the secret for the binding cookie.
     */
    public record Started(IdentityProvider provider, String state, String nonce, String codeVerifier, String browserSecret) {

        @Override
        public String toString() {
            return "Started[" + provider + "]";
        }
    }

    /** The browser came back: the provider to ask for the tokens, and what they are checked against. */
    public record Returning(IdentityProvider provider, String nonce, String codeVerifier, Optional<String> returnTo) {

        @Override
        public String toString() {
            return "Returning[" + provider + "]";
        }
    }
}
