package org.waypoint.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.organisation.OrganisationRepository;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.NotPermittedException;
import org.waypoint.core.shared.RuleViolation;
import org.waypoint.core.testing.InMemory;
import org.waypoint.core.testing.MutableClock;

class ApiClientsTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private final Organisation police = new Organisation("Victim Care Unit", OrganisationKind.REFERRER);
    private final Organisation charity = new Organisation("Harbour Support Trust", OrganisationKind.PROVIDER);
    private final Actor admin = new Actor("00000000-0000-0000-0000-00000000000a", police.id(), Role.ADMIN);
    private final MutableClock clock = new MutableClock(START);
    private final Store store = new Store();
    private final ApiClients clients = new ApiClients(store, organisations(), new AuditTrail(new InMemory.AuditEvents(), clock),
            clock, "PT15M");

    @Test
    void aClientGetsATokenForItsScopesAndActsInItsRoleForItsOrganisation() {
        RegisteredApiClient registered = register(police, Role.CASEWORKER, ApiScope.REFERRALS_READ, ApiScope.REFERRALS_WRITE);

        IssuedAccessToken token = clients.issueToken(registered.client().id(), registered.secret(), Optional.empty());

        assertThat(token.secret()).startsWith(ApiClients.ACCESS_TOKEN_PREFIX);
        assertThat(token.validity()).isEqualTo(Duration.ofMinutes(15));
        Caller caller = clients.authenticate(token.secret()).orElseThrow();
        assertThat(caller.actor()).isEqualTo(new Actor(registered.client().id(), police.id(), Role.CASEWORKER));
        assertThat(caller.apiClientScopes()).containsExactlyInAnyOrder(ApiScope.REFERRALS_READ, ApiScope.REFERRALS_WRITE);
    }

    @Test
    void theSecretAndTheTokenAreKeptOnlyAsHashes() {
        RegisteredApiClient registered = register(police, Role.CASEWORKER, ApiScope.REFERRALS_READ);
        IssuedAccessToken token = clients.issueToken(registered.client().id(), registered.secret(), Optional.empty());

        assertThat(registered.client().hasSecretHash(AccountService.hash(registered.secret()))).isTrue();
        assertThat(store.tokens).singleElement().satisfies(stored -> assertThat(stored.toString()).doesNotContain(token.secret()));
        assertThat(store.findTokenByHash(AccountService.hash(token.secret()))).isPresent();
    }

    @Test
    void aScopeNarrowsTheTokenAndAScopeTheClientLacksIsRefused() {
        RegisteredApiClient registered = register(police, Role.CASEWORKER, ApiScope.REFERRALS_READ, ApiScope.REFERRALS_WRITE);
        String id = registered.client().id();

        assertThat(clients.issueToken(id, registered.secret(), Optional.of("referrals:read")).scopes())
                .containsExactly(ApiScope.REFERRALS_READ);
        assertRefused(() -> clients.issueToken(id, registered.secret(), Optional.of("referrals:read clients:write")),
                ApiClientRefusedException.Reason.INVALID_SCOPE);
        assertRefused(() -> clients.issueToken(id, registered.secret(), Optional.of("everything")),
                ApiClientRefusedException.Reason.INVALID_SCOPE);
    }

    @Test
    void aWrongSecretAnUnknownClientAndARevokedClientAreRefusedAlike() {
        RegisteredApiClient registered = register(police, Role.CASEWORKER, ApiScope.REFERRALS_READ);
        String id = registered.client().id();

        assertRefused(() -> clients.issueToken(id, registered.secret() + "x", Optional.empty()), ApiClientRefusedException.Reason.INVALID_CLIENT);
        assertRefused(() -> clients.issueToken("no-such-client", registered.secret(), Optional.empty()), ApiClientRefusedException.Reason.INVALID_CLIENT);
        assertRefused(() -> clients.issueToken(id, null, Optional.empty()), ApiClientRefusedException.Reason.INVALID_CLIENT);
        // Failures lock nothing: the right secret still works.
        assertThat(clients.issueToken(id, registered.secret(), Optional.empty()).secret()).isNotBlank();

        clients.revoke(admin, id);
        assertRefused(() -> clients.issueToken(id, registered.secret(), Optional.empty()), ApiClientRefusedException.Reason.INVALID_CLIENT);
    }

    @Test
    void revokingTheClientRefusesItsTokensAtOnceAndATokenExpires() {
        RegisteredApiClient first = register(police, Role.CASEWORKER, ApiScope.REFERRALS_READ);
        RegisteredApiClient second = register(charity, Role.SERVICE_STAFF, ApiScope.REFERRALS_READ);
        String revoked = clients.issueToken(first.client().id(), first.secret(), Optional.empty()).secret();
        String expiring = clients.issueToken(second.client().id(), second.secret(), Optional.empty()).secret();

        clients.revoke(admin, first.client().id());
        assertThat(clients.authenticate(revoked)).isEmpty();

        clock.advance(Duration.ofMinutes(14));
        assertThat(clients.authenticate(expiring)).isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(clients.authenticate(expiring)).isEmpty();
    }

    @Test
    void onlyAnAdministratorRegistersAndTheRoleMustFitTheOrganisation() {
        Actor caseworker = new Actor(admin.userId(), police.id(), Role.CASEWORKER);
        assertThatThrownBy(() -> clients.register(caseworker, police.id(), "x", Role.CASEWORKER, Set.of(ApiScope.REFERRALS_READ)))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> register(charity, Role.CASEWORKER, ApiScope.REFERRALS_READ)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> register(police, Role.SERVICE_STAFF, ApiScope.REFERRALS_READ)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> register(police, Role.ADMIN, ApiScope.REFERRALS_READ)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> clients.register(admin, police.id(), "x", Role.CASEWORKER, Set.of()))
                .isInstanceOf(InvalidField.class);
    }

    @Test
    void aPersonalTokenIsNoAccessToken() {
        assertThat(clients.authenticate("wp_something")).isEmpty();
        assertThat(clients.authenticate(null)).isEmpty();
    }

    @Test
    void theValiditySettingIsBounded() {
        assertThat(ApiClients.parseValidity("PT20S")).isEqualTo(Duration.ofSeconds(20));
        assertThatThrownBy(() -> ApiClients.parseValidity("P2D")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiClients.parseValidity("15 minutes")).isInstanceOf(IllegalArgumentException.class);
    }

    private RegisteredApiClient register(Organisation organisation, Role role, ApiScope... scopes) {
        return clients.register(admin, organisation.id(), "Case system", role, EnumSet.of(scopes[0], scopes));
    }

    private static void assertRefused(Runnable call, ApiClientRefusedException.Reason reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiClientRefusedException.class,
                refused -> assertThat(refused.reason()).isEqualTo(reason));
    }

    private OrganisationRepository organisations() {
        return new OrganisationRepository() {
            @Override
            public Optional<Organisation> find(String id) {
                return Optional.of(police).filter(o -> o.id().equals(id)).or(() -> Optional.of(charity).filter(o -> o.id().equals(id)));
            }

            @Override
            public Optional<Organisation> findByName(String name) {
                return Optional.empty();
            }

            @Override
            public List<Organisation> findAll() {
                return List.of(police, charity);
            }

            @Override
            public void add(Organisation organisation) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static final class Store implements ApiClientRepository {
        final List<ApiClientAccount> clients = new ArrayList<>();
        final List<ApiAccessToken> tokens = new ArrayList<>();
        final List<String> hashes = new ArrayList<>();

        @Override
        public Optional<ApiClientAccount> find(String id) {
            return clients.stream().filter(c -> c.id().equals(id)).findFirst();
        }

        @Override
        public List<ApiClientAccount> findAll() {
            return List.copyOf(clients);
        }

        @Override
        public void add(ApiClientAccount client) {
            clients.add(client);
        }

        @Override
        public Optional<ApiAccessToken> findTokenByHash(String tokenHash) {
            int at = hashes.indexOf(tokenHash);
            return at < 0 ? Optional.empty() : Optional.of(tokens.get(at));
        }

        @Override
        public void addToken(ApiAccessToken token) {
            tokens.add(token);
            hashes.add(token.tokenHash());
        }

        @Override
        public void removeExpiredTokens(String clientId, Instant now) {
        }
    }
}
