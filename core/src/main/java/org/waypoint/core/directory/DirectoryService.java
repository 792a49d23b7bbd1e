package org.waypoint.core.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.waypoint.core.account.Role;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationRepository;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.DomainEvents;
import org.waypoint.core.shared.InvalidField;
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
    private final AuditTrail audit;
    private final Clock clock;

    @Inject
    public DirectoryService(SupportServiceRepository services, OrganisationRepository organisations,
                            DomainEvents events, AuditTrail audit, Clock clock) {
        this.services = services;
        this.organisations = organisations;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.snapshots = new DirectorySnapshots(services, clock);
    }

    /** For CDI's proxy only. */
    protected DirectoryService() {
        this.services = null;
        this.organisations = null;
        this.events = null;
        this.snapshots = null;
        this.audit = null;
        this.clock = null;
    }

    /** The whole directory in name order, closed services included (they say they are closed). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SupportService> listServices() {
        return services.findAll();
    }

    /**
     * Every service as matching sees it, in name order, from the snapshot held in memory: what the
     * public lists filter and page, so that a request reads only the page's services
     * ({@link #listServices(List)}), not the whole directory. A change shows as matching sees it: at
     * once through this instance, within about two seconds through another.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ServiceProfile> profiles() {
        return snapshots.current().services();
    }

    /** These services with their lists, in the order of the ids given; an id of no service is passed over. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SupportService> listServices(List<String> ids) {
        Map<String, SupportService> found = new HashMap<>();
        services.findAll(ids).forEach(service -> found.put(service.id(), service));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** Every service's opening times by service id, Monday first, read in one go. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, List<OpeningTime>> openingTimes() {
        return services.openingTimes();
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
        changed(service);
        return service;
    }

    /** Refuses as stale a change meant for a version other than the current one, before the change is looked at. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireCurrent(String serviceId, OptionalLong expectedVersion) {
        if (expectedVersion.isPresent()) {
            StaleVersionException.requireCurrent("service", get(serviceId).version(), expectedVersion);
        }
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
        changed(service);
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
        changed(service);
        return service;
    }

    /** The services of the staff member's own organisation, in name order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SupportService> ownServices(Actor actor) {
        actor.requireRole(Role.SERVICE_STAFF, "keep services");
        return services.findAll().stream().filter(s -> actor.belongsTo(s.organisation().id())).toList();
    }

    /** One service of the staff member's own organisation; any other is not found for them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SupportService ownService(Actor actor, String serviceId) {
        actor.requireRole(Role.SERVICE_STAFF, "keep services");
        return services.find(serviceId).filter(s -> actor.belongsTo(s.organisation().id()))
                .orElseThrow(() -> new NotFoundException("service"));
    }

    /**
     * Staff of the organisation providing a service, or an administrator, keep its entry (see
     * {@link ServiceEntry}). Anyone else is refused, and the attempt audited as denied. The change is
     * audited with the names of the fields that changed (never their values), sets the entry's last
     * modified time, and matching sees it once it commits. Saving what the entry says already changes nothing.
     */
    @Transactional(dontRollbackOn = {NotPermittedException.class, NotFoundException.class})
    public SupportService updateOwnEntry(Actor actor, String serviceId, ServiceEntry entry, OptionalLong expectedVersion) {
        SupportService service = get(serviceId);
        boolean ownStaff = actor.is(Role.SERVICE_STAFF) && actor.belongsTo(service.organisation().id());
        if (!ownStaff && !actor.is(Role.ADMIN)) {
            audit.record(actor, AuditTrail.SERVICE, serviceId, AuditEvent.Action.UPDATE, "keep entry", AuditEvent.Outcome.DENIED);
            throw new NotPermittedException("change this service's entry");
        }
        StaleVersionException.requireCurrent("service", service.version(), expectedVersion);
        ServiceEntry now = ServiceEntry.of(service);
        List<String> changed = new ArrayList<>();
        boolean recapacitated = now.capacity() != entry.capacity()
                || (entry.capacity() == Capacity.WAITING_LIST && now.waitWeeks() != entry.waitWeeks());
        addIf(changed, recapacitated, "capacity");
        boolean described = !now.description().equals(entry.description());
        boolean readdressed = !now.referralInbox().equals(entry.referralInbox());
        boolean moved = !now.postcodePrefixes().equals(entry.postcodePrefixes());
        if (described || readdressed || moved) {
            addIf(changed, described, "description");
            addIf(changed, readdressed, "inbox");
            addIf(changed, moved, "areas");
            // Before the capacity: an imported service gets its inbox in the change that opens it.
            entry.referralInbox().ifPresentOrElse(
                    inbox -> service.describe(service.name(), entry.description(), service.categories(),
                            entry.postcodePrefixes(), inbox),
                    () -> service.describeAsImported(service.name(), entry.description(), service.categories(),
                            entry.postcodePrefixes()));
        }
        if (recapacitated) {
            switch (entry.capacity()) {
                case OPEN -> service.open();
                case WAITING_LIST -> service.waitingList(entry.waitWeeks());
                case CLOSED -> service.close();
            }
        }
        if (!service.confidentialLocation() && !now.publicAddress().equals(entry.publicAddress())) {
            changed.add("address");
            entry.publicAddress().ifPresentOrElse(service::locatedAt, service::noPublicAddress);
        }
        Eligibility was = now.eligibility();
        Eligibility will = entry.eligibility();
        if (!was.equals(will)) {
            addIf(changed, !was.ages().equals(will.ages()), "ages");
            addIf(changed, !was.genders().equals(will.genders()), "genders");
            addIf(changed, !was.crimeTypes().equals(will.crimeTypes()), "crimeTypes");
            addIf(changed, !was.riskLevels().equals(will.riskLevels()), "riskLevels");
            service.eligibility(will);
        }
        if (!now.openingTimes().equals(entry.openingTimes())) {
            changed.add("openingTimes");
            service.openingTimes(entry.openingTimes());
        }
        boolean languages = !now.languages().equals(entry.languages());
        boolean interpreters = now.interpretersAvailable() != entry.interpretersAvailable();
        if (languages || interpreters) {
            addIf(changed, languages, "languages");
            addIf(changed, interpreters, "interpreters");
            service.languages(entry.languages(), entry.interpretersAvailable());
        }
        if (!changed.isEmpty()) {
            audit.success(actor, AuditTrail.SERVICE, service.id(), AuditEvent.Action.UPDATE,
                    "changed " + String.join(",", changed));
            changed(service);
        }
        return service;
    }

    private static void addIf(List<String> changed, boolean condition, String field) {
        if (condition) {
            changed.add(field);
        }
    }

    /** Every change to a service: its entry's time moves on, and so does the directory's version. */
    private void changed(SupportService service) {
        service.modifiedAt(clock.instant());
        events.publish(new DirectoryChanged(service.id()));
    }

    private List<ServiceCategory> categories(List<String> codes) {
        if (codes == null) {
            throw new InvalidField("categories", "error.service.categories.required", "categories are required");
        }
        return codes.stream()
                .map(code -> services.category(code).orElseThrow(() -> new InvalidField("categories", "error.service.categories.code",
                        "categories holds a code that is not a support category")))
                .toList();
    }


    /**
     * The services offered for the criteria, ranked and with their reasons, and on request every
     * service not offered with all the reasons why: see {@link DirectorySnapshot#match}. Matches
     * against a snapshot of the directory held in memory, taken afresh after a change made through
     * this instance, and by {@link #keepSnapshotCurrent()} after a change made through another.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MatchResult match(MatchCriteria criteria, boolean includeExclusions) {
        return snapshots.current().match(criteria, includeExclusions);
    }

    /**
     * Takes a new snapshot of the directory if it has changed since the held one was taken, through
     * this instance or any other sharing the database (reading again only the services changed, when
     * they are few); run every second, so that every instance's matching sees a change within about
     * two seconds, without a match waiting for the new snapshot.
     *
     * @return whether a new snapshot was taken
     */
    // A transaction of its own: on the scheduler's threads the container's entity manager has no
    // request to live in, and the directory is then read in one transaction, too.
    @Transactional
    public boolean keepSnapshotCurrent() {
        return snapshots.refresh();
    }

    /** A change to the directory moves its stored version on, in the change's own transaction, for every instance to see. */
    void countChange(@Observes(during = TransactionPhase.IN_PROGRESS) DirectoryChanged change) {
        services.countChange(change.oneService());
    }

    /** Once a change to the directory is committed, the next match through this instance takes a fresh snapshot. */
    void onDirectoryChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) DirectoryChanged change) {
        snapshots.changed();
    }
}
