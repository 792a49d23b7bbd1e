package org.waypoint.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.waypoint.web.page.Pages;
import org.waypoint.web.session.Me;

/**
 * Keeps the administration pages to administrators: anyone else is told there is no such page,
 * as for a record they may not see. The use cases refuse them too; this only spares them an error.
 */
@Named("adminGate")
@RequestScoped
public class AdminGate {

    @Inject
    Me me;

    /** The pages' view action. */
    public void check() {
        allowed();
    }

    /** Whether the reader is an administrator; if not, the answer is already a 404. */
    boolean allowed() {
        if (me.isAdmin()) {
            return true;
        }
        Pages.notFound();
        return false;
    }
}
