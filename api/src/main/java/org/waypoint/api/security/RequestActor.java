package org.waypoint.api.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import org.waypoint.core.account.ApiScope;
import org.waypoint.core.account.Caller;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.CurrentActor;
import org.waypoint.core.shared.NotSignedInException;

/**
 * The actor of the request being served: the {@link Caller} the application's authentication mechanism
 * found, or nobody. The mechanism hands the caller to the container (whose role checks use it) and
 * leaves it in the request as well, under {@link #CALLER}: the request keeps it through every dispatch,
 * where Payara's security context has lost it by the time an error page is rendered.
 */
@RequestScoped
public class RequestActor implements CurrentActor {

    /** The request attribute holding the caller the authentication mechanism found. */
    public static final String CALLER = "org.waypoint.caller";

    @Inject
    HttpServletRequest request;

    /** Who is calling, if anyone signed in. */
    public Optional<Caller> caller() {
        return request.getAttribute(CALLER) instanceof Caller caller ? Optional.of(caller) : Optional.empty();
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
