package org.waypoint.core.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.waypoint.core.account.Role;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.shared.Actor;

/** An administrator takes the whole directory away (as an Open Referral UK package): audited as a read of every service. */
@ApplicationScoped
public class DirectoryExport {

    /** The audit record id of a read of the whole directory rather than one service. */
    public static final String WHOLE_DIRECTORY = "directory";

    private final SupportServiceRepository services;
    private final AuditTrail audit;

    @Inject
    public DirectoryExport(SupportServiceRepository services, AuditTrail audit) {
        this.services = services;
        this.audit = audit;
    }

    /** For CDI's proxy only. */
    protected DirectoryExport() {
        this(null, null);
    }

    /** Every service in name order, closed ones included, as the public directory lists them, with their opening times. */
    @Transactional
    public Directory everything(Actor actor) {
        actor.requireRole(Role.ADMIN, "export the directory");
        audit.success(actor, AuditTrail.SERVICE, WHOLE_DIRECTORY, AuditEvent.Action.LIST, "ORUK export");
        return new Directory(services.findAll(), services.openingTimes());
    }

    /** The services, and their opening times by service id (read in one go, not one service at a time). */
    public record Directory(List<SupportService> services, Map<String, List<OpeningTime>> openingTimes) {

        public List<OpeningTime> openingTimes(SupportService service) {
            return openingTimes.getOrDefault(service.id(), List.of());
        }
    }
}
