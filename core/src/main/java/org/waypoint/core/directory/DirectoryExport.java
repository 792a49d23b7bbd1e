package org.waypoint.core.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
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

    /** Every service in name order, closed ones included, as the public directory lists them. */
    @Transactional
    public List<SupportService> everything(Actor actor) {
        actor.requireRole(Role.ADMIN, "export the directory");
        audit.success(actor, AuditTrail.SERVICE, WHOLE_DIRECTORY, AuditEvent.Action.LIST, "ORUK export");
        return services.findAll();
    }
}
