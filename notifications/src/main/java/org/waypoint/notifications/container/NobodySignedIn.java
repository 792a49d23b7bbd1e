package org.waypoint.notifications.container;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.CurrentActor;

/**
 * Until sign-in exists, nobody is signed in: every request that needs an actor is refused. The
 * implementation that comes with authentication replaces this one by being an enabled alternative
 * ({@code @Alternative @Priority(…)}), which CDI prefers over this plain bean.
 */
@RequestScoped
public class NobodySignedIn implements CurrentActor {

    @Override
    public Optional<Actor> get() {
        return Optional.empty();
    }
}
