package org.waypoint.core.account;

import java.util.List;
import java.util.Optional;

/** Where API tokens are kept, by the hash of their secret. */
public interface ApiTokenRepository {

    Optional<ApiToken> findByHash(String tokenHash);

    Optional<ApiToken> find(String id);

    List<ApiToken> ofUser(String userId);

    void add(ApiToken token);
}
