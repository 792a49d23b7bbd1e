package org.waypoint.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.waypoint.core.account.BrowserSessions.SignedIn;
import org.waypoint.core.account.persistence.JpaBrowserSessionRepository;
import org.waypoint.core.account.persistence.JpaUserAccountRepository;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.testing.InMemory;
import org.waypoint.core.testing.MutableClock;
import org.waypoint.core.testing.TestDatabase;

/**
 * Browser sessions on the migrated database (Derby, or PostgreSQL by profile), each call in a
 * transaction of its own as in the server, with the clock moved by hand.
 */
class BrowserSessionsTest {

    private static TestDatabase db;
    private static Organisation unit;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
    private final InMemory.AuditEvents audit = new InMemory.AuditEvents();

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
    void aSessionIsFoundByItsSecretWhichIsKeptOnlyAsItsHash() throws Exception {
        Actor casey = account("casey", Role.CASEWORKER);

        String secret = sessions(s -> s.start(casey));

        assertThat(secret).matches("[A-Za-z0-9_-]{43}");
        assertThat(find(secret)).hasValueSatisfying(found -> assertThat(found.actor()).isEqualTo(casey));
        assertThat(find(secret + "x")).isEmpty();
        assertThat(find(null)).isEmpty();
        assertThat(find("")).isEmpty();
        try (Connection connection = db.jdbc();
             PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM browser_session WHERE token_hash IN (?, ?)")) {
            statement.setString(1, AccountService.hash(secret));
            statement.setString(2, secret);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).as("one row, by the hash alone").isEqualTo(1);
            }
        }
    }

    @Test
    void aSessionEndsThirtyMinutesIdleAndEightHoursAfterSignInHoweverBusy() {
        Actor casey = account("casey-idle", Role.CASEWORKER);
        String idle = sessions(s -> s.start(casey));
        String busy = sessions(s -> s.start(casey));

        clock.advance(Duration.ofMinutes(29));
        assertThat(find(idle)).isPresent();
        assertThat(findAndSee(busy)).isPresent();
        for (int use = 1; use <= 22; use++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(findAndSee(busy)).as("used every 20 minutes, use %d", use).isPresent();
        }
        assertThat(find(idle)).as("unused for hours").isEmpty();
        clock.advance(Duration.ofMinutes(11));
        assertThat(find(busy)).as("eight hours after sign-in").isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(find(busy)).as("past eight hours after sign-in").isEmpty();

        int swept = sessions(BrowserSessions::sweep);
        assertThat(swept).isGreaterThanOrEqualTo(2);
        assertThat(count(casey)).isZero();
    }

    @Test
    void aUseIsRecordedOnceAMinuteAtMost() {
        Actor casey = account("casey-seen", Role.CASEWORKER);
        String secret = sessions(s -> s.start(casey));

        assertThat(find(secret)).hasValueSatisfying(f -> assertThat(f.seenIsStale()).isFalse());
        clock.advance(Duration.ofSeconds(59));
        assertThat(find(secret)).hasValueSatisfying(f -> assertThat(f.seenIsStale()).isFalse());
        clock.advance(Duration.ofSeconds(1));
        assertThat(findAndSee(secret)).hasValueSatisfying(f -> assertThat(f.seenIsStale()).isTrue());
        assertThat(find(secret)).hasValueSatisfying(f -> assertThat(f.seenIsStale()).isFalse());
    }

    @Test
    void aDisabledAccountOrAPasswordChangedSinceSignInSignsNobodyIn() {
        Actor casey = account("casey-off", Role.CASEWORKER);
        Actor robin = account("robin-changed", Role.CASEWORKER);
        String caseys = sessions(s -> s.start(casey));
        String robins = sessions(s -> s.start(robin));

        db.inTransaction(em -> {
            em.find(UserAccount.class, casey.userId()).disable();
            return null;
        });
        clock.advance(Duration.ofSeconds(1));
        db.inTransaction(em -> {
            em.find(UserAccount.class, robin.userId()).changePassword("another-hash", clock.instant());
            return null;
        });

        assertThat(find(caseys)).isEmpty();
        assertThat(find(robins)).isEmpty();
        List<BrowserSession> robinsListed = sessions(s -> s.of(robin));
        assertThat(robinsListed).isEmpty();
    }

    @Test
    void aPersonSeesTheirSessionsAndEndsOneOrAllOthersAndSigningOutEndsTheirOwn() {
        Actor casey = account("casey-many", Role.CASEWORKER);
        Actor robin = account("robin-other", Role.CASEWORKER);
        String first = sessions(s -> s.start(casey));
        clock.advance(Duration.ofMinutes(1));
        String second = sessions(s -> s.start(casey));
        clock.advance(Duration.ofMinutes(1));
        String third = sessions(s -> s.start(casey));
        String robins = sessions(s -> s.start(robin));

        List<BrowserSession> listed = sessions(s -> s.of(casey));
        assertThat(listed).extracting(BrowserSession::id)
                .containsExactly(id(third), id(second), id(first));
        assertThatThrownBy(() -> sessions(s -> {
            s.end(robin, id(first));
            return null;
        })).as("another person's session").isInstanceOf(NotFoundException.class);

        sessions(s -> {
            s.end(casey, id(first));
            return null;
        });
        assertThat(find(first)).isEmpty();
        int others = sessions(s -> s.endOthers(casey, id(third)));
        assertThat(others).isEqualTo(1);
        assertThat(find(second)).isEmpty();
        assertThat(find(third)).isPresent();
        assertThat(audit.appended).extracting(e -> e.detail()).containsExactly("session ended", "1 other sessions ended");

        sessions(s -> {
            s.end(third);
            return null;
        });
        assertThat(find(third)).isEmpty();
        assertThat(find(robins)).as("nobody else's").isPresent();
    }

    @Test
    void anAdministratorEndsEverySessionOfAnAccountAndNobodyElseMay() {
        Actor admin = account("admin", Role.ADMIN);
        Actor casey = account("casey-ended", Role.CASEWORKER);
        String one = sessions(s -> s.start(casey));
        String two = sessions(s -> s.start(casey));

        assertThatThrownBy(() -> sessions(s -> s.endAll(casey, casey.userId()))).isInstanceOf(RuntimeException.class);
        int ended = sessions(s -> s.endAll(admin, casey.userId()));
        assertThat(ended).isEqualTo(2);

        assertThat(find(one)).isEmpty();
        assertThat(find(two)).isEmpty();
        assertThat(audit.appended).singleElement().satisfies(e -> {
            assertThat(e.recordId()).isEqualTo(casey.userId());
            assertThat(e.detail()).isEqualTo("all sessions ended (2)");
        });
    }

    private Actor account(String name, Role role) {
        return db.inTransaction(em -> {
            UserAccount account = new UserAccount(new EmailAddress(name + "@example.org"), name, role,
                    em.find(Organisation.class, unit.id()), "hash");
            em.persist(account);
            return account.asActor();
        });
    }

    /** Runs {@code work} on a {@link BrowserSessions} over the database, in a transaction of its own. */
    private <T> T sessions(Function<BrowserSessions, T> work) {
        return db.inTransaction(em -> {
            JpaUserAccountRepository users = new JpaUserAccountRepository(em);
            AccountService accounts = new AccountService() {
                @Override
                public Optional<Actor> actorOf(String userId, Instant signedInAt) {
                    return users.find(userId).filter(a -> a.enabled() && a.acceptsSessionSignedInAt(signedInAt))
                            .map(UserAccount::asActor);
                }
            };
            return work.apply(new BrowserSessions(new JpaBrowserSessionRepository(em), accounts, users,
                    new AuditTrail(audit, clock), clock));
        });
    }

    private Optional<SignedIn> find(String secret) {
        return sessions(s -> s.find(secret));
    }

    /** A request as the server makes it: find the session, and record the use when it is due. */
    private Optional<SignedIn> findAndSee(String secret) {
        Optional<SignedIn> found = find(secret);
        found.filter(SignedIn::seenIsStale).ifPresent(f -> sessions(s -> {
            s.seen(f.sessionId());
            return null;
        }));
        return found;
    }

    private String id(String secret) {
        return find(secret).map(SignedIn::sessionId).orElseThrow();
    }

    private long count(Actor actor) {
        return db.inTransaction(em -> em.createQuery("SELECT COUNT(s) FROM BrowserSession s WHERE s.userId = :u", Long.class)
                .setParameter("u", actor.userId()).getSingleResult());
    }
}
