package org.waypoint.api.referral;

import static org.waypoint.api.Bodies.valid;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waypoint.api.Lists;
import org.waypoint.api.PageResponse;
import org.waypoint.api.Versions;
import org.waypoint.api.Idempotent;
import org.waypoint.api.problem.ProblemException;
import org.waypoint.api.problem.ProblemType;
import org.waypoint.api.problem.RequestValidationException;
import org.waypoint.api.security.RequestActor;
import org.waypoint.core.account.Roles;
import org.waypoint.core.account.ApiScope;
import org.waypoint.core.account.RequiresScope;
import org.waypoint.core.referral.Referral;
import org.waypoint.core.referral.ReferralCommand;
import org.waypoint.core.referral.ReferralQuery;
import org.waypoint.core.referral.ReferralService;
import org.waypoint.core.referral.ReferralSort;
import org.waypoint.core.referral.ReferralStatus;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.Page;

/** Referrals: drafts, submission, every lifecycle action, the timeline and the messages. */
@Tag(name = "Referrals", description = "Drafts, submission, lifecycle actions, timeline and messages.")
@SecurityRequirement(name = "bearer")
@Path("v1/referrals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReferralResource {

    /** The referral list's orders by their names in the address; the first is the default. */
    private static final Map<String, ReferralSort> SORTS = Arrays.stream(ReferralSort.values())
            .collect(Collectors.toMap(ReferralSort::key, s -> s, (a, b) -> a, LinkedHashMap::new));

    private final ReferralService referrals;
    private final RequestActor actor;
    private final Clock clock;

    @Inject
    public ReferralResource(ReferralService referrals, RequestActor actor, Clock clock) {
        this.referrals = referrals;
        this.actor = actor;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected ReferralResource() {
        this(null, null, null);
    }

    @Operation(summary = "Start a referral",
            description = "A draft referral of a recorded person to a service, with their needs. It is sent only once consent is recorded and it is submitted.")
    @Parameters(@Parameter(ref = "IdempotencyKey"))
    @Idempotent
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The draft; `Location` is its address and `ETag` its version.",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ReferralResponse")))
    @RolesAllowed(Roles.CASEWORKER)
    @RequiresScope(ApiScope.REFERRALS_WRITE)
    public Response draft(ReferralRequests.Draft body, @Context UriInfo uri) {
        valid(body);
        Referral referral = referrals.draft(actor.required(), body.clientId(), body.serviceId(), needs(body.needs()));
        return Response.created(uri.getAbsolutePathBuilder().path(referral.id()).build())
                .entity(view(referral)).tag(Versions.tag(referral.version())).build();
    }

    @Operation(summary = "List referrals",
            description = "The referrals the caller may see: a caseworker's organisation's, or those sent to the caller's organisation's services; filtered, one page at a time.")
    @GET
    @APIResponse(responseCode = "200", description = "One page of the referrals the caller may see, and their total.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ReferralSummaryPage")))
    @RolesAllowed({Roles.CASEWORKER, Roles.SERVICE_STAFF})
    @RequiresScope(ApiScope.REFERRALS_READ)
    public PageResponse<ReferralResponses.ReferralSummary> list(
            @QueryParam("status") @Parameter(schema = @Schema(ref = "ReferralStatus")) String status,
            @QueryParam("service") String serviceId,
            @QueryParam("organisation") String organisationId,
            @QueryParam("overdue") @DefaultValue("false") boolean overdue,
            @QueryParam("reference") String reference,
            @Parameter(description = "Only referrals changed at or after this instant (their `updatedAt`): to learn "
                    + "what changed since the last look, ask with the latest `updatedAt` seen and `sort=updatedAt`.",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "The order: `acknowledgeBy` (the default: soonest due first, drafts last, then "
                    + "newest), `updatedAt`, `createdAt` or `reference`; a leading `-` reverses it. Ties go by id.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"acknowledgeBy", "updatedAt", "-updatedAt",
                            "createdAt", "-createdAt", "reference", "-reference"}, defaultValue = "acknowledgeBy"))
            @QueryParam("sort") String sort,
            @Parameter(description = "The page, counting from 0.") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Referrals a page, 1 to " + Page.MAX_SIZE + "; more is refused (400).")
            @QueryParam("size") @DefaultValue(Lists.DEFAULT_SIZE) int size) {
        ReferralQuery query = new ReferralQuery(Optional.ofNullable(status).map(ReferralResource::status),
                Optional.ofNullable(serviceId), Optional.ofNullable(organisationId), overdue,
                Optional.ofNullable(reference), page, size)
                .changedSince(Lists.since(updatedSince), Lists.sort(sort, SORTS));
        return PageResponse.of(referrals.search(actor.required(), query)
                .map(r -> ReferralResponses.summary(r, clock.instant())));
    }

    /**
     * Shows one referral and changes nothing: the service acknowledges a submitted referral with
     * {@code POST …/acknowledge}. (The pages still acknowledge on the service's first look.)
     */
    @Operation(summary = "Read a referral",
            description = "One referral as the caller may see it. Reading changes nothing: the service acknowledges "
                    + "a submitted referral with `POST /api/v1/referrals/{id}/acknowledge`.")
    @GET
    @Path("{id}")
    @APIResponse(responseCode = "200", description = "The referral as the caller may see it; `ETag` is its version.",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ReferralResponse")))
    @RolesAllowed({Roles.CASEWORKER, Roles.SERVICE_STAFF})
    @RequiresScope(ApiScope.REFERRALS_READ)
    public Response get(@PathParam("id") String id) {
        Referral referral = referrals.read(actor.required(), id);
        return Versions.ok(view(referral), referral.version()).build();
    }

    @Operation(summary = "Change a draft",
            description = "Changes a draft's service or needs.")
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The draft as changed; `ETag` is its new version.",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ReferralResponse")))
    @RolesAllowed(Roles.CASEWORKER)
    @RequiresScope(ApiScope.REFERRALS_WRITE)
    public Response updateDraft(@PathParam("id") String id, ReferralRequests.UpdateDraft body,
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        referrals.requireCurrent(actor.required(), id, Versions.expected(ifMatch));
        valid(body);
        Referral referral = referrals.updateDraft(actor.required(), id, body.serviceId(), needs(body.needs()),
                Versions.expected(ifMatch));
        return Versions.ok(view(referral), referral.version()).build();
    }

    @Operation(summary = "Record consent",
            description = "Records who consented, to what, how and when, or a safeguarding override with its justification.")
    @POST
    @Path("{id}/consent")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The referral with its consent; `ETag` is its new version.",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ReferralResponse")))
    @RolesAllowed(Roles.CASEWORKER)
    @RequiresScope(ApiScope.REFERRALS_WRITE)
    public Response recordConsent(@PathParam("id") String id, ReferralRequests.ConsentBody body,
                                  @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        referrals.requireCurrent(actor.required(), id, Versions.expected(ifMatch));
        valid(body);
        Actor caseworker = actor.required();
        Referral referral = referrals.recordConsent(caseworker, id, body.toDomain(caseworker.userId(), clock.instant()),
                Versions.expected(ifMatch));
        return Versions.ok(view(referral), referral.version()).build();
    }

    @Operation(summary = "Submit a referral",
            description = "Sends a draft with consent to its service, which is told by e-mail; the referral gets its reference and acknowledge-by time.")
    @Parameters(@Parameter(ref = "IdempotencyKey"))
    @Idempotent
    @POST
    @Path("{id}/submit")
    @APIResponse(responseCode = "200", description = "The referral, submitted, with its reference and acknowledge-by time.",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ReferralResponse")))
    @RolesAllowed(Roles.CASEWORKER)
    @RequiresScope(ApiScope.REFERRALS_WRITE)
    public Response submit(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Referral referral = referrals.submit(actor.required(), id, Versions.expected(ifMatch));
        return Versions.ok(view(referral), referral.version()).build();
    }

    /**
     * A lifecycle action: acknowledge, accept, reject, start, hold, resume, complete, fail (service staff); cancel
     * (caseworkers); entered-in-error (either side); business-status (service staff). Reject, hold,
     * fail, cancel and entered-in-error need a reason. Any other action is not found.
     */
    @Operation(summary = "Act on a referral",
            description = "A lifecycle action: accept, reject, start, hold, resume, complete, fail (the service); cancel (the referrer); entered-in-error (either side); business-status (the service). Reject, hold, fail, cancel and entered-in-error need a `reason`; business-status needs `businessStatus`. Reject and fail also take a `reasonCode`, the reason as a code the reports count: reject takes NOT_ELIGIBLE, OUTSIDE_AREA, NO_CAPACITY, BETTER_MET_ELSEWHERE, ALREADY_SUPPORTED, UNABLE_TO_CONTACT, DECLINED_SUPPORT or OTHER; fail takes UNABLE_TO_CONTACT, DECLINED_SUPPORT, DISENGAGED, MOVED_AWAY, SERVICE_COULD_NOT_CONTINUE or OTHER. It is optional for clients written before it; the pages always ask for it.")
    @POST
    @Path("{id}/{action}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @APIResponse(responseCode = "200", description = "The referral after the action; `ETag` is its new version.",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ReferralResponse")))
    @RolesAllowed({Roles.CASEWORKER, Roles.SERVICE_STAFF})
    @RequiresScope(ApiScope.REFERRALS_WRITE)
    public Response act(@PathParam("id") String id, @PathParam("action") String action, ReferralRequests.Action body,
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        referrals.requireCurrent(actor.required(), id, Versions.expected(ifMatch));
        ReferralRequests.Action given = body == null ? new ReferralRequests.Action(null, null, null, null) : valid(body);
        Referral referral = referrals.perform(actor.required(), id, command(action, given), Versions.expected(ifMatch));
        return Versions.ok(view(referral), referral.version()).build();
    }

    /** After a rejection: a new draft for the same person to another service, linked to this one. */
    @Operation(summary = "Redirect a rejected referral",
            description = "After a rejection: a new draft for the same person to another service, linked to the rejected one.")
    @Parameters(@Parameter(ref = "IdempotencyKey"))
    @Idempotent
    @POST
    @Path("{id}/redirect")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The new draft to the other service, linked to the rejected referral.",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ReferralResponse")))
    @RolesAllowed(Roles.CASEWORKER)
    @RequiresScope(ApiScope.REFERRALS_WRITE)
    public Response redirect(@PathParam("id") String id, ReferralRequests.Action body, @Context UriInfo uri) {
        if (valid(body).serviceId() == null) {
            throw RequestValidationException.of("/serviceId", "must not be null");
        }
        Referral next = referrals.redirect(actor.required(), id, body.serviceId());
        return Response.created(uri.getBaseUriBuilder().path("v1/referrals").path(next.id()).build())
                .entity(view(next)).tag(Versions.tag(next.version())).build();
    }

    @Operation(summary = "Read a referral's timeline",
            description = "Every change of the referral's status, oldest first, with who made it and why.")
    @GET
    @Path("{id}/timeline")
    @APIResponse(responseCode = "200", description = "One page of the referral's timeline: who did what, when.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TimelineEntryPage")))
    @RolesAllowed({Roles.CASEWORKER, Roles.SERVICE_STAFF})
    @RequiresScope(ApiScope.REFERRALS_READ)
    public PageResponse<ReferralResponses.TimelineEntry> timeline(
            @PathParam("id") String id,
            @Parameter(description = "Only entries recorded at or after this instant (entries never change).",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "`at` (the default: oldest first) or `-at` (newest first).",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"at", "-at"}, defaultValue = "at"))
            @QueryParam("sort") String sort,
            @Parameter(description = "The page, counting from 0.") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Entries a page, 1 to " + Page.MAX_SIZE + "; more is refused (400).")
            @QueryParam("size") @DefaultValue(Lists.DEFAULT_SIZE) int size) {
        return Lists.recorded(referrals.read(actor.required(), id).timeline().stream().map(ReferralResponses::entry)
                .toList(), ReferralResponses.TimelineEntry::at, updatedSince, sort, page, size);
    }

    @Operation(summary = "Read a referral's messages",
            description = "The messages between the referrer and the service, oldest first.")
    @GET
    @Path("{id}/messages")
    @APIResponse(responseCode = "200", description = "One page of the messages between the referrer and the service.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MessageResponsePage")))
    @RolesAllowed({Roles.CASEWORKER, Roles.SERVICE_STAFF})
    @RequiresScope(ApiScope.REFERRALS_READ)
    public PageResponse<ReferralResponses.MessageResponse> messages(
            @PathParam("id") String id,
            @Parameter(description = "Only messages sent at or after this instant (messages never change).",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "`at` (the default: oldest first) or `-at` (newest first).",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"at", "-at"}, defaultValue = "at"))
            @QueryParam("sort") String sort,
            @Parameter(description = "The page, counting from 0.") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Messages a page, 1 to " + Page.MAX_SIZE + "; more is refused (400).")
            @QueryParam("size") @DefaultValue(Lists.DEFAULT_SIZE) int size) {
        return Lists.recorded(referrals.read(actor.required(), id).messages().stream().map(ReferralResponses::message)
                .toList(), ReferralResponses.MessageResponse::at, updatedSince, sort, page, size);
    }

    @Operation(summary = "Send a message",
            description = "A message about the referral to the other side; they are told by e-mail, without its text.")
    @Parameters(@Parameter(ref = "IdempotencyKey"))
    @Idempotent
    @POST
    @Path("{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The message, sent.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MessageResponse")))
    @RolesAllowed({Roles.CASEWORKER, Roles.SERVICE_STAFF})
    @RequiresScope(ApiScope.REFERRALS_WRITE)
    public Response sendMessage(@PathParam("id") String id, ReferralRequests.Message body) {
        valid(body);
        return Response.status(Response.Status.CREATED)
                .entity(ReferralResponses.message(referrals.sendMessage(actor.required(), id, body.body()))).build();
    }

    private ReferralResponses.ReferralResponse view(Referral referral) {
        return ReferralResponses.of(referral, actor.required(), clock.instant());
    }

    private static ReferralCommand command(String action, ReferralRequests.Action body) {
        return ReferralCommand.parse(action, body.reason(), body.reasonCode(), body.businessStatus()).orElseThrow(NotFoundException::new);
    }

    private static org.waypoint.core.referral.NeedsAssessment needs(ReferralRequests.Needs needs) {
        if (needs == null) {
            throw new ProblemException(ProblemType.VALIDATION, "needs is required");
        }
        return needs.toDomain();
    }

    private static ReferralStatus status(String text) {
        try {
            return ReferralStatus.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.VALIDATION, "status is one of " + List.of(ReferralStatus.values()));
        }
    }
}
