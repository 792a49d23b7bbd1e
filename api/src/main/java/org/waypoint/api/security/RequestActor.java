package org.waypoint.api.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.Set;
import org.waypoint.core.account.ApiScope;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.CurrentActor;
import org.waypoint.core.shared.NotSignedInException;

/** The actor of the request being served, as the authentication filter found it. */
@RequestScoped
public class RequestActor implements CurrentActor {

    private Actor actor;
    private Set<ApiScope> scopes;

    public void signedIn(Actor signedIn) {
        this.actor = signedIn;
    }

    /** Signed in as an API client, whose token carries {@code granted}. */
    public void signedIn(Actor client, Set<ApiScope> granted) {
        this.actor = client;
        this.scopes = Set.copyOf(granted);
    }

    /** The scopes of the API client's token; empty when a person is signed in, or nobody. */
    public Optional<Set<ApiScope>> apiClientScopes() {
        return Optional.ofNullable(scopes);
    }

    @Override
    public Optional<Actor> get() {
        return Optional.ofNullable(actor);
    }

    /** The actor; resources guarded by a role can rely on there being one. */
    public Actor required() {
        return get().orElseThrow(NotSignedInException::new);
    }
}
