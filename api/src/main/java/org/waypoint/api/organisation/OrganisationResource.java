package org.waypoint.api.organisation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import org.waypoint.api.json.Limit;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waypoint.api.Idempotent;
import org.waypoint.api.Bodies;
import org.waypoint.api.Lists;
import org.waypoint.api.PageResponse;
import org.waypoint.api.security.RequestActor;
import org.waypoint.core.account.Roles;
import org.waypoint.core.account.ApiScope;
import org.waypoint.core.account.RequiresScope;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.organisation.OrganisationService;
import org.waypoint.core.shared.Page;

/** Organisations: read by anyone signed in, created by administrators. */
@Tag(name = "Organisations", description = "Organisations that refer and provide.")
@SecurityRequirement(name = "bearer")
@Path("v1/organisations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OrganisationResource {

    private final OrganisationService organisations;
    private final RequestActor actor;

    @Inject
    public OrganisationResource(OrganisationService organisations, RequestActor actor) {
        this.organisations = organisations;
        this.actor = actor;
    }

    /** For CDI's proxy only. */
    protected OrganisationResource() {
        this(null, null);
    }

    @Schema(description = "An organisation that refers, provides services, or both.",
            requiredProperties = {"id", "name", "kind"})
    public record OrganisationResponse(String id, String name, @Schema(implementation = OrganisationKind.class) String kind) {
    }

    @Schema(requiredProperties = {"name", "kind"})
    public record NewOrganisation(@NotNull @Limit(max = 200) String name, @NotNull OrganisationKind kind) {
    }

    private static final Map<String, Comparator<OrganisationResponse>> SORTS = orders();

    private static Map<String, Comparator<OrganisationResponse>> orders() {
        Map<String, Comparator<OrganisationResponse>> orders = new LinkedHashMap<>();
        orders.put("name", Comparator.comparing(OrganisationResponse::name).thenComparing(OrganisationResponse::id));
        orders.put("kind", Comparator.comparing(OrganisationResponse::kind).thenComparing(OrganisationResponse::name)
                .thenComparing(OrganisationResponse::id));
        return orders;
    }

    @Operation(summary = "List organisations",
            description = "Every organisation that refers, provides services, or both.")
    @GET
    @APIResponse(responseCode = "200", description = "One page of the organisations, and their total.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OrganisationResponsePage")))
    @RolesAllowed({Roles.CASEWORKER, Roles.SERVICE_STAFF, Roles.ADMIN})
    @RequiresScope(ApiScope.DIRECTORY_READ)
    public PageResponse<OrganisationResponse> list(
            @Parameter(description = "`name` (the default) or `kind`; a leading `-` reverses it.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"name", "-name", "kind", "-kind"},
                            defaultValue = "name"))
            @QueryParam("sort") String sort,
            @Parameter(description = "The page, counting from 0.") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Organisations a page, 1 to " + Page.MAX_SIZE + "; more is refused (400).")
            @QueryParam("size") @DefaultValue(Lists.DEFAULT_SIZE) int size) {
        Comparator<OrganisationResponse> order = Lists.comparator(sort, SORTS);
        Page.requireValid(page, size);
        return Lists.page(organisations.list(actor.required()).stream().map(OrganisationResource::view).sorted(order)
                .toList(), page, size);
    }

    @Operation(summary = "Read an organisation",
            description = "One organisation.")
    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CASEWORKER, Roles.SERVICE_STAFF, Roles.ADMIN})
    @RequiresScope(ApiScope.DIRECTORY_READ)
    public OrganisationResponse get(@PathParam("id") String id) {
        return view(organisations.get(actor.required(), id));
    }

    @Operation(summary = "Add an organisation",
            description = "Adds an organisation that refers, provides services, or both.")
    @Parameters(@Parameter(ref = "IdempotencyKey"))
    @Idempotent
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The organisation; `Location` is its address.",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OrganisationResponse")))
    @RolesAllowed(Roles.ADMIN)
    public Response create(NewOrganisation body, @Context UriInfo uri) {
        NewOrganisation given = Bodies.valid(body);
        Organisation organisation = organisations.create(actor.required(), given.name(), given.kind());
        return Response.created(uri.getAbsolutePathBuilder().path(organisation.id()).build())
                .entity(view(organisation)).build();
    }

    private static OrganisationResponse view(Organisation organisation) {
        return new OrganisationResponse(organisation.id(), organisation.name(), organisation.kind().name());
    }
}
