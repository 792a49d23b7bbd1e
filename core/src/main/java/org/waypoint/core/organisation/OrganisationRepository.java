package org.waypoint.core.organisation;

import java.util.List;
import java.util.Optional;

/** Where organisations are kept. */
public interface OrganisationRepository {

    Optional<Organisation> find(String id);

    Optional<Organisation> findByName(String name);

    List<Organisation> findAll();

    void add(Organisation organisation);
}
