package org.waypoint.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.waypoint.core.account.persistence.JpaApiClientRepository;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.testing.TestDatabase;

/** API clients and their access tokens on the migrated database (Derby, or PostgreSQL by profile). */
class ApiClientStorageTest {

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00.123456Z");
    private static final String ADMIN = "00000000-0000-0000-0000-00000000000a";
    private static TestDatabase db;
    private static ApiClientAccount client;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.fresh();
        client = db.inTransaction(em -> {
            Organisation police = new Organisation("Victim Care Unit", OrganisationKind.REFERRER);
            em.persist(police);
            // The client names its organisation by id only, so nothing orders the two inserts but this.
            em.flush();
            ApiClientAccount account = new ApiClientAccount(police, "Case system", Role.CASEWORKER,
                    EnumSet.of(ApiScope.REFERRALS_READ, ApiScope.CLIENTS_WRITE), AccountService.hash("secret"), NOW, ADMIN);
            new JpaApiClientRepository(em).add(account);
            return account;
        });
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void aClientIsReadBackWithItsScopesRoleAndSecretHash() {
        ApiClientAccount found = db.inTransaction(em -> new JpaApiClientRepository(em).find(client.id())).orElseThrow();

        assertThat(found.scopes()).containsExactlyInAnyOrder(ApiScope.REFERRALS_READ, ApiScope.CLIENTS_WRITE);
        assertThat(found.role()).isEqualTo(Role.CASEWORKER);
        assertThat(found.hasSecretHash(AccountService.hash("secret"))).isTrue();
        assertThat(found.hasSecretHash(AccountService.hash("other"))).isFalse();
        assertThat(found.active()).isTrue();
    }

    @Test
    void aTokenIsFoundByItsHashAndExpiredOnesAreForgotten() {
        ApiAccessToken expired = new ApiAccessToken(client.id(), AccountService.hash("old"), EnumSet.of(ApiScope.REFERRALS_READ),
                NOW.minus(Duration.ofHours(1)), NOW.minus(Duration.ofMinutes(45)));
        ApiAccessToken live = new ApiAccessToken(client.id(), AccountService.hash("new"), EnumSet.of(ApiScope.REFERRALS_READ),
                NOW, NOW.plus(Duration.ofMinutes(15)));
        db.inTransaction(em -> {
            JpaApiClientRepository repository = new JpaApiClientRepository(em);
            repository.addToken(expired);
            repository.addToken(live);
            return null;
        });

        db.inTransaction(em -> {
            new JpaApiClientRepository(em).removeExpiredTokens(client.id(), NOW);
            return null;
        });

        Optional<ApiAccessToken> old = db.inTransaction(em -> new JpaApiClientRepository(em).findTokenByHash(AccountService.hash("old")));
        Optional<ApiAccessToken> current = db.inTransaction(em -> new JpaApiClientRepository(em).findTokenByHash(AccountService.hash("new")));
        assertThat(old).isEmpty();
        assertThat(current)
                .hasValueSatisfying(token -> {
                    assertThat(token.clientId()).isEqualTo(client.id());
                    assertThat(token.scopes()).containsExactly(ApiScope.REFERRALS_READ);
                    assertThat(token.isValidAt(NOW.plus(Duration.ofMinutes(14)))).isTrue();
                    assertThat(token.isValidAt(NOW.plus(Duration.ofMinutes(15)))).isFalse();
                });
    }
}
