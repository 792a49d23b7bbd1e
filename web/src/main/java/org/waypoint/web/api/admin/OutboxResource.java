package org.waypoint.web.api.admin;

import jakarta.annotation.security.RolesAllowed;
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
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waypoint.core.account.Roles;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.CurrentActor;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.NotSignedInException;
import org.waypoint.core.shared.Page;
import org.waypoint.notifications.mail.PickupFile;
import org.waypoint.notifications.outbox.OutboxAdmin;
import org.waypoint.notifications.outbox.OutboxStatus;

/**
 * The outbox for administrators: list by state, retry one, and read the pickup folder. Its records
 * carry their own examples (the API's examples cannot reach this module); ApiIT checks them against
 * real answers.
 */
@Tag(name = "Outbox", description = "E-mail waiting to go, failed or sent, for administrators. Never a message body.")
@SecurityRequirement(name = "bearer")
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

    @Operation(summary = "List outgoing e-mail",
            description = "One page of the e-mail outbox in one state (pending, failed or sent), newest first; never a message's body.")
    @GET
    @APIResponse(responseCode = "200", description = "One page of the messages in that state, newest first: "
            + "recipient, state and attempts, never the body.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "OutboxPage")))
    @RolesAllowed(Roles.ADMIN)
    public Response list(@Parameter(description = "PENDING, FAILED or SENT, in any case.")
                         @QueryParam("status") @DefaultValue("PENDING") String status,
                         @Parameter(description = "The order: newest first, the only one the outbox offers.",
                                 schema = @Schema(type = SchemaType.STRING, enumeration = {"-createdAt"},
                                         defaultValue = "-createdAt"))
                         @QueryParam("sort") String sort,
                         @Parameter(description = "The page, counting from 0.")
                         @QueryParam("page") @DefaultValue("0") int page,
                         @Parameter(description = "Messages a page, 1 to " + Page.MAX_SIZE + "; more is refused (400).")
                         @QueryParam("size") @DefaultValue("20") int size) {
        if (sort != null && !sort.isBlank() && !sort.strip().equals("-createdAt")) {
            throw new InvalidField("sort", "error.list.sort", "sort is -createdAt");
        }
        OutboxStatus parsed;
        try {
            parsed = OutboxStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidField("status", "error.outbox.status", "status is PENDING, FAILED or SENT");
        }
        Page.requireValid(page, size);
        return Response.ok(admin.list(actor(), parsed, page, size)).build();
    }

    @Operation(summary = "Retry an e-mail",
            description = "Makes a failed or pending message due again at once.")
    @POST
    @Path("{id}/retry")
    @APIResponse(responseCode = "200", description = "The message, pending again and due at once; "
            + "a message already sent answers 409.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "OutboxEntry")))
    @RolesAllowed(Roles.ADMIN)
    public Response retry(@PathParam("id") String id) {
        return Response.ok(admin.retry(actor(), id)).build();
    }

    /** The messages written to the pickup folder (when no SMTP server is configured), newest first. */
    @Operation(summary = "List the pickup folder",
            description = "The messages written to the pickup folder when no SMTP server is configured, newest first.")
    @GET
    @Path("pickup")
    @RolesAllowed(Roles.ADMIN)
    public List<PickupFile> pickupFiles() {
        return admin.pickupFiles(actor());
    }

    @Operation(summary = "Read a pickup file",
            description = "One message from the pickup folder, whole, as it would have been sent.")
    @GET
    @Path("pickup/{id}")
    @Produces("message/rfc822")
    @APIResponse(responseCode = "200", description = "One message from the pickup folder, whole, as it would have "
            + "been sent.", content = @Content(mediaType = "message/rfc822", schema = @Schema(ref = "MailMessage")))
    @RolesAllowed(Roles.ADMIN)
    public Response pickupFile(@PathParam("id") String id) {
        return Response.ok(admin.pickupFile(actor(), id).orElseThrow(() -> new NotFoundException("message")),
                "message/rfc822").build();
    }

    private Actor actor() {
        return currentActor.get().orElseThrow(NotSignedInException::new);
    }
}
