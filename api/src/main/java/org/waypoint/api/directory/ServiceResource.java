package org.waypoint.api.directory;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import org.waypoint.api.json.Limit;
import org.waypoint.api.Bodies;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.DayOfWeek;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waypoint.api.Lists;
import org.waypoint.api.PageResponse;
import org.waypoint.api.Versions;
import org.waypoint.api.Idempotent;
import org.waypoint.core.account.Roles;
import org.waypoint.api.problem.ProblemException;
import org.waypoint.api.problem.ProblemType;
import org.waypoint.core.account.ApiScope;
import org.waypoint.core.account.RequiresScope;
import org.waypoint.api.security.RequestActor;
import org.waypoint.core.account.Role;
import org.waypoint.core.directory.AgeRange;
import org.waypoint.core.directory.Capacity;
import org.waypoint.core.directory.Eligibility;
import org.waypoint.core.directory.OpeningTime;
import org.waypoint.core.directory.ServiceEntry;
import org.waypoint.core.directory.ServiceProfile;
import org.waypoint.core.directory.DirectoryService;
import org.waypoint.core.directory.MatchCriteria;
import org.waypoint.core.directory.ServiceDefinition;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.LanguageCode;
import org.waypoint.core.shared.Page;
import org.waypoint.core.shared.Postcode;
import org.waypoint.core.shared.RiskLevel;
import org.waypoint.core.shared.StaleVersionException;

