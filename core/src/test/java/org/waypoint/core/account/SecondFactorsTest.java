package org.waypoint.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.waypoint.core.account.SecondFactors.Check;
import org.waypoint.core.account.persistence.JpaBrowserSessionRepository;
import org.waypoint.core.account.persistence.JpaRecoveryCodeRepository;
import org.waypoint.core.account.persistence.JpaUserAccountRepository;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.testing.InMemory;
import org.waypoint.core.testing.MutableClock;
import org.waypoint.core.testing.TestDatabase;

/**
 * Second factors on the migrated database (Derby, or PostgreSQL by profile), each call in a
 * transaction of its own as in the server, with the clock moved by hand.
 */
class SecondFactorsTest {

    private static TestDatabase db;
    private static Organisation unit;

    /** Five seconds into a step, so that the step after is 25 seconds away. */
    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(Totp.step(Instant.parse("2026-11-30T09:00:00Z")) * 30 + 5));
    private final InMemory.AuditEvents audit = new InMemory.AuditEvents();
    private final List<Object> events = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        db = TestDatabase.fresh();
        unit = db.inTransaction(em -> {
            Organisation police = new Organisation("Victim Care Unit", OrganisationKind.REFERRER);
            em.persist(police);
            return police;
        });
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void whoMustHaveOneIsSetButAdministratorsAlwaysMust() {
        Actor admin = account("admin-rule", Role.ADMIN);
        Actor casey = account("casey-rule", Role.CASEWORKER);

        assertThat(stage("everyone", casey)).isEqualTo(BrowserSession.Stage.ENROL);
        assertThat(stage("administrators", casey)).isEqualTo(BrowserSession.Stage.SIGNED_IN);
        assertThat(stage("administrators", admin)).isEqualTo(BrowserSession.Stage.ENROL);
        assertThatThrownBy(() -> new SecondFactors(null, null, null, null, clock, "nobody"))
                .isInstanceOf(IllegalArgumentException.class);

        enrol(casey);
        assertThat(stage("administrators", casey)).as("optional, but set up").isEqualTo(BrowserSession.Stage.CODE);
    }

    @Test
    void settingUpShowsOneSecretUntilAFirstCodeConfirmsItAndEndsEveryEarlierSession() throws Exception {
        Actor casey = account("casey-enrol", Role.CASEWORKER);
        String session = db.inTransaction(em -> sessions(em).start(casey));
        String secret = factors(f -> f.enrolmentSecret(casey));
        String again = factors(f -> f.enrolmentSecret(casey));
        assertThat(again).as("shown again, the same").isEqualTo(secret);

        assertThat(confirm(casey, "000000".equals(code(secret, 0)) ? "111111" : "000000")).isEmpty();
        assertThat(status(casey).set()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        Optional<List<String>> recovery = confirm(casey, code(secret, 0));

        assertThat(recovery).hasValueSatisfying(codes -> assertThat(codes).hasSize(10).doesNotHaveDuplicates()
                .allSatisfy(c -> assertThat(c).matches("([A-Z2-7]{4}-){5}[A-Z2-7]{4}")));
        SecondFactors.Status status = status(casey);
        assertThat(status.set()).isTrue();
        assertThat(status.recoveryCodesLeft()).isEqualTo(10);
        assertThat(find(session)).as("the session begun before no longer stands").isEmpty();
        assertThat(audit.appended).extracting(e -> e.detail()).as("the wrong first code, then the set-up").containsExactly("wrong code", "second factor set up");
        try (Connection connection = db.jdbc(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT totp_secret FROM user_account WHERE id = '" + casey.userId() + "'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).as("encrypted at rest").isNotEqualTo(secret).doesNotContain(secret);
        }
    }

    @Test
    void aCodeIsAcceptedAStepEitherSideAndNeverTwiceNorForAnEarlierStep() {
        Actor casey = account("casey-replay", Role.CASEWORKER);
        String secret = enrol(casey);
        clock.advance(Duration.ofSeconds(30));

        assertThat(check(casey, code(secret, 0))).as("its step was used to set it up").isEqualTo(Check.WRONG);
        assertThat(check(casey, code(secret, 1))).isEqualTo(Check.ACCEPTED);
        assertThat(check(casey, code(secret, 1))).as("replayed within its window").isEqualTo(Check.WRONG);
        assertThat(check(casey, code(secret, 2))).as("the step after").isEqualTo(Check.ACCEPTED);
        assertThat(check(casey, code(secret, 1))).as("an earlier step").isEqualTo(Check.WRONG);
        clock.advance(Duration.ofSeconds(90));
        assertThat(check(casey, code(secret, 4))).as("the step before").isEqualTo(Check.ACCEPTED);
        assertThat(check(casey, code(secret, 7))).as("two steps ahead").isEqualTo(Check.WRONG);
    }

    @Test
    void fiveWrongCodesInARowLockCodesForFifteenMinutesWhateverThePassword() {
        Actor casey = account("casey-locked", Role.CASEWORKER);
        String secret = enrol(casey);
        clock.advance(Duration.ofSeconds(30));
        String wrong = "000000".equals(code(secret, 1)) ? "111111" : "000000";

        for (int i = 1; i <= 4; i++) {
            assertThat(check(casey, wrong)).as("wrong code %d", i).isEqualTo(Check.WRONG);
        }
        assertThat(check(casey, wrong)).isEqualTo(Check.LOCKED);
        assertThat(check(casey, code(secret, 1))).as("even the right one").isEqualTo(Check.LOCKED);
        assertThat(events).filteredOn(e -> e instanceof SignInFailed f && f.reason() == SignInFailed.Reason.WRONG_CODE).hasSize(5);
        clock.advance(UserAccount.LOCK);
        assertThat(check(casey, Totp.code(secret, Totp.step(clock.instant())))).isEqualTo(Check.ACCEPTED);
        assertThat(audit.appended).filteredOn(e -> casey.userId().equals(e.recordId()))
                .extracting(e -> e.detail() + " / " + e.outcome() + " / " + e.actorUserId())
                .as("every code in the audit trail: refusals by whoever was signing in, the accepted one as the account's")
                .endsWith("wrong code / REFUSED / signing-in", "wrong code / REFUSED / signing-in", "wrong code / REFUSED / signing-in",
                        "wrong code / REFUSED / signing-in", "wrong code; codes are locked for a while / REFUSED / signing-in",
                        "code refused: codes are locked for a while / REFUSED / signing-in",
                        "authenticator code accepted / SUCCESS / " + casey.userId());
    }

    @Test
    void recoveryCodesAreKeptHashedWorkOnceAndRenewingThemWithdrawsTheOld() throws Exception {
        Actor casey = account("casey-recovery", Role.CASEWORKER);
        String secret = factors(f -> f.enrolmentSecret(casey));
        List<String> codes = confirm(casey, code(secret, 0)).orElseThrow();

        assertThat(codes).as("120 bits each, in groups of four").allMatch(c -> c.matches("([A-Z2-7]{4}-){5}[A-Z2-7]{4}"));
        assertThat(check(casey, codes.get(0).toLowerCase().replace("-", " "))).isEqualTo(Check.ACCEPTED);
        assertThat(check(casey, codes.get(0))).as("once only").isEqualTo(Check.WRONG);
        assertThat(status(casey).recoveryCodesLeft()).isEqualTo(9);
        Actor robin = account("robin-recovery", Role.CASEWORKER);
        enrol(robin);
        assertThat(check(robin, codes.get(1))).as("another account's").isEqualTo(Check.WRONG);
        try (Connection connection = db.jdbc(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT code_hash FROM recovery_code WHERE user_id = '" + casey.userId() + "'")) {
            int count = 0;
            while (rows.next()) {
                count++;
                assertThat(rows.getString(1)).hasSize(64).isNotIn(codes);
            }
            assertThat(count).isEqualTo(10);
        }

        db.inTransaction(em -> {
            new JpaRecoveryCodeRepository(em).add(new RecoveryCode(casey.userId(), AccountService.hash("ABCDEFGHJKLM"), clock.instant()));
            return null;
        });
        assertThat(check(casey, "abcd-efgh-jklm")).as("a 60-bit code made before codes grew").isEqualTo(Check.ACCEPTED);

        List<String> renewed = factors(f -> f.renewRecoveryCodes(casey));
        assertThat(check(casey, codes.get(2))).as("withdrawn").isEqualTo(Check.WRONG);
        assertThat(check(casey, renewed.get(2))).isEqualTo(Check.ACCEPTED);
        assertThat(audit.appended).extracting(e -> e.detail()).contains("recovery code used", "recovery codes renewed");
    }

    @Test
    void anAdministratorResetsASecondFactorEndingTheSessionsAndNobodyElseMay() {
        Actor admin = account("admin-reset", Role.ADMIN);
        Actor casey = account("casey-reset", Role.CASEWORKER);
        enrol(casey);
        clock.advance(Duration.ofSeconds(1));

        assertThatThrownBy(() -> factors(f -> {
            f.reset(casey, casey.userId());
            return null;
        })).isInstanceOf(RuntimeException.class);
        factors(f -> {
            f.reset(admin, casey.userId());
            return null;
        });

        assertThat(status(casey).set()).isFalse();
        assertThat(stage("everyone", casey)).isEqualTo(BrowserSession.Stage.ENROL);
        boolean accepted = db.inTransaction(em -> em.find(UserAccount.class, casey.userId()).acceptsSessionSignedInAt(clock.instant().minusMillis(1)));
        assertThat(accepted).isFalse();
        long unused = db.inTransaction(em -> new JpaRecoveryCodeRepository(em).unused(casey.userId()));
        assertThat(unused).isZero();
        assertThat(audit.appended).last().satisfies(e -> {
            assertThat(e.recordId()).isEqualTo(casey.userId());
            assertThat(e.detail()).isEqualTo("second factor reset");
        });
    }

    @Test
    void aSessionWaitingForItsSecondFactorSignsNobodyInAndLastsTenMinutes() {
        Actor casey = account("casey-pending", Role.CASEWORKER);
        String pending = db.inTransaction(em -> sessions(em).start(casey, BrowserSession.Stage.CODE));

        assertThat(find(pending)).isEmpty();
        assertThat(pending(pending))
                .hasValueSatisfying(p -> assertThat(p.stage()).isEqualTo(BrowserSession.Stage.CODE));
        assertThat(listed(casey)).isEmpty();
        clock.advance(BrowserSession.PENDING.plusSeconds(1));
        assertThat(pending(pending)).isEmpty();
    }

    private BrowserSession.Stage stage(String required, Actor actor) {
        return factors(required, f -> f.afterPassword(actor));
    }

    private SecondFactors.Status status(Actor actor) {
        return factors(f -> f.status(actor));
    }

    private Optional<List<String>> confirm(Actor actor, String code) {
        return factors(f -> f.confirm(actor, code));
    }

    private Optional<BrowserSessions.SignedIn> find(String secret) {
        return db.inTransaction(em -> sessions(em).find(secret));
    }

    private Optional<BrowserSessions.Pending> pending(String secret) {
        return db.inTransaction(em -> sessions(em).findPending(secret));
    }

    private List<BrowserSession> listed(Actor actor) {
        return db.inTransaction(em -> sessions(em).of(actor));
    }

    private BrowserSessions sessions(jakarta.persistence.EntityManager em) {
        JpaUserAccountRepository users = new JpaUserAccountRepository(em);
        AccountService accounts = new AccountService() {
            @Override
            public Optional<Actor> actorOf(String userId, Instant signedInAt) {
                return users.find(userId).filter(a -> a.enabled() && a.acceptsSessionSignedInAt(signedInAt)).map(UserAccount::asActor);
            }
        };
        return new BrowserSessions(new JpaBrowserSessionRepository(em), accounts, users, new AuditTrail(audit, clock), clock);
    }

    /** Sets a second factor up for {@code actor} now, answering its secret. */
    private String enrol(Actor actor) {
        String secret = factors(f -> f.enrolmentSecret(actor));
        long now = Totp.step(clock.instant());
        assertThat(confirm(actor, Totp.code(secret, now))).isPresent();
        return secret;
    }

    /** The code of the step {@code offset} steps after the test's first. */
    private String code(String secret, long offset) {
        return Totp.code(secret, Totp.step(Instant.ofEpochSecond(Totp.step(Instant.parse("2026-11-30T09:00:00Z")) * 30 + 5)) + offset);
    }

    private Check check(Actor actor, String code) {
        return factors(f -> f.check(actor, code));
    }

    private Actor account(String name, Role role) {
        return db.inTransaction(em -> {
            UserAccount account = new UserAccount(new EmailAddress(name + "@example.org"), name, role,
                    em.find(Organisation.class, unit.id()), "hash");
            em.persist(account);
            return account.asActor();
        });
    }

    private <T> T factors(Function<SecondFactors, T> work) {
        return factors("everyone", work);
    }

    private <T> T factors(String required, Function<SecondFactors, T> work) {
        return db.inTransaction(em -> work.apply(new SecondFactors(new JpaUserAccountRepository(em), new JpaRecoveryCodeRepository(em),
                new AuditTrail(audit, clock), events::add, clock, required)));
    }
}
