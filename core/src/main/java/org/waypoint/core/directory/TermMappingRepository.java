package org.waypoint.core.directory;

import java.util.Map;

/**
 * Where the administrator's mapping of other directories' taxonomy terms to Waypoint's published
 * terms is kept (source term id to {@link PublishedTaxonomy} term id).
 */
public interface TermMappingRepository {

    /** Every mapping, source term id to Waypoint term id. */
    Map<String, String> all();

    /** Maps the source term to the Waypoint term, replacing any mapping it had. */
    void put(String sourceTermId, String waypointTermId);

    void remove(String sourceTermId);
}
