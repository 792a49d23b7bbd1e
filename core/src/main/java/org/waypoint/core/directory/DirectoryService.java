package org.waypoint.core.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Use cases that read and keep the directory of support services, and match people to services. */
@ApplicationScoped
public class DirectoryService {

    private final SupportServiceRepository services;
    private final DirectorySnapshots snapshots;

    @Inject
    public DirectoryService(SupportServiceRepository services) {
        this(services, Clock.systemUTC());
    }

    public DirectoryService(SupportServiceRepository services, Clock clock) {
        this.services = services;
        this.snapshots = new DirectorySnapshots(
                () -> services.findAll().stream().map(ServiceProfile::of).toList(), clock);
    }

    /** For CDI's proxy only. */
    protected DirectoryService() {
        this.services = null;
        this.snapshots = null;
    }

    /** The whole directory in name order, closed services included (they say they are closed). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SupportService> listServices() {
        return services.findAll();
    }

    /**
     * The services offered for the criteria, ranked and with their reasons, and on request every
     * service not offered with all the reasons why: see {@link DirectorySnapshot#match}. Matches
     * against a snapshot of the directory held in memory, taken afresh after a change made through
     * this instance and at least every 30 seconds, so a change made through another instance may
     * take that long to show.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MatchResult match(MatchCriteria criteria, boolean includeExclusions) {
        return snapshots.current().match(criteria, includeExclusions);
    }

    /** Once a change to the directory is committed, the next match takes a fresh snapshot. */
    void onDirectoryChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) DirectoryChanged change) {
        snapshots.changed();
    }
}
