package org.waypoint.notifications.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.waypoint.core.account.Allowed;
import org.waypoint.core.account.Role;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.CurrentActor;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.NotSignedInException;
import org.waypoint.notifications.outbox.OutboxAdmin;
import org.waypoint.notifications.outbox.OutboxStatus;

/**
 * The outbox for administrators: list by state, retry one, and read the pickup folder.
 */
@Path("v1/admin/outbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OutboxResource {

    private final OutboxAdmin admin;
    private final CurrentActor currentActor;

    @Inject
    public OutboxResource(OutboxAdmin admin, CurrentActor currentActor) {
        this.admin = admin;
        this.currentActor = currentActor;
    }

    /** For CDI's proxy only. */
    protected OutboxResource() {
        this(null, null);
    }

    @GET
    @Allowed(Role.ADMIN)
    public Response list(@QueryParam("status") @DefaultValue("PENDING") String status,
                         @QueryParam("page") @DefaultValue("0") int page) {
        OutboxStatus parsed;
        try {
            parsed = OutboxStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status is PENDING, FAILED or SENT");
        }
        if (page < 0) {
            throw new IllegalArgumentException("page counts from 0");
        }
        return Response.ok(admin.list(actor(), parsed, page)).build();
    }

    @POST
    @Path("{id}/retry")
    @Allowed(Role.ADMIN)
    public Response retry(@PathParam("id") String id) {
        return Response.ok(admin.retry(actor(), id)).build();
    }

    @GET
    @Path("pickup")
    @Allowed(Role.ADMIN)
    public Response pickupFiles() {
        return Response.ok(admin.pickupFiles(actor())).build();
    }

    @GET
    @Path("pickup/{id}")
    @Produces("message/rfc822")
    @Allowed(Role.ADMIN)
    public Response pickupFile(@PathParam("id") String id) {
        return Response.ok(admin.pickupFile(actor(), id).orElseThrow(() -> new NotFoundException("message")),
                "message/rfc822").build();
    }

    private Actor actor() {
        return currentActor.get().orElseThrow(NotSignedInException::new);
    }
}
