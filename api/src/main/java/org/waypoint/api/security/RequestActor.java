package org.waypoint.api.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.CurrentActor;
import org.waypoint.core.shared.NotSignedInException;

/** The actor of the request being served, as the authentication filter found it. */
@RequestScoped
public class RequestActor implements CurrentActor {

    private Actor actor;

    public void signedIn(Actor signedIn) {
        this.actor = signedIn;
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
