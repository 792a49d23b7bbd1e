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
import java.util.Optional;
import java.util.function.Function;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.CurrentActor;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.NotPermittedException;
import org.waypoint.notifications.outbox.OutboxAdmin;
import org.waypoint.notifications.outbox.OutboxStatus;

/**
 * The outbox for administrators: list by state, retry one, and read the pickup folder. Nobody signed
 * in is answered 401, anybody but an administrator 403.
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
    public Response list(@QueryParam("status") @DefaultValue("PENDING") String status,
                         @QueryParam("page") @DefaultValue("0") int page) {
        OutboxStatus parsed;
        try {
            parsed = OutboxStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        if (page < 0) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        return asActor(actor -> Response.ok(admin.list(actor, parsed, page)).build());
    }

    @POST
    @Path("{id}/retry")
    public Response retry(@PathParam("id") String id) {
        return asActor(actor -> Response.ok(admin.retry(actor, id)).build());
    }

    @GET
    @Path("pickup")
    public Response pickupFiles() {
        return asActor(actor -> Response.ok(admin.pickupFiles(actor)).build());
    }

    @GET
    @Path("pickup/{id}")
    @Produces("message/rfc822")
    public Response pickupFile(@PathParam("id") String id) {
        return asActor(actor -> admin.pickupFile(actor, id)
                .map(text -> Response.ok(text, "message/rfc822"))
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND))
                .build());
    }

    private Response asActor(Function<Actor, Response> call) {
        Optional<Actor> actor = currentActor.get();
        if (actor.isEmpty()) {
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        try {
            return call.apply(actor.get());
        } catch (NotPermittedException e) {
            return Response.status(Response.Status.FORBIDDEN).build();
        } catch (NotFoundException e) {
            return Response.status(Response.Status.NOT_FOUND).build();
        } catch (IllegalStateException e) {
            return Response.status(Response.Status.CONFLICT).build();
        }
    }
}
