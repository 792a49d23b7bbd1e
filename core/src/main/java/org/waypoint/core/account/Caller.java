package org.waypoint.core.account;

import java.security.Principal;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.waypoint.core.shared.Actor;

/**
 * Who the authentication mechanism found calling: a person, or an API client with the scopes its token
 * grants. The container keeps it for the request; its name is the account's id, never an e-mail address.
 */
public record Caller(Actor actor, Set<ApiScope> apiClientScopes) implements Principal {

    public Caller {
        Objects.requireNonNull(actor, "a caller is an actor");
        apiClientScopes = apiClientScopes == null ? null : Set.copyOf(apiClientScopes);
    }

    /** A person signed in with a personal token, a browser session or their organisation's identity provider. */
    public static Caller person(Actor actor) {
        return new Caller(actor, null);
    }

    /** An API client, whose token grants {@code scopes}. */
    public static Caller apiClient(Actor actor, Set<ApiScope> scopes) {
        return new Caller(actor, Objects.requireNonNull(scopes, "an API client's token has scopes"));
    }

    /** The scopes when an API client called; empty for a person. */
    public Optional<Set<ApiScope>> scopes() {
        return Optional.ofNullable(apiClientScopes);
    }

    @Override
    public String getName() {
        return actor.userId();
    }
}
