package org.waypoint.core.directory;

import java.util.Collection;
import java.util.HashMap;
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

    Optional<SupportService> find(String id);

    /** Those of the given services (at most a few hundred) that exist, with their lists, in no particular order. */
    default List<SupportService> findAll(Collection<String> ids) {
        return findAll().stream().filter(service -> ids.contains(service.id())).toList();
    }

    void add(SupportService service);

    /**
     * Every service's opening times by service id, Monday first, read in one go: a service's own are
     * read one service at a time ({@link SupportService#openingTimes()}), which over the whole
     * directory would be a query a service.
     */
    default Map<String, List<OpeningTime>> openingTimes() {
        Map<String, List<OpeningTime>> times = new HashMap<>();
        findAll().forEach(service -> times.put(service.id(), service.openingTimes()));
        return times;
    }

    /** The whole taxonomy, ordered by code. */
    List<ServiceCategory> categories();

    Optional<ServiceCategory> category(String code);

    /**
     * The directory's version: a number that every committed change to the directory moves on,
     * kept where every instance sharing the store can read it cheaply.
     */
    long directoryVersion();

    /**
     * Moves the directory's version on, in the transaction making the change, and notes which service
     * it changed where it is one service (none for a change to the whole directory, such as an import).
     */
    void countChange(Optional<String> serviceId);

    /**
     * The services changed by the changes after version {@code after} up to version {@code upTo}, if
     * every one of them is on record as a change to one service; none if any is not (a change to the
     * whole directory, or one too old to be kept), and the whole directory must then be read again.
     */
    default Optional<Set<String>> servicesChanged(long after, long upTo) {
        return Optional.empty();
    }

    /** What matching needs of those of the given services that exist, as {@link #profiles()}. */
    default List<ServiceProfile> profiles(Collection<String> ids) {
        Set<String> wanted = Set.copyOf(ids);
        return profiles().stream().filter(profile -> wanted.contains(profile.id())).toList();
    }

    /**
     * What an import compares a chunk of its source with: {@link #profiles()} of the services whose ids
     * lie between {@code first} and {@code last}, both included. Ids are UUIDs in their canonical
     * spelling (lower case, the dashes in fixed places), which every database orders as Java does.
     * A range, unlike a list of ids, is read through the index however stale the database's plan.
     */
    default List<ServiceProfile> profilesBetween(String first, String last) {
        return profiles().stream().filter(profile -> between(profile.id(), first, last)).toList();
    }

    /** {@link #openingTimes()} of the services whose ids lie between {@code first} and {@code last}, both included. */
    default Map<String, List<OpeningTime>> openingTimesBetween(String first, String last) {
        return openingTimes().entrySet().stream().filter(e -> between(e.getKey(), first, last))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static boolean between(String id, String first, String last) {
        return id.compareTo(first) >= 0 && id.compareTo(last) <= 0;
    }

    /**
     * Sends the changes made so far in this transaction to the store and lets go of the services and
     * organisations read, so that a long import holds one batch in memory at a time. Anything read
     * before must be found again to be changed.
     */
    default void writePending() {
    }
}
