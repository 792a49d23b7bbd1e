package org.waypoint.api.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.util.Optional;
import java.util.Set;
import org.waypoint.core.account.ApiScope;
import org.waypoint.core.account.Caller;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.CurrentActor;
import org.waypoint.core.shared.NotSignedInException;

/**
 * The actor of the request being served, as the container's security context holds it: the
 * {@link Caller} the application's authentication mechanism found, or nobody.
 */
@RequestScoped
public class RequestActor implements CurrentActor {

    @Inject
    SecurityContext security;

    /** Who is calling, if anyone signed in. */
    public Optional<Caller> caller() {
        return security.getPrincipalsByType(Caller.class).stream().findFirst();
    }

    /** The scopes of the API client's token; empty when a person is signed in, or nobody. */
    public Optional<Set<ApiScope>> apiClientScopes() {
        return caller().flatMap(Caller::scopes);
    }

    @Override
    public Optional<Actor> get() {
        return caller().map(Caller::actor);
    }

    /** The actor; resources guarded by a role can rely on there being one. */
    public Actor required() {
        return get().orElseThrow(NotSignedInException::new);
    }
}
