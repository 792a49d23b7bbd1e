package org.waypoint.core.account;

import java.time.Duration;
import java.util.Set;

/** An access token just issued: the secret is here once and is never stored or shown again. */
public record IssuedAccessToken(String secret, Set<ApiScope> scopes, Duration validity) {

    @Override
    public String toString() {
        return "IssuedAccessToken[…]";
    }
}
