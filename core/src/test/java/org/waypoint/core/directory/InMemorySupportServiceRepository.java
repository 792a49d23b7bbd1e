package org.waypoint.core.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Keeps services in a list and changes by service, and counts how often the directory is read for matching, whole or a service at a time. */
final class InMemorySupportServiceRepository implements SupportServiceRepository {

    private final List<SupportService> services = new ArrayList<>();
    private int reads;
    private long version;
    private final Map<Long, String> changes = new HashMap<>();
    private int servicesRead;

    @Override
    public synchronized List<SupportService> findAll() {
        return services.stream().sorted(Comparator.comparing(SupportService::name).thenComparing(SupportService::id)).toList();
    }

    @Override
    public synchronized List<ServiceProfile> profiles() {
        reads++;
        return services.stream().map(ServiceProfile::of).toList();
    }

    @Override
    public synchronized Optional<SupportService> find(String id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    @Override
    public synchronized void add(SupportService service) {
        services.add(service);
    }

    @Override
    public List<ServiceCategory> categories() {
        return services.stream().flatMap(s -> s.categories().stream()).distinct()
                .sorted(Comparator.comparing(ServiceCategory::code)).toList();
    }

    @Override
    public Optional<ServiceCategory> category(String code) {
        return categories().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    @Override
    public synchronized long directoryVersion() {
        return version;
    }

    @Override
    public synchronized void countChange(Optional<String> serviceId) {
        version++;
        serviceId.ifPresent(id -> changes.put(version, id));
    }

    @Override
    public synchronized Optional<Set<String>> servicesChanged(long after, long upTo) {
        Set<String> ids = new HashSet<>();
        for (long v = after + 1; v <= upTo; v++) {
            if (!changes.containsKey(v)) {
                return Optional.empty();
            }
            ids.add(changes.get(v));
        }
        return Optional.of(ids);
    }

    @Override
    public synchronized List<ServiceProfile> profiles(Collection<String> ids) {
        servicesRead += ids.size();
        return services.stream().filter(s -> ids.contains(s.id())).map(ServiceProfile::of).toList();
    }

    /** How often the whole directory was read. */
    synchronized int reads() {
        return reads;
    }

    /** How many services were read one by one, after changes to them. */
    synchronized int servicesRead() {
        return servicesRead;
    }
}
