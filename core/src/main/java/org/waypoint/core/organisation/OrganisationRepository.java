package org.waypoint.core.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where organisations are kept. */
public interface OrganisationRepository {

    Optional<Organisation> find(String id);

    Optional<Organisation> findByName(String name);

    List<Organisation> findAll();

    /** The organisations with these ids, those that exist, in no particular order: one read for many. */
    default List<Organisation> findAll(Collection<String> ids) {
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    void add(Organisation organisation);
}
