package org.waypoint.core.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationRepository;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.NotFoundException;

/**
 * Use cases for API clients: the administrator registers, lists and revokes them; a client trades its
 * credentials for a short-lived access token (OAuth 2.0 client credentials); every request with such
 * a token is signed in here. Secrets and tokens are 256 random bits, so a SHA-256 hash keeps them as
 * safe as a slow password hash would, without its cost on every token request.
 */
@ApplicationScoped
public class ApiClients {

    public static final String TOKEN_VALIDITY = "waypoint.oauth.token-validity";
    /** Every access token starts so, which tells it from a personal token ({@code wp_}) before any lookup. */
    public static final String ACCESS_TOKEN_PREFIX = "wpat_";
    static final String SECRET_PREFIX = "wpcs_";
    static final Duration SHORTEST = Duration.ofSeconds(1);
    static final Duration LONGEST = Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiClientRepository clients;
    private final OrganisationRepository organisations;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration validity;

    @Inject
    public ApiClients(ApiClientRepository clients, OrganisationRepository organisations, AuditTrail audit, Clock clock,
                      @ConfigProperty(name = TOKEN_VALIDITY) String validity) {
        this.clients = clients;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
        this.validity = validity == null ? null : parseValidity(validity);
    }

    /** For CDI's proxy only. */
    protected ApiClients() {
        this(null, null, null, null, null);
    }

    static Duration parseValidity(String setting) {
        Duration parsed;
        try {
            parsed = Duration.parse(setting.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(TOKEN_VALIDITY + " is an ISO-8601 duration such as PT15M", e);
        }
        if (parsed.compareTo(SHORTEST) < 0 || parsed.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(TOKEN_VALIDITY + " is between PT1S and PT24H");
        }
        return parsed;
    }

    /** An administrator registers a client for an organisation; its secret is in the answer, and only there. */
    @Transactional
    public RegisteredApiClient register(Actor admin, String organisationId, String name, Role role, Set<ApiScope> scopes) {
        admin.requireRole(Role.ADMIN, "register API clients");
        Organisation organisation = organisations.find(organisationId).orElseThrow(() -> new NotFoundException("organisation"));
        String secret = SECRET_PREFIX + random();
        ApiClientAccount client = new ApiClientAccount(organisation, name, role, scopes, AccountService.hash(secret),
                clock.instant(), admin.userId());
        clients.add(client);
        audit.success(admin, AuditTrail.ACCOUNT, client.id(), AuditEvent.Action.CREATE, "API client registered");
        return new RegisteredApiClient(client, secret);
    }

    @Transactional
    public List<ApiClientAccount> list(Actor admin) {
        admin.requireRole(Role.ADMIN, "list API clients");
        return clients.findAll();
    }

    @Transactional
    public ApiClientAccount get(Actor admin, String id) {
        admin.requireRole(Role.ADMIN, "read API clients");
        return clients.find(id).orElseThrow(() -> new NotFoundException("API client"));
    }

    /** Revokes a client: it gets no more tokens, and the tokens it holds are refused from now on. */
    @Transactional
    public ApiClientAccount revoke(Actor admin, String id) {
        ApiClientAccount client = get(admin, id);
        client.revoke(clock.instant());
        audit.success(admin, AuditTrail.ACCOUNT, client.id(), AuditEvent.Action.UPDATE, "API client revoked");
        return client;
    }

    /**
     * The client-credentials grant: a new access token for the client whose secret this is, for the
     * scopes asked for (all of its own when none are). An unknown client, a wrong secret and a revoked
     * client are refused alike. Nothing here locks anybody out: the token endpoint is throttled by
     * address instead, so a stranger who knows a client id cannot shut the client out.
     */
    @Transactional
    public IssuedAccessToken issueToken(String clientId, String secret, Optional<String> requestedScopes) {
        Optional<ApiClientAccount> found = clientId == null || clientId.length() > 36 ? Optional.empty() : clients.find(clientId);
        String presented = AccountService.hash(secret == null ? "" : secret);
        if (found.isEmpty() || !found.get().hasSecretHash(presented) || !found.get().active()) {
            throw new ApiClientRefusedException(ApiClientRefusedException.Reason.INVALID_CLIENT, "client authentication failed");
        }
        ApiClientAccount client = found.get();
        Set<ApiScope> granted = client.scopes();
        Set<ApiScope> scopes = EnumSet.copyOf(granted);
        if (requestedScopes.isPresent()) {
            scopes = requestedScopes.flatMap(ApiScope::parseList)
                    .filter(asked -> !asked.isEmpty() && granted.containsAll(asked))
                    .map(EnumSet::copyOf)
                    .orElseThrow(() -> new ApiClientRefusedException(ApiClientRefusedException.Reason.INVALID_SCOPE,
                            "scope names a scope this client does not have"));
        }
        Instant now = clock.instant();
        clients.removeExpiredTokens(client.id(), now);
        String token = ACCESS_TOKEN_PREFIX + random();
        clients.addToken(new ApiAccessToken(client.id(), AccountService.hash(token), scopes, now, now.plus(validity)));
        return new IssuedAccessToken(token, scopes, validity);
    }

    /**
     * The client an access token stands for, while the token is unexpired and its client not revoked.
     * Like {@link AccountService#authenticate}, two reads that need no transaction of their own.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Caller> authenticate(String token) {
        if (token == null || !token.startsWith(ACCESS_TOKEN_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return clients.findTokenByHash(AccountService.hash(token))
                .filter(t -> t.isValidAt(now))
                .flatMap(t -> clients.find(t.clientId())
                        .filter(ApiClientAccount::active)
                        .map(client -> Caller.apiClient(client.asActor(), t.scopes())));
    }

    private static String random() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
