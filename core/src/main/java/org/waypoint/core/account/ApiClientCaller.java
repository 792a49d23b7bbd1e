package org.waypoint.core.account;

import java.util.Set;
import org.waypoint.core.shared.Actor;

/** An API client calling with a valid access token: the actor it acts as, and the scopes of that token. */
public record ApiClientCaller(Actor actor, Set<ApiScope> scopes) {

    public ApiClientCaller {
        scopes = Set.copyOf(scopes);
    }
}
