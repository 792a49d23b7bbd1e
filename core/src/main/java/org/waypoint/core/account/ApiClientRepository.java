package org.waypoint.core.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where API clients and their access tokens are kept. */
public interface ApiClientRepository {

    Optional<ApiClientAccount> find(String id);

    List<ApiClientAccount> findAll();

    void add(ApiClientAccount client);

    Optional<ApiAccessToken> findTokenByHash(String tokenHash);

    void addToken(ApiAccessToken token);

    /** Forgets the client's tokens that expired before {@code now}: they are worth nothing. */
    void removeExpiredTokens(String clientId, Instant now);
}
