package org.waypoint.core.account;

import java.time.Instant;
import java.util.Optional;

/** Where sign-ins through organisations' providers wait for the browser to come back. */
public interface OrganisationSignInAttemptRepository {

    void add(OrganisationSignInAttempt attempt);

    /**
     * Takes the attempt with this state's hash: finds it and deletes it, so that of two requests with
     * the same state only one gets it.
     */
    Optional<OrganisationSignInAttempt> take(String stateHash);

    /** Deletes the attempts started before {@code before}, answering how many. */
    int removeStartedBefore(Instant before);
}
