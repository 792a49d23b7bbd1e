package org.waypoint.core.shared;

import java.util.Optional;

/**
 * Who is signed in for the request being served, if anyone. Resources take the {@link Actor} for a
 * use case from here; an empty answer means nobody is signed in.
 */
public interface CurrentActor {

    Optional<Actor> get();
}
