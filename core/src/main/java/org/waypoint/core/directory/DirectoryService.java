package org.waypoint.core.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Use cases that read and keep the directory of support services. */
@ApplicationScoped
public class DirectoryService {

    private final SupportServiceRepository services;

    @Inject
    public DirectoryService(SupportServiceRepository services) {
        this.services = services;
    }

    /** For CDI's proxy only. */
    protected DirectoryService() {
        this.services = null;
    }

    /** The whole directory in name order, closed services included (they say they are closed). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SupportService> listServices() {
        return services.findAll();
    }
}
