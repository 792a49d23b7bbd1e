package org.waypoint.core.shared;

import java.util.Objects;
import org.waypoint.core.account.Role;

/**
 * Who is acting: a signed-in user of one organisation in one role. Every use case takes one, and
 * every rule about who may see or do what is decided from it.
 */
public record Actor(String userId, String organisationId, Role role) {

    public Actor {
        Objects.requireNonNull(userId, "an actor has a user id");
        Objects.requireNonNull(organisationId, "an actor belongs to an organisation");
        Objects.requireNonNull(role, "an actor has a role");
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }

    /** Refuses the action unless the actor has {@code required}. */
    public void requireRole(Role required, String action) {
        if (role != required) {
            throw new NotPermittedException(action);
        }
    }

    public boolean belongsTo(String organisation) {
        return organisationId.equals(organisation);
    }
}
