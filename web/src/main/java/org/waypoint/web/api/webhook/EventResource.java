package org.waypoint.web.api.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waypoint.core.account.Roles;
import org.waypoint.core.account.ApiScope;
import org.waypoint.core.account.RequiresScope;
import org.waypoint.core.shared.CurrentActor;
import org.waypoint.core.shared.NotSignedInException;
import org.waypoint.notifications.webhook.EventPage;
import org.waypoint.notifications.webhook.Webhooks;

/** The event feed: the events webhooks carry, read in order with a cursor by systems that cannot take webhooks. */
@Tag(name = "Events", description = "The referral events of the caller's organisation, in order, with a cursor.")
@SecurityRequirement(name = "bearer")
@Path("v1/events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    private final Webhooks webhooks;
    private final CurrentActor currentActor;

    @Inject
    public EventResource(Webhooks webhooks, CurrentActor currentActor) {
        this.webhooks = webhooks;
        this.currentActor = currentActor;
    }

    /** For CDI's proxy only. */
    protected EventResource() {
        this(null, null);
    }

    @GET
    @Operation(summary = "Read the referral events after a cursor",
            description = "The events of the referrals the caller's organisation refers or provides (the same as its "
                    + "webhooks carry), oldest first, after the cursor `after` (from the start when left out). Pass "
                    + "`next` as `after` to read on; when nothing is new, `next` is the cursor given. An event "
                    + "appears about a second after it happens. The organisation's staff, and its API clients with the "
                    + "scope `events:read`.")
    @APIResponse(responseCode = "200", description = "A page of events and the cursor to read on from.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "EventPage")))
    @RolesAllowed({Roles.CASEWORKER, Roles.SERVICE_STAFF})
    @RequiresScope(ApiScope.EVENTS_READ)
    public EventPage events(@Parameter(description = "A cursor from an earlier page (`next`, or an item's `cursor`).",
            schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{1,18}$"))
                            @QueryParam("after") String after,
                            @Parameter(description = "How many events at most, 1 to " + Webhooks.MAX_LIMIT + ".",
                                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                                            maximum = "" + Webhooks.MAX_LIMIT, defaultValue = "100"))
                            @QueryParam("limit") @DefaultValue("100") int limit) {
        return webhooks.events(currentActor.get().orElseThrow(NotSignedInException::new), after, limit);
    }
}
