package org.waypoint.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.waypoint.core.account.OrganisationSignInFailed.Reason;
import org.waypoint.core.account.OrganisationSignIns.Returning;
import org.waypoint.core.account.OrganisationSignIns.Started;
import org.waypoint.core.account.persistence.JpaOrganisationSignInAttemptRepository;
import org.waypoint.core.account.persistence.JpaUserAccountRepository;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.organisation.IdentityProvider;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.organisation.persistence.JpaIdentityProviderRepository;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.testing.InMemory;
import org.waypoint.core.testing.MutableClock;
import org.waypoint.core.testing.TestDatabase;

/**
 * A caseworker of a police unit whose staff sign in through the force's own provider: what the domain
 * keeps between leaving for the provider and coming back, and whose account a verified address signs in.
 */
class OrganisationSignInsTest {

    private static TestDatabase db;
    private static Organisation police;
    private static Organisation charity;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
    private final InMemory.AuditEvents audit = new InMemory.AuditEvents();

    @BeforeAll
    static void setUp() {
        db = TestDatabase.fresh();
        police = db.inTransaction(em -> {
            Organisation unit = new Organisation("Victim Care Unit", OrganisationKind.REFERRER);
            em.persist(unit);
            em.persist(new IdentityProvider(unit.id(), "https://login.police.example", "waypoint", "POLICE_IDP_SECRET", null));
            return unit;
        });
        charity = db.inTransaction(em -> {
            Organisation other = new Organisation("Counselling Charity", OrganisationKind.PROVIDER);
            em.persist(other);
            return other;
        });
        account("casey@police.example", police, true);
        account("off@police.example", police, false);
        account("sam@charity.example", charity, true);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void theBrowserThatBeganComesBackOnceWithinTenMinutesAndIsSignedInByItsVerifiedAddress() {
        Started started = signIns(s -> s.begin(police.id(), "/referrals/42"));

        assertThat(started.state()).isNotEqualTo(started.nonce()).matches("[A-Za-z0-9_-]{43}");
        assertThat(started.codeVerifier()).matches("[A-Za-z0-9_-]{43}");
        assertThat(started.provider().clientId()).isEqualTo("waypoint");

        clock.advance(Duration.ofMinutes(9));
        Returning back = signIns(s -> s.resume(started.state(), started.browserSecret()));
        assertThat(back.nonce()).isEqualTo(started.nonce());
        assertThat(back.codeVerifier()).isEqualTo(started.codeVerifier());
        assertThat(back.returnTo()).contains("/referrals/42");

        assertThat(failure(s -> s.resume(started.state(), started.browserSecret()))).as("used once")
                .isEqualTo(Reason.UNKNOWN_STATE);

        Actor casey = signIns(s -> s.signIn(police.id(), "casey-at-the-unit", "Casey@Police.example"));
        assertThat(casey.organisationId()).isEqualTo(police.id());
        assertThat(audit.appended).last().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
            assertThat(e.detail()).isEqualTo("signed in through the organisation's identity provider");
        });
        assertThat(audit.appended).extracting(AuditEvent::detail).contains("bound to the person the organisation's identity provider knows");
    }

    @Test
    void onceSignedInAnAccountIsThePersonTheProviderKnowsWhateverAddressItGivesThemLater() {
        account("robin@police.example", police, true);
        Actor robin = signIns(s -> s.signIn(police.id(), "robin-at-the-unit", "robin@police.example"));

        Actor renamed = signIns(s -> s.signIn(police.id(), "robin-at-the-unit", "robin.new-name@police.example"));
        assertThat(renamed).as("the same person, their address changed at the provider").isEqualTo(robin);
        assertThat(failure(s -> s.signIn(police.id(), "someone-else-at-the-unit", "robin@police.example")))
                .as("the address given to someone else").isEqualTo(Reason.OTHER_SUBJECT);
        Actor again = signIns(s -> s.signIn(police.id(), "robin-at-the-unit", "robin@police.example"));
        assertThat(again).isEqualTo(robin);
    }

    @Test
    void anotherBrowserALateOneOrAnUnknownStateIsRefusedAndTheStateIsUsedUpAllTheSame() {
        Started started = signIns(s -> s.begin(police.id(), null));
        assertThat(failure(s -> s.resume(started.state(), "another-browser"))).isEqualTo(Reason.OTHER_BROWSER);
        assertThat(failure(s -> s.resume(started.state(), started.browserSecret()))).isEqualTo(Reason.UNKNOWN_STATE);

        Started late = signIns(s -> s.begin(police.id(), null));
        clock.advance(Duration.ofMinutes(10));
        assertThat(failure(s -> s.resume(late.state(), late.browserSecret()))).isEqualTo(Reason.EXPIRED);

        assertThat(failure(s -> s.resume("never-begun", "x"))).isEqualTo(Reason.UNKNOWN_STATE);
        assertThat(failure(s -> s.resume(null, null))).isEqualTo(Reason.UNKNOWN_STATE);
    }

    @Test
    void theProviderVouchesOnlyForAnEnabledAccountOfItsOwnOrganisationAndEachRefusalIsAuditedWithoutTheAddress() {
        assertThat(failure(s -> s.signIn(police.id(), "subject-of-" + "nobody@police.example", "nobody@police.example"))).isEqualTo(Reason.UNKNOWN_ACCOUNT);
        assertThat(failure(s -> s.signIn(police.id(), "subject-of-" + "sam@charity.example", "sam@charity.example"))).isEqualTo(Reason.OTHER_ORGANISATION);
        assertThat(failure(s -> s.signIn(police.id(), "subject-of-" + "off@police.example", "off@police.example"))).isEqualTo(Reason.ACCOUNT_DISABLED);
        assertThat(failure(s -> s.signIn(police.id(), "subject-of-" + "not an address", "not an address"))).isEqualTo(Reason.NO_EMAIL);

        assertThat(audit.appended).extracting(AuditEvent::detail).containsExactly(
                "organisation sign-in refused: unknown account", "organisation sign-in refused: other organisation",
                "organisation sign-in refused: account disabled", "organisation sign-in refused: no email");
        assertThat(audit.appended).allSatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.REFUSED);
            assertThat(e.detail()).doesNotContain("@");
        });
    }

    @Test
    void thoseStaffsRightPasswordIsRefusedWithItsReasonAndAWrongOneReadsAsWrong() {
        PasswordHasher hasher = new PasswordHasher(new Pbkdf2PasswordHashImpl());
        hasher.configure();
        db.inTransaction(em -> {
            UserAccount withPassword = new UserAccount(new EmailAddress("pat@police.example"), "Pat", Role.CASEWORKER,
                    em.find(Organisation.class, police.id()), hasher.hash("a-long-password".toCharArray()));
            em.persist(withPassword);
            return null;
        });
        Function<String, Object> signIn = password -> db.inTransaction(em -> {
            AccountService accounts = new AccountService(new JpaUserAccountRepository(em), null, null,
                    new JpaIdentityProviderRepository(em), hasher, new AuditTrail(audit, clock), new InMemory.Events(), clock);
            return accounts.signIn(new EmailAddress("pat@police.example"), password.toCharArray());
        });

        assertThat(signIn.apply("not-the-password")).isEqualTo(java.util.Optional.empty());
        assertThatThrownBy(() -> signIn.apply("a-long-password")).isInstanceOf(PasswordSignInRefused.class)
                .extracting(e -> ((PasswordSignInRefused) e).key()).isEqualTo("error.signIn.organisationProvider");
    }

    private static void account(String email, Organisation organisation, boolean enabled) {
        db.inTransaction(em -> {
            UserAccount account = new UserAccount(new EmailAddress(email), "Someone", organisation.kind().refers()
                    ? Role.CASEWORKER : Role.SERVICE_STAFF, em.find(Organisation.class, organisation.id()), "hash");
            if (!enabled) {
                account.disable();
            }
            em.persist(account);
            return null;
        });
    }

    private <T> T signIns(Function<OrganisationSignIns, T> work) {
        return db.inTransaction(em -> work.apply(new OrganisationSignIns(new JpaOrganisationSignInAttemptRepository(em),
                new JpaIdentityProviderRepository(em), new JpaUserAccountRepository(em), new AuditTrail(audit, clock), clock)));
    }

    /** The reason {@code work} is refused; the transaction commits all the same, as the server's does. */
    private Reason failure(Function<OrganisationSignIns, ?> work) {
        return signIns(s -> {
            try {
                work.apply(s);
            } catch (OrganisationSignInFailed refused) {
                return refused.reason();
            }
            throw new AssertionError("not refused");
        });
    }
}
