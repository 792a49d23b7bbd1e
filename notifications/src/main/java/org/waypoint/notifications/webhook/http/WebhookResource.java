package org.waypoint.notifications.webhook.http;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waypoint.core.account.Allowed;
import org.waypoint.core.account.Role;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.CurrentActor;
import org.waypoint.core.shared.NotSignedInException;
import org.waypoint.notifications.webhook.NewSubscription;
import org.waypoint.notifications.webhook.SubscriptionRequest;
import org.waypoint.notifications.webhook.SubscriptionView;
import org.waypoint.notifications.webhook.Webhooks;

/** Webhook subscriptions, for administrators. */
@Tag(name = "Webhooks", description = "Signed HTTP POSTs of referral events to an organisation's system, "
        + "following Standard Webhooks. Never anything about the person.")
@SecurityRequirement(name = "bearer")
@Path("v1/webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private final Webhooks webhooks;
    private final CurrentActor currentActor;

    @Inject
    public WebhookResource(Webhooks webhooks, CurrentActor currentActor) {
        this.webhooks = webhooks;
        this.currentActor = currentActor;
    }

    /** For CDI's proxy only. */
    protected WebhookResource() {
        this(null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a URL to an organisation's referral events",
            description = "An administrator subscribes a URL for any organisation. The organisation is then sent "
                    + "the events of every referral it refers or provides, of the types chosen, as signed POSTs: "
                    + "headers `webhook-id` (the same on every retry), `webhook-timestamp` and `webhook-signature` "
                    + "(`v1,` and Base64 of the HMAC-SHA256 of id.timestamp.body, keyed with the secret). The "
                    + "secret is in this answer only. The URL must be https on a public address.")
    @APIResponse(responseCode = "201", description = "The subscription, with its secret: shown this once.",
            headers = @Header(name = "Location", description = "The subscription's address.",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "NewSubscription")))
    @Allowed(Role.ADMIN)
    public Response subscribe(SubscriptionRequest request, @Context UriInfo uri) {
        NewSubscription created = webhooks.subscribe(actor(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @GET
    @Operation(summary = "List webhook subscriptions",
            description = "Every subscription, or one organisation's, oldest first; never their secrets.")
    @Allowed(Role.ADMIN)
    public List<SubscriptionView> list(@Parameter(description = "Only this organisation's subscriptions.",
            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                                       @QueryParam("organisationId") String organisationId) {
        return webhooks.list(actor(), Optional.ofNullable(organisationId));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a webhook subscription", description = "One subscription, without its secret.")
    @APIResponse(responseCode = "200", description = "The subscription.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SubscriptionView")))
    @Allowed(Role.ADMIN)
    public SubscriptionView get(@Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                                @PathParam("id") String id) {
        return webhooks.get(actor(), id);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a webhook subscription",
            description = "Nothing more is sent to it; deliveries to it not yet made are dropped.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @Allowed(Role.ADMIN)
    public Response delete(@Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                           @PathParam("id") String id) {
        webhooks.delete(actor(), id);
        return Response.noContent().build();
    }

    private Actor actor() {
        return currentActor.get().orElseThrow(NotSignedInException::new);
    }
}
