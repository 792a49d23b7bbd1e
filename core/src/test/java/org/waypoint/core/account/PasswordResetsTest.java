package org.waypoint.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.Test;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.testing.InMemory;
import org.waypoint.core.testing.MutableClock;

/** Forgotten passwords, told with in-memory repositories and a clock moved by hand. */
class PasswordResetsTest {

    private static final PasswordHasher HASHER = configuredHasher();
    private static final String CLIENT = "192.0.2.10";
    private static final EmailAddress CASEY = new EmailAddress("casey@example.org");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
    private final Accounts accounts = new Accounts();
    private final Tokens tokens = new Tokens();
    private final InMemory.AuditEvents auditEvents = new InMemory.AuditEvents();
    private final InMemory.Events events = new InMemory.Events();
    private final PasswordResets resets = new PasswordResets(accounts, tokens, new CountingThrottle(), HASHER,
            new AuditTrail(auditEvents, clock), events, clock, 3, 10);
    private final UserAccount casey = accounts.with(new UserAccount(CASEY, "Casey Worker", Role.CASEWORKER,
            new Organisation("Victim Care Unit", OrganisationKind.REFERRER), HASHER.hash("first-password-1".toCharArray())));

    @Test
    void aKnownAddressGetsALinkWhoseTokenIsKeptOnlyAsItsHash() {
        resets.request(CASEY, CLIENT);

        String token = sentToken();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(sent()).singleElement().satisfies(e -> {
            assertThat(e.userId()).isEqualTo(casey.id());
            assertThat(e.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
            assertThat(e.toString()).doesNotContain(token);
        });
        assertThat(tokens.all).singleElement().satisfies(stored -> {
            assertThat(stored.tokenHash()).isEqualTo(AccountService.hash(token)).isNotEqualTo(token).hasSize(64);
            assertThat(stored.toString()).doesNotContain(token);
        });
        assertThat(auditEvents.appended).singleElement().satisfies(event -> {
            assertThat(event.recordType()).isEqualTo(AuditTrail.ACCOUNT);
            assertThat(event.recordId()).isEqualTo(casey.id());
            assertThat(event.detail()).isEqualTo("password reset link sent");
        });
    }

    @Test
    void anUnknownOrDisabledAddressIsAnsweredAlikeAndNothingIsSentOrKept() {
        resets.request(new EmailAddress("nobody@example.org"), CLIENT);
        casey.disable();
        resets.request(CASEY, CLIENT);

        assertThat(events.published).isEmpty();
        assertThat(tokens.all).isEmpty();
        assertThat(auditEvents.appended).isEmpty();
    }

    @Test
    void theLinkSetsANewPasswordWithinThirtyMinutesAndEndsEverySessionSignedInBefore() {
        Instant signedInEarlier = clock.instant().minus(Duration.ofHours(1));
        resets.request(CASEY, CLIENT);
        clock.advance(Duration.ofMinutes(29).plusSeconds(59));

        resets.check(sentToken());
        resets.reset(sentToken(), "a-new-pass-phrase".toCharArray());

        assertThat(HASHER.matches("a-new-pass-phrase".toCharArray(), casey.passwordHash())).isTrue();
        assertThat(casey.acceptsSessionSignedInAt(signedInEarlier)).isFalse();
        assertThat(casey.acceptsSessionSignedInAt(clock.instant())).isTrue();
        assertThat(tokens.all.get(0).usedAt()).contains(clock.instant());
        assertThat(auditEvents.appended).extracting(e -> e.detail())
                .containsExactly("password reset link sent", "password reset");
    }

    @Test
    void theLinkStopsWorkingAtThirtyMinutes() {
        resets.request(CASEY, CLIENT);
        clock.advance(Duration.ofMinutes(30));

        assertThatThrownBy(() -> resets.check(sentToken())).isInstanceOf(PasswordResetException.class)
                .extracting(e -> ((PasswordResetException) e).reason()).isEqualTo(PasswordResetException.Reason.EXPIRED);
        assertThatThrownBy(() -> resets.reset(sentToken(), "a-new-pass-phrase".toCharArray()))
                .isInstanceOf(PasswordResetException.class).hasMessageNotContaining(sentToken());
        assertThat(HASHER.matches("first-password-1".toCharArray(), casey.passwordHash())).isTrue();
    }

    @Test
    void theLinkWorksOnce() {
        resets.request(CASEY, CLIENT);
        resets.reset(sentToken(), "a-new-pass-phrase".toCharArray());

        assertThat(reasonFor(() -> resets.reset(sentToken(), "another-pass-phrase".toCharArray())))
                .isEqualTo(PasswordResetException.Reason.USED);
        assertThat(HASHER.matches("a-new-pass-phrase".toCharArray(), casey.passwordHash())).isTrue();
    }

    @Test
    void aPasswordOutsideTheRulesIsRefusedWithoutUsingTheLinkUp() {
        resets.request(CASEY, CLIENT);

        assertThatExceptionOfType(InvalidField.class).isThrownBy(() -> resets.reset(sentToken(), "too-short".toCharArray()));
        resets.reset(sentToken(), "long-enough-this-time".toCharArray());
    }

    @Test
    void anUnknownTokenIsRefusedAsUnknown() {
        resets.request(CASEY, CLIENT);

        assertThat(reasonFor(() -> resets.check("not-a-token-we-made"))).isEqualTo(PasswordResetException.Reason.UNKNOWN);
        assertThat(reasonFor(() -> resets.check(null))).isEqualTo(PasswordResetException.Reason.UNKNOWN);
        assertThat(reasonFor(() -> resets.reset("x".repeat(101), "a-new-pass-phrase".toCharArray())))
                .isEqualTo(PasswordResetException.Reason.UNKNOWN);
    }

    @Test
    void aNewerLinkReplacesTheOlderOne() {
        resets.request(CASEY, CLIENT);
        String older = sentToken();
        clock.advance(Duration.ofMinutes(1));
        resets.request(CASEY, CLIENT);

        assertThat(reasonFor(() -> resets.check(older))).isEqualTo(PasswordResetException.Reason.USED);
        resets.check(sentToken());
    }

    @Test
    void anAddressGetsThreeLinksAnHourAndTheFourthRequestIsAnsweredButSendsNothing() {
        for (int i = 0; i < 4; i++) {
            resets.request(CASEY, "192.0.2." + i);
        }
        assertThat(sent()).hasSize(3);

        clock.advance(Duration.ofHours(1));
        resets.request(CASEY, CLIENT);
        assertThat(sent()).hasSize(4);
    }

    @Test
    void aClientAsksTenTimesAnHourWhateverTheAddresses() {
        for (int i = 0; i < 11; i++) {
            resets.request(i == 10 ? CASEY : new EmailAddress("someone" + i + "@example.org"), CLIENT);
        }
        assertThat(sent()).isEmpty();

        resets.request(CASEY, "198.51.100.7");
        assertThat(sent()).hasSize(1);
    }

    @Test
    void changingThePasswordEndsTheSessionsSignedInBeforeAndIsAudited() {
        AccountService service = new AccountService(accounts, null, null, new org.waypoint.core.testing.InMemory.IdentityProviders(), HASHER, new AuditTrail(auditEvents, clock),
                new org.waypoint.core.testing.InMemory.Events(), clock);
        Instant signedIn = clock.instant();
        clock.advance(Duration.ofMinutes(5));

        assertThat(service.changePassword(casey.asActor(), "first-password-1".toCharArray(),
                "a-new-pass-phrase".toCharArray())).isTrue();

        assertThat(service.actorOf(casey.id(), signedIn)).isEmpty();
        assertThat(service.actorOf(casey.id(), clock.instant())).contains(casey.asActor());
        assertThat(auditEvents.appended).extracting(e -> e.detail()).containsExactly("password changed");
    }

    @Test
    void everyRefusedSignInIsAnnouncedWithItsReasonAndTheOneThatLocksTheAccountSaysSo() {
        org.waypoint.core.testing.InMemory.Events signIns = new org.waypoint.core.testing.InMemory.Events();
        AccountService service = new AccountService(accounts, null, null, new org.waypoint.core.testing.InMemory.IdentityProviders(), HASHER, new AuditTrail(auditEvents, clock), signIns, clock);

        service.signIn(new EmailAddress("nobody@example.org"), "whatever-it-is".toCharArray());
        for (int i = 0; i < 5; i++) {
            service.signIn(CASEY, "not-the-password".toCharArray());
        }
        service.signIn(CASEY, "first-password-1".toCharArray());

        assertThat(signIns.published).containsExactly(
                new SignInFailed(SignInFailed.Reason.UNKNOWN_ACCOUNT, false),
                new SignInFailed(SignInFailed.Reason.WRONG_PASSWORD, false),
                new SignInFailed(SignInFailed.Reason.WRONG_PASSWORD, false),
                new SignInFailed(SignInFailed.Reason.WRONG_PASSWORD, false),
                new SignInFailed(SignInFailed.Reason.WRONG_PASSWORD, false),
                new SignInFailed(SignInFailed.Reason.WRONG_PASSWORD, true),
                new SignInFailed(SignInFailed.Reason.REFUSED, false));
        assertThat(auditEvents.appended).as("each refusal on its account, by whoever was signing in; the unknown address leaves none")
                .allSatisfy(e -> {
                    assertThat(e.recordType()).isEqualTo(AuditTrail.ACCOUNT);
                    assertThat(e.recordId()).isEqualTo(casey.id());
                    assertThat(e.outcome()).isEqualTo(org.waypoint.core.audit.AuditEvent.Outcome.REFUSED);
                    assertThat(e.actorUserId()).isEqualTo(AccountService.SIGNING_IN);
                })
                .extracting(e -> e.detail()).containsExactly("wrong password", "wrong password", "wrong password", "wrong password",
                        "wrong password; the account is locked for a while", "password sign-in refused: the account is locked or disabled");
    }

    @Test
    void aSignInWithTheRightPasswordIsAuditedAsTheAccountsOwn() {
        AccountService service = new AccountService(accounts, null, null, new org.waypoint.core.testing.InMemory.IdentityProviders(), HASHER,
                new AuditTrail(auditEvents, clock), new org.waypoint.core.testing.InMemory.Events(), clock);

        assertThat(service.signIn(CASEY, "first-password-1".toCharArray())).isPresent();

        assertThat(auditEvents.appended).singleElement().satisfies(e -> {
            assertThat(e.actorUserId()).isEqualTo(casey.id());
            assertThat(e.recordId()).isEqualTo(casey.id());
            assertThat(e.outcome()).isEqualTo(org.waypoint.core.audit.AuditEvent.Outcome.SUCCESS);
            assertThat(e.detail()).isEqualTo("password accepted").doesNotContain("casey");
        });
    }

    private List<PasswordResetRequested> sent() {
        return events.published.stream().map(PasswordResetRequested.class::cast).toList();
    }

    private String sentToken() {
        List<PasswordResetRequested> sent = sent();
        return sent.get(sent.size() - 1).token();
    }

    private static PasswordResetException.Reason reasonFor(Runnable use) {
        try {
            use.run();
        } catch (PasswordResetException e) {
            return e.reason();
        }
        throw new AssertionError("the link was not refused");
    }

    private static PasswordHasher configuredHasher() {
        PasswordHasher hasher = new PasswordHasher(new Pbkdf2PasswordHashImpl());
        hasher.configure();
        return hasher;
    }

    private static final class Accounts implements UserAccountRepository {
        private final Map<String, UserAccount> byId = new HashMap<>();

        UserAccount with(UserAccount account) {
            add(account);
            return account;
        }

        @Override
        public Optional<UserAccount> find(String id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Optional<UserAccount> findByEmail(EmailAddress email) {
            return byId.values().stream().filter(a -> a.email().equals(email)).findFirst();
        }

        @Override
        public Optional<UserAccount> findByProviderSubject(String issuer, String subject) {
            return byId.values().stream().filter(a -> a.providerSubject(issuer).filter(subject::equals).isPresent()).findFirst();
        }

        @Override
        public List<UserAccount> findAll() {
            return List.copyOf(byId.values());
        }

        @Override
        public void add(UserAccount account) {
            byId.put(account.id(), account);
        }
    }

    private static final class Tokens implements PasswordResetTokenRepository {
        private final List<PasswordResetToken> all = new ArrayList<>();

        @Override
        public void add(PasswordResetToken token) {
            all.add(token);
        }

        @Override
        public Optional<PasswordResetToken> findByHash(String tokenHash) {
            return all.stream().filter(t -> t.tokenHash().equals(tokenHash)).findFirst();
        }

        @Override
        public boolean markUsed(String tokenId, Instant now) {
            Optional<PasswordResetToken> unused = all.stream()
                    .filter(t -> t.id().equals(tokenId) && t.usedAt().isEmpty()).findFirst();
            unused.ifPresent(t -> t.markUsed(now));
            return unused.isPresent();
        }

        @Override
        public void withdrawUnused(String userId, Instant now) {
            all.stream().filter(t -> t.userId().equals(userId) && t.usedAt().isEmpty()).forEach(t -> t.markUsed(now));
        }
    }

    /** The same fixed windows as the database's throttle. */
    private static final class CountingThrottle implements Throttle {
        private final Map<String, Instant> windowStart = new HashMap<>();
        private final Map<String, Integer> hits = new HashMap<>();

        @Override
        public boolean tryAcquire(String key, int limit, Duration window, Instant now) {
            Instant start = windowStart.get(key);
            if (start == null || !start.isAfter(now.minus(window))) {
                windowStart.put(key, now);
                hits.put(key, 1);
                return limit > 0;
            }
            if (hits.get(key) >= limit) {
                return false;
            }
            hits.merge(key, 1, Integer::sum);
            return true;
        }
    }
}
