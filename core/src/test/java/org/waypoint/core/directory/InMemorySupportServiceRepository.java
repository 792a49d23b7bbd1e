package org.waypoint.core.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Keeps services in a list, and counts how often the whole directory is read for matching. */
final class InMemorySupportServiceRepository implements SupportServiceRepository {

    private final List<SupportService> services = new ArrayList<>();
    private int reads;
    private long version;

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
    public synchronized void countChange() {
        version++;
    }

    synchronized int reads() {
        return reads;
    }
}
