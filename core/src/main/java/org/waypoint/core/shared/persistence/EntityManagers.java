package org.waypoint.core.shared.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Makes the container's transaction-scoped entity manager injectable, so that repositories take it
 * in their constructors and tests can hand them one of their own.
 */
@ApplicationScoped
public class EntityManagers {

    @Produces
    @PersistenceContext(unitName = "waypoint")
    private EntityManager entityManager;
}
