package org.waypoint.core.shared;

import java.util.Optional;

/** Who is signed in for the request being served, if anyone: filled by the API's and the pages' sign-in. */
public interface CurrentActor {

    Optional<Actor> get();
}
