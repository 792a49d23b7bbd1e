package org.waypoint.core.directory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Where support services and the category taxonomy are kept. */
public interface SupportServiceRepository {

    /** Every service, ordered by name. */
    List<SupportService> findAll();

    /**
     * What matching needs of every service, in no particular order: the same as
     * {@link ServiceProfile#of} of each of {@link #findAll()}, read without loading the entities.
     */
    List<ServiceProfile> profiles();

    /** The same as {@link #profiles()} of the services with these ids that exist. */
    default List<ServiceProfile> profiles(Collection<String> ids) {
        Set<String> wanted = Set.copyOf(ids);
        return profiles().stream().filter(profile -> wanted.contains(profile.id())).toList();
    }

    /**
     * The opening times of those of these services that state any, by service id: what an import
     * compares a source's schedules with, read without loading the entities.
     */
    default Map<String, Set<OpeningTime>> openingTimes(Collection<String> ids) {
        Set<String> wanted = Set.copyOf(ids);
        return findAll().stream().filter(s -> wanted.contains(s.id()) && !s.openingTimes().isEmpty())
                .collect(Collectors.toMap(SupportService::id, s -> Set.copyOf(s.openingTimes())));
    }

    Optional<SupportService> find(String id);

    void add(SupportService service);

    /** The whole taxonomy, ordered by code. */
    List<ServiceCategory> categories();

    Optional<ServiceCategory> category(String code);

    /**
     * The directory's version: a number that every committed change to the directory moves on,
     * kept where every instance sharing the store can read it cheaply.
     */
    long directoryVersion();

    /** Moves the directory's version on, in the transaction making the change. */
    void countChange();

    /**
     * Sends the changes made so far in this transaction to the store and lets go of the services and
     * organisations read, so that a long import holds one batch in memory at a time. Anything read
     * before must be found again to be changed.
     */
    default void writePending() {
    }
}
