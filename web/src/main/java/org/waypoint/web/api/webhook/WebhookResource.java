package org.waypoint.web.api.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waypoint.core.account.Roles;
import org.waypoint.core.account.ApiScope;
import org.waypoint.core.account.RequiresScope;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.CurrentActor;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.NotSignedInException;
import org.waypoint.core.shared.Page;
import org.waypoint.notifications.webhook.NewSubscription;
import org.waypoint.notifications.webhook.SubscriptionPage;
import org.waypoint.notifications.webhook.SubscriptionRequest;
import org.waypoint.notifications.webhook.SubscriptionView;
import org.waypoint.notifications.webhook.Webhooks;

/**
 * Webhook subscriptions, for administrators (any organisation's) and an organisation's own API
 * clients with the scope {@code webhooks:manage} (their organisation's). A body's constraints are
 * checked here, every broken one reported at once, before {@link Webhooks} sees it.
 */
@Tag(name = "Webhooks", description = "Signed HTTP POSTs of referral events to an organisation's system, "
        + "following Standard Webhooks. Never anything about the person.")
@SecurityRequirement(name = "bearer")
@Path("v1/webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private static final String WHO = " Administrators, for any organisation; an organisation's API client with the "
            + "scope `webhooks:manage`, for its own (another organisation's subscriptions are not found).";

    private final Webhooks webhooks;
    private final CurrentActor currentActor;
    private final Validator validator;

    @Inject
    public WebhookResource(Webhooks webhooks, CurrentActor currentActor, Validator validator) {
        this.webhooks = webhooks;
        this.currentActor = currentActor;
        this.validator = validator;
    }

    /** For CDI's proxy only. */
    protected WebhookResource() {
        this(null, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a URL to an organisation's referral events",
            description = "Subscribes a URL for an organisation. The organisation is then sent "
                    + "the events of every referral it refers or provides, of the types chosen, as signed POSTs: "
                    + "headers `webhook-id` (the same on every retry), `webhook-timestamp` and `webhook-signature` "
                    + "(`v1,` and Base64 of the HMAC-SHA256 of id.timestamp.body, keyed with the secret). The "
                    + "secret is in this answer only. The URL must be https on a public address." + WHO)
    @APIResponse(responseCode = "201", description = "The subscription, with its secret: shown this once.",
            headers = @Header(name = "Location", description = "The subscription's address.",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "NewSubscription")))
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER, Roles.SERVICE_STAFF})
    @RequiresScope(ApiScope.WEBHOOKS_MANAGE)
    public Response subscribe(SubscriptionRequest request, @Context UriInfo uri) {
        NewSubscription created = webhooks.subscribe(actor(), valid(request));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @GET
    @Operation(summary = "List webhook subscriptions",
            description = "One page of every subscription the caller may see, or of one organisation's; never their "
                    + "secrets." + WHO)
    @APIResponse(responseCode = "200", description = "One page of the subscriptions, and their total.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SubscriptionPage")))
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER, Roles.SERVICE_STAFF})
    @RequiresScope(ApiScope.WEBHOOKS_MANAGE)
    public SubscriptionPage list(
            @Parameter(description = "Only this organisation's subscriptions.",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("organisationId") String organisationId,
            @Parameter(description = "`createdAt` (the default: oldest first) or `-createdAt` (newest first).",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"createdAt", "-createdAt"},
                            defaultValue = "createdAt"))
            @QueryParam("sort") String sort,
            @Parameter(description = "The page, counting from 0.") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Subscriptions a page, 1 to " + Page.MAX_SIZE + "; more is refused (400).")
            @QueryParam("size") @DefaultValue("20") int size) {
        return webhooks.list(actor(), Optional.ofNullable(organisationId), sort, page, size);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a webhook subscription", description = "One subscription, without its secret." + WHO)
    @APIResponse(responseCode = "200", description = "The subscription.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SubscriptionView")))
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER, Roles.SERVICE_STAFF})
    @RequiresScope(ApiScope.WEBHOOKS_MANAGE)
    public SubscriptionView get(@Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                                @PathParam("id") String id) {
        return webhooks.get(actor(), id);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a webhook subscription",
            description = "Nothing more is sent to it; deliveries to it not yet made are dropped." + WHO)
    @APIResponse(responseCode = "204", description = "Deleted.")
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER, Roles.SERVICE_STAFF})
    @RequiresScope(ApiScope.WEBHOOKS_MANAGE)
    public Response delete(@Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                           @PathParam("id") String id) {
        webhooks.delete(actor(), id);
        return Response.noContent().build();
    }

    /** The body, with every broken constraint of it reported at once (a 400 whose {@code errors} point at each). */
    private SubscriptionRequest valid(SubscriptionRequest request) {
        if (request == null) {
            throw new InvalidField("body", "error.body.required", "a JSON body is required");
        }
        Set<ConstraintViolation<SubscriptionRequest>> broken = validator.validate(request);
        if (!broken.isEmpty()) {
            throw new ConstraintViolationException(broken);
        }
        return request;
    }

    private Actor actor() {
        return currentActor.get().orElseThrow(NotSignedInException::new);
    }
}
