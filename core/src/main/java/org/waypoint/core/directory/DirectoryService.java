package org.waypoint.core.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import org.waypoint.core.account.Role;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationRepository;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.DomainEvents;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.NotPermittedException;
import org.waypoint.core.shared.StaleVersionException;

/** Use cases that read and keep the directory of support services, and match people to services. */
@ApplicationScoped
public class DirectoryService {

    private final SupportServiceRepository services;
    private final OrganisationRepository organisations;
    private final DomainEvents events;
    private final DirectorySnapshots snapshots;

    @Inject
    public DirectoryService(SupportServiceRepository services, OrganisationRepository organisations,
                            DomainEvents events, Clock clock) {
        this.services = services;
        this.organisations = organisations;
        this.events = events;
        this.snapshots = new DirectorySnapshots(
                () -> services.findAll().stream().map(ServiceProfile::of).toList(), clock);
    }

    /** For CDI's proxy only. */
    protected DirectoryService() {
        this.services = null;
        this.organisations = null;
        this.events = null;
        this.snapshots = null;
    }

    /** The whole directory in name order, closed services included (they say they are closed). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SupportService> listServices() {
        return services.findAll();
    }

    /** The support categories a service may offer and a referral may ask for. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ServiceCategory> categories() {
        return services.categories();
    }

    /** One service; the directory is public, so anyone may look. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SupportService get(String serviceId) {
        return services.find(serviceId).orElseThrow(() -> new NotFoundException("service"));
    }

    /** An administrator adds a service to the directory. */
    @Transactional
    public SupportService create(Actor actor, ServiceDefinition definition) {
        actor.requireRole(Role.ADMIN, "add services");
        Organisation owner = organisations.find(definition.organisationId())
                .orElseThrow(() -> new NotFoundException("organisation"));
        SupportService service = new SupportService(owner, definition.name(), definition.description(),
                categories(definition.categoryCodes()), definition.postcodePrefixes(), definition.referralInbox());
        service.acknowledgementTarget(definition.acknowledgementTargetWorkingDays());
        services.add(service);
        events.publish(new DirectoryChanged(service.id()));
        return service;
    }

    /** An administrator changes what a service is, offers and covers. */
    @Transactional
    public SupportService update(Actor actor, String serviceId, ServiceDefinition definition, OptionalLong expectedVersion) {
        actor.requireRole(Role.ADMIN, "change services");
        SupportService service = get(serviceId);
        StaleVersionException.requireCurrent("service", service.version(), expectedVersion);
        service.describe(definition.name(), definition.description(), categories(definition.categoryCodes()),
                definition.postcodePrefixes(), definition.referralInbox());
        service.acknowledgementTarget(definition.acknowledgementTargetWorkingDays());
        events.publish(new DirectoryChanged(service.id()));
        return service;
    }

    /**
     * Opens a service, puts it on a waiting list of {@code waitWeeks} weeks, or closes it: an
     * administrator, or the staff of the organisation that provides it.
     */
    @Transactional
    public SupportService changeCapacity(Actor actor, String serviceId, Capacity capacity, int waitWeeks,
                                         OptionalLong expectedVersion) {
        SupportService service = get(serviceId);
        boolean ownStaff = actor.is(Role.SERVICE_STAFF) && actor.belongsTo(service.organisation().id());
        if (!actor.is(Role.ADMIN) && !ownStaff) {
            throw new NotPermittedException("change this service's capacity");
        }
        StaleVersionException.requireCurrent("service", service.version(), expectedVersion);
        switch (capacity) {
            case OPEN -> service.open();
            case WAITING_LIST -> service.waitingList(waitWeeks);
            case CLOSED -> service.close();
        }
        events.publish(new DirectoryChanged(service.id()));
        return service;
    }

    private List<ServiceCategory> categories(List<String> codes) {
        if (codes == null) {
            throw new IllegalArgumentException("categories are required");
        }
        return codes.stream()
                .map(code -> services.category(code).orElseThrow(() -> new IllegalArgumentException("no category " + code)))
                .toList();
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
