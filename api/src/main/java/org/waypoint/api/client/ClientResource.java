package org.waypoint.api.client;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import org.waypoint.api.json.Limit;
import static org.waypoint.api.Bodies.valid;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waypoint.api.Versions;
import org.waypoint.api.referral.ReferralResponses;
import org.waypoint.api.Idempotent;
import org.waypoint.api.security.RequestActor;
import org.waypoint.core.account.Roles;
import org.waypoint.core.account.ApiScope;
import org.waypoint.core.account.RequiresScope;
import org.waypoint.core.client.Client;
import org.waypoint.core.client.ClientService;
import org.waypoint.core.referral.ReferralService;

/**
 * The people referred, for caseworkers of the organisation that recorded them. Nothing personal
 * travels in a URL: the duplicate check takes its name and date of birth in the body.
 */
@Tag(name = "Clients", description = "The people referred, for caseworkers of the organisation that recorded them.")
@SecurityRequirement(name = "bearer")
@Path("v1/clients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClientResource {

    private final ClientService clients;
    private final ReferralService referrals;
    private final RequestActor actor;
    private final Clock clock;

    @Inject
    public ClientResource(ClientService clients, ReferralService referrals, RequestActor actor, Clock clock) {
        this.clients = clients;
        this.referrals = referrals;
        this.actor = actor;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected ClientResource() {
        this(null, null, null, null);
    }

    @Schema(requiredProperties = {"givenName", "familyName", "dateOfBirth"})
    public record DuplicateCheck(@NotNull @Limit(max = 200) String givenName, @NotNull @Limit(max = 200) String familyName,
                                 @NotNull LocalDate dateOfBirth) {
    }

    public record Withdrawal(@NotNull @Limit(max = 2000) String reason) {
    }

    @Operation(summary = "Record a person",
            description = "Records the person to be referred, with their safe-contact instructions, for caseworkers of the caller's organisation.")
    @Parameters(@Parameter(ref = "IdempotencyKey"))
    @Idempotent
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The person, recorded; `Location` is their address, `ETag` their version.",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ClientResponse")))
    @RolesAllowed(Roles.CASEWORKER)
    @RequiresScope(ApiScope.CLIENTS_WRITE)
    public Response register(ClientRequest body, @Context UriInfo uri) {
        Client client = clients.register(actor.required(), valid(body).toDomain());
        return Response.created(uri.getAbsolutePathBuilder().path(client.id()).build())
                .entity(view(client)).tag(Versions.tag(client.version())).build();
    }

    @Operation(summary = "Read a person",
            description = "One person recorded by the caller's organisation; the read is audited.")
    @GET
    @Path("{id}")
    @APIResponse(responseCode = "200", description = "The person; `ETag` is their version.",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ClientResponse")))
    @RolesAllowed(Roles.CASEWORKER)
    @RequiresScope(ApiScope.CLIENTS_READ)
    public Response get(@PathParam("id") String id) {
        Client client = clients.get(actor.required(), id);
        return Versions.ok(view(client), client.version()).build();
    }

    @Operation(summary = "Correct a person's record",
            description = "Replaces a person's record (rectification) for caseworkers of the organisation that recorded them. "
                    + "`If-Match` with the `ETag` read guards against overwriting another change (412 when stale). "
                    + "The audit log names the fields changed, never their values; every referral of the person, "
                    + "at every service that may see it, shows the corrected details.")
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The person as changed; `ETag` is their new version.",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ClientResponse")))
    @RolesAllowed(Roles.CASEWORKER)
    @RequiresScope(ApiScope.CLIENTS_WRITE)
    public Response update(@PathParam("id") String id, ClientRequest body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        clients.requireCurrent(actor.required(), id, Versions.expected(ifMatch));
        Client client = clients.update(actor.required(), id, valid(body).toDomain(), Versions.expected(ifMatch));
        return Versions.ok(view(client), client.version()).build();
    }

    /** Clients of the caller's organisation with the same name and date of birth. */
    @Operation(summary = "Find possible duplicates",
            description = "The people already recorded by the caller's organisation with this name and date of birth, so that nobody is recorded twice.")
    @POST
    @Path("duplicates")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CASEWORKER)
    @RequiresScope(ApiScope.CLIENTS_READ)
    public List<ClientResponse> duplicates(DuplicateCheck body) {
        DuplicateCheck check = valid(body);
        return clients.possibleDuplicates(actor.required(), check.givenName(), check.familyName(), check.dateOfBirth())
                .stream().map(this::view).toList();
    }

    /** The person withdrew consent: their unfinished referrals are cancelled and each service told. */
    @Operation(summary = "Withdraw a person's consent",
            description = "The person no longer consents: every open referral of theirs is cancelled and its service told. Answers the referrals cancelled.")
    @POST
    @Path("{id}/withdraw-consent")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CASEWORKER)
    @RequiresScope(ApiScope.CLIENTS_WRITE)
    public List<ReferralResponses.ReferralSummary> withdrawConsent(@PathParam("id") String id, Withdrawal body) {
        return referrals.withdrawConsent(actor.required(), id, valid(body).reason()).stream()
                .map(r -> ReferralResponses.summary(r, clock.instant())).toList();
    }

    private ClientResponse view(Client client) {
        return ClientResponse.of(client, true, clock.instant());
    }
}
