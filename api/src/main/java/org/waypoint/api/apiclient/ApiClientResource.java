package org.waypoint.api.apiclient;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waypoint.api.Bodies;
import org.waypoint.api.Lists;
import org.waypoint.api.PageResponse;
import org.waypoint.api.problem.ProblemException;
import org.waypoint.api.problem.ProblemType;
import org.waypoint.api.security.RequestActor;
import org.waypoint.core.account.Roles;
import org.waypoint.core.account.ApiClientAccount;
import org.waypoint.core.account.ApiClients;
import org.waypoint.core.account.ApiScope;
import org.waypoint.core.account.RegisteredApiClient;
import org.waypoint.core.account.Role;
import org.waypoint.core.shared.Page;

/** The administrator's registry of API clients: register (the secret shown once), list, read, revoke. */
@Tag(name = "API clients", description = "Systems of an organisation that call the API with OAuth 2.0 client credentials.")
@SecurityRequirement(name = "bearer")
@Path("v1/api-clients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApiClientResource {

    private static final String UUID = "uuid";

    private final ApiClients clients;
    private final RequestActor actor;

    @Inject
    public ApiClientResource(ApiClients clients, RequestActor actor) {
        this.clients = clients;
        this.actor = actor;
    }

    /** For CDI's proxy only. */
    protected ApiClientResource() {
        this(null, null);
    }

    // A @Schema on the list itself would describe its items as arrays (Payara): the scopes are named here instead.
    @Schema(description = "An API client to register. `scopes` are the scopes it may ask for, at least one of: referrals:read, "
            + "referrals:write, clients:read, clients:write, directory:read, directory:write, webhooks:manage, events:read.",
            requiredProperties = {"organisationId", "name", "role", "scopes"})
    public record NewApiClient(
            @Schema(format = UUID, description = "The organisation the client acts for.") String organisationId,
            @Schema(description = "What the client is, for people: 1 to 100 characters.", maxLength = 100) String name,
            @Schema(description = "The role it acts in: CASEWORKER for an organisation that refers, SERVICE_STAFF for one that "
                    + "provides services; never ADMIN.") Role role,
            List<String> scopes) {
    }

    @Schema(description = "An API client. Its secret is never shown again after registration.",
            requiredProperties = {"clientId", "organisationId", "name", "role", "scopes", "createdAt", "active"})
    public record ApiClientResponse(
            @Schema(format = UUID, description = "The `client_id` of the client-credentials grant.") String clientId,
            @Schema(format = UUID) String organisationId,
            String name,
            @Schema(enumeration = {"CASEWORKER", "SERVICE_STAFF"}) String role,
            List<String> scopes,
            Instant createdAt,
            Instant revokedAt,
            boolean active) {
    }

    @Schema(description = "An API client just registered: `clientSecret` is shown this once and is kept only as a hash.",
            requiredProperties = {"clientId", "clientSecret", "client"})
    public record RegisteredApiClientResponse(
            @Schema(format = UUID) String clientId,
            String clientSecret,
            ApiClientResponse client) {

        @Override
        public String toString() {
            return "RegisteredApiClientResponse[" + clientId + "]";
        }
    }

    // Not @Idempotent: a stored first response would keep the secret in the database.
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an API client",
            description = "Registers a system of an organisation that will call the API with the OAuth 2.0 client-credentials "
                    + "grant at `POST /api/v1/oauth/token`. The answer holds `clientSecret`, shown this once: Waypoint keeps only "
                    + "its hash. The client acts in the role given, within its scopes. Administrators only.")
    @APIResponse(responseCode = "201", description = "Registered; `Location` is its address.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RegisteredApiClientResponse")))
    @RolesAllowed(Roles.ADMIN)
    public Response register(NewApiClient body, @Context UriInfo uri) {
        NewApiClient given = Bodies.required(body);
        if (given.organisationId() == null || given.role() == null || given.scopes() == null) {
            throw new ProblemException(ProblemType.VALIDATION, "organisationId, name, role and scopes are required");
        }
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String scope : given.scopes()) {
            scopes.add(ApiScope.of(scope).orElseThrow(() -> new ProblemException(ProblemType.VALIDATION, "scopes holds an unknown scope")));
        }
        RegisteredApiClient registered = clients.register(actor.required(), given.organisationId(), given.name(), given.role(), scopes);
        ApiClientResponse view = view(registered.client());
        return Response.created(uri.getAbsolutePathBuilder().path(view.clientId()).build())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(new RegisteredApiClientResponse(view.clientId(), registered.secret(), view))
                .build();
    }

    /** The orders the list offers: newest first (the default) or by name. */
    private static final Map<String, Comparator<ApiClientResponse>> SORTS = Map.of(
            "createdAt", Comparator.comparing(ApiClientResponse::createdAt).thenComparing(ApiClientResponse::clientId),
            "name", Comparator.comparing(ApiClientResponse::name).thenComparing(ApiClientResponse::clientId));

    @GET
    @Operation(summary = "List API clients", description = "One page of the API clients, revoked ones too. Administrators only.")
    @APIResponse(responseCode = "200", description = "One page of the API clients, and their total.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiClientResponsePage")))
    @RolesAllowed(Roles.ADMIN)
    public PageResponse<ApiClientResponse> list(
            @Parameter(description = "`-createdAt` (the default: newest first), `createdAt`, `name` or `-name`.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"-createdAt", "createdAt", "name", "-name"},
                            defaultValue = "-createdAt"))
            @QueryParam("sort") @DefaultValue("-createdAt") String sort,
            @Parameter(description = "The page, counting from 0.") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "API clients a page, 1 to " + Page.MAX_SIZE + "; more is refused (400).")
            @QueryParam("size") @DefaultValue(Lists.DEFAULT_SIZE) int size) {
        Comparator<ApiClientResponse> order = Lists.comparator(sort, SORTS);
        return Lists.page(clients.list(actor.required()).stream().map(ApiClientResource::view).sorted(order).toList(),
                page, size);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read an API client", description = "One API client, without its secret. Administrators only.")
    @RolesAllowed(Roles.ADMIN)
    public ApiClientResponse get(@Parameter(description = "The client id.", required = true, schema = @Schema(format = UUID)) @PathParam("id") String id) {
        return view(clients.get(actor.required(), id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke an API client",
            description = "The client gets no more tokens, and every token it holds is refused from now on. The record stays, "
                    + "so that what the client did stays attributed. Revoking a revoked client changes nothing. Administrators only.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    @RolesAllowed(Roles.ADMIN)
    public Response revoke(@Parameter(description = "The client id.", required = true, schema = @Schema(format = UUID)) @PathParam("id") String id) {
        clients.revoke(actor.required(), id);
        return Response.noContent().build();
    }

    static ApiClientResponse view(ApiClientAccount client) {
        return new ApiClientResponse(client.id(), client.organisationId(), client.name(), client.role().name(),
                client.scopes().stream().sorted().map(ApiScope::value).toList(), client.createdAt(),
                client.revokedAt().orElse(null), client.active());
    }
}