/** The directory of support services: its public face, and its keeping by administrators and the services' staff. */
@Tag(name = "Services", description = "The directory of support services.")
@Path("v1/services")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ServiceResource {

    private final DirectoryService directory;
    private final RequestActor actor;

    @Inject
    public ServiceResource(DirectoryService directory, RequestActor actor) {
        this.directory = directory;
        this.actor = actor;
    }

    /** For CDI's proxy only. */
    protected ServiceResource() {
        this(null, null);
    }

    public record Definition(@NotNull @Limit(max = 36) String organisationId, @NotNull @Limit(max = 200) String name,
                             @Limit(max = 4000) String description,
                             @NotNull @Limit(max = 50) List<@NotNull @Limit(max = 40) String> categories,
                             @Limit(max = 500) List<@NotNull @Limit(max = 8) String> postcodeAreas,
                             @NotNull @Limit(max = 254) String referralInbox, Integer acknowledgementTargetWorkingDays) {

        ServiceDefinition toDomain() {
            if (referralInbox == null) {
                throw new ProblemException(ProblemType.VALIDATION, "referralInbox is required");
            }
            return new ServiceDefinition(organisationId, name, description, categories, postcodeAreas,
                    new EmailAddress(referralInbox),
                    acknowledgementTargetWorkingDays == null ? SupportService.DEFAULT_ACK_TARGET_WORKING_DAYS
                            : acknowledgementTargetWorkingDays);
        }
    }

    @Schema(requiredProperties = {"capacity"})
    public record CapacityChange(@NotNull Capacity capacity, Integer waitWeeks) {
    }

    /** The whole of the entry a service's own staff keep: what is left out is cleared, or takes its default. */
    @Schema(description = "The part of a service's entry its own staff keep, all of it: limits left out mean any, "
            + "no opening times mean none stated.",
            requiredProperties = {"capacity", "description", "referralInbox", "postcodeAreas", "languages"})
    public record EntryChange(@NotNull Capacity capacity,
                              @Schema(description = "For a waiting list only: about how many weeks, 1 to 104.") Integer waitWeeks,
                              @NotNull @Limit(max = 2000) String description,
                              @NotNull @Limit(max = 254) String referralInbox,
                              @Schema(description = "Ignored for a confidential location, which never has one.")
                              @Limit(max = 300) String publicAddress,
                              @Schema(minimum = "0", maximum = "130") Integer minimumAge,
                              @Schema(minimum = "0", maximum = "130") Integer maximumAge,
                              @Limit(max = 10) List<@NotNull Gender> genders,
                              @Limit(max = 20) List<@NotNull CrimeType> crimeTypes,
                              @Limit(max = 10) List<@NotNull RiskLevel> riskLevels,
                              @NotNull @Limit(min = 1, max = 500) List<@NotNull @Limit(max = 8) String> postcodeAreas,
                              @Limit(max = 7) List<@NotNull OpeningChange> openingTimes,
                              @NotNull @Limit(min = 1, max = 50) List<@NotNull @Limit(max = 2) String> languages,
                              Boolean interpretersAvailable) {

        ServiceEntry toDomain() {
            Eligibility eligibility = new Eligibility(new AgeRange(optional(minimumAge), optional(maximumAge)),
                    listed(genders), listed(crimeTypes), listed(riskLevels));
            return new ServiceEntry(capacity, waitWeeks == null ? 0 : waitWeeks, description, Optional.of(new EmailAddress(referralInbox)),
                    Optional.ofNullable(publicAddress), eligibility, Set.copyOf(postcodeAreas),
                    listed(openingTimes).stream().map(OpeningChange::toDomain).toList(),
                    languages.stream().map(LanguageCode::new).collect(Collectors.toSet()),
                    Boolean.TRUE.equals(interpretersAvailable));
        }

        private static OptionalInt optional(Integer value) {
            return value == null ? OptionalInt.empty() : OptionalInt.of(value);
        }

        private static <T> Set<T> listed(List<T> values) {
            return values == null ? Set.of() : Set.copyOf(values);
        }
    }

    /** One weekday's opening, on the 24-hour clock. */
    @Schema(requiredProperties = {"day", "opens", "closes"})
    public record OpeningChange(@NotNull @Limit(max = 9) @Schema(enumeration = {"MONDAY", "TUESDAY", "WEDNESDAY",
                                        "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"}) String day,
                                @NotNull @Limit(max = 5) @Schema(example = "09:00") String opens,
                                @NotNull @Limit(max = 5) @Schema(example = "17:30") String closes) {

        OpeningTime toDomain() {
            DayOfWeek weekday;
            try {
                weekday = DayOfWeek.valueOf(day);
            } catch (IllegalArgumentException notADay) {
                throw new ProblemException(ProblemType.VALIDATION, "openingTimes: a day is MONDAY to SUNDAY");
            }
            return OpeningTime.of(weekday, opens, closes);
        }
    }

    private static final Map<String, Comparator<ServiceProfile>> SORTS = orders();

    private static Map<String, Comparator<ServiceProfile>> orders() {
        Map<String, Comparator<ServiceProfile>> orders = new LinkedHashMap<>();
        orders.put("name", Comparator.comparing(ServiceProfile::name).thenComparing(ServiceProfile::id));
        orders.put("organisation", Comparator.comparing(ServiceProfile::organisation)
                .thenComparing(ServiceProfile::name).thenComparing(ServiceProfile::id));
        return orders;
    }

    /** The public face of the directory: open to all, no referral inboxes. */
    @Operation(summary = "List the services",
            description = "The public directory of support services; open to anyone.")
    @GET
    @APIResponse(responseCode = "200", description = "One page of the directory's services (their public face), "
            + "and their total.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ServiceResponsePage")))
    @PermitAll
    public PageResponse<ServiceResponse> list(
            @Parameter(description = "`name` (the default) or `organisation` (its name); a leading `-` reverses it.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"name", "-name", "organisation",
                            "-organisation"}, defaultValue = "name"))
            @QueryParam("sort") String sort,
            @Parameter(description = "The page, counting from 0.") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Services a page, 1 to " + Page.MAX_SIZE + "; more is refused (400).")
            @QueryParam("size") @DefaultValue(Lists.DEFAULT_SIZE) int size) {
        Comparator<ServiceProfile> order = Lists.comparator(sort, SORTS);
        Page.requireValid(page, size);
        // Sorted and paged over the directory matching holds in memory; only the page's services are read.
        PageResponse<ServiceProfile> found = Lists.page(directory.profiles().stream().sorted(order).toList(), page, size);
        List<ServiceResponse> items = directory.listServices(found.items().stream().map(ServiceProfile::id).toList())
                .stream().map(ServiceResponse::of).toList();
        return new PageResponse<>(items, found.total(), page, size);
    }

    /**
     * Services for a person's needs, ranked with reasons; {@code exclusions=true} adds every service
     * not offered and why. Only the postcode district (e.g. {@code M14}) belongs in this URL: a full
     * postcode is refused.
     */
    @Operation(summary = "Match services to a person's needs",
            description = "The services that can help a person with these needs where they live, best first, each with the reasons it matches; with `exclusions=true`, also the services left out and why.")
    @GET
    @Path("match")
    @SecurityRequirement(name = "bearer")
    @RolesAllowed(Roles.CASEWORKER)
    @RequiresScope(ApiScope.DIRECTORY_READ)
    public MatchResponse match(@QueryParam("need") @Parameter(required = true) List<String> needs,
                               @QueryParam("postcode") @Parameter(required = true, description = "The postcode district, such as M14: never a full postcode.") String postcode,
                               @QueryParam("age") @Parameter(required = true) Integer age,
                               @QueryParam("gender") @Parameter(required = true, schema = @Schema(ref = "Gender")) Gender gender,
                               @QueryParam("language") @DefaultValue("en") String language,
                               @QueryParam("interpreter") @DefaultValue("false") boolean interpreter,
                               @QueryParam("risk") @Parameter(required = true, schema = @Schema(ref = "RiskLevel")) RiskLevel risk,
                               @QueryParam("crime") @Parameter(required = true, description = "Crime types (see CrimeType), the "
                                       + "parameter repeated for each.", schema = @Schema(type = SchemaType.ARRAY,
                                       implementation = String.class)) List<CrimeType> crimes,
                               @QueryParam("exclusions") @DefaultValue("false") boolean exclusions) {
        if (postcode == null || age == null) {
            throw new ProblemException(ProblemType.VALIDATION, "postcode and age are required");
        }
        Postcode district = new Postcode(postcode);
        if (district.isFull()) {
            throw new ProblemException(ProblemType.VALIDATION, "postcode: give only the district, such as M14, never a full postcode in a URL");
        }
        return MatchResponse.of(directory.match(new MatchCriteria(Set.copyOf(needs), district, age, gender,
                new LanguageCode(language), interpreter, risk, Set.copyOf(crimes)), exclusions));
    }

    @Operation(summary = "Read a service",
            description = "One service's public face; open to anyone.")
    @GET
    @Path("{id}")
    @APIResponse(responseCode = "200", description = "The service's public face; `ETag` is its version.",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ServiceResponse")))
    @PermitAll
    public Response get(@PathParam("id") String id) {
        SupportService service = directory.get(id);
        return Versions.ok(ServiceResponse.of(service), service.version()).build();
    }

    @Operation(summary = "List a service",
            description = "Adds a service of a providing organisation to the directory.")
    @Parameters(@Parameter(ref = "IdempotencyKey"))
    @Idempotent
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "201", description = "The service, listed; `Location` is its address, `ETag` its version.",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ServiceResponse")))
    @RolesAllowed(Roles.ADMIN)
    public Response create(Definition body, @Context UriInfo uri) {
        SupportService service = directory.create(actor.required(), Bodies.valid(body).toDomain());
        return Response.created(uri.getAbsolutePathBuilder().path(service.id()).build())
                .entity(ServiceResponse.of(service)).tag(Versions.tag(service.version())).build();
    }

    @Operation(summary = "Change a service",
            description = "Replaces a service's description, categories, area and referral inbox.")
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "The service as changed; `ETag` is its new version.",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ServiceResponse")))
    @RolesAllowed(Roles.ADMIN)
    public Response update(@PathParam("id") String id, Definition body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        directory.requireCurrent(id, Versions.expected(ifMatch));
        SupportService service = directory.update(actor.required(), id, Bodies.valid(body).toDomain(), Versions.expected(ifMatch));
        return Versions.ok(ServiceResponse.of(service), service.version()).build();
    }

    @Operation(summary = "Keep a service's entry",
            description = "The service's own staff (or an administrator) state, all at once, whether it is taking "
                    + "referrals, what it says, its referral inbox and public address, whom it sees, the postcode areas "
                    + "it covers, its opening times and languages. Another organisation's service answers 404.")
    @PUT
    @Path("{id}/entry")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "The service as changed; `ETag` is its new version.",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ServiceResponse")))
    @RolesAllowed({Roles.ADMIN, Roles.SERVICE_STAFF})
    @RequiresScope(ApiScope.DIRECTORY_WRITE)
    public Response keepEntry(@PathParam("id") String id, EntryChange body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        SupportService service = visible(id);
        StaleVersionException.requireCurrent("service", service.version(), Versions.expected(ifMatch));
        SupportService changed = directory.updateOwnEntry(actor.required(), id, Bodies.valid(body).toDomain(),
                Versions.expected(ifMatch));
        return Versions.ok(ServiceResponse.of(changed), changed.version()).build();
    }

    /** The service, unless the caller is staff of another organisation, for whom it is not found. */
    private SupportService visible(String id) {
        Actor caller = actor.required();
        return caller.is(Role.ADMIN) ? directory.get(id) : directory.ownService(caller, id);
    }

    @Operation(summary = "Change a service's capacity",
            description = "Open, a waiting list of so many weeks, or closed to new referrals.")
    @PUT
    @Path("{id}/capacity")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "The service with its new capacity; `ETag` is its new version.",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ServiceResponse")))
    @RolesAllowed({Roles.ADMIN, Roles.SERVICE_STAFF})
    @RequiresScope(ApiScope.DIRECTORY_WRITE)
    public Response capacity(@PathParam("id") String id, CapacityChange body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        directory.requireCurrent(id, Versions.expected(ifMatch));
        CapacityChange change = Bodies.valid(body);
        SupportService service = directory.changeCapacity(actor.required(), id, change.capacity(),
                change.waitWeeks() == null ? 0 : change.waitWeeks(), Versions.expected(ifMatch));
        return Versions.ok(ServiceResponse.of(service), service.version()).build();
    }
}
