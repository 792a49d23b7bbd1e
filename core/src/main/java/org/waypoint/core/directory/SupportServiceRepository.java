package org.waypoint.core.directory;

import java.util.List;
import java.util.Optional;

/** Where support services and the category taxonomy are kept. */
public interface SupportServiceRepository {

    /** Every service, ordered by name. */
    List<SupportService> findAll();

    Optional<SupportService> find(String id);

    void add(SupportService service);

    /** The whole taxonomy, ordered by code. */
    List<ServiceCategory> categories();

    Optional<ServiceCategory> category(String code);
}
