package org.waypoint.api.directory;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waypoint.api.Bodies;
import org.waypoint.api.json.Limit;
import org.waypoint.api.problem.FieldError;
import org.waypoint.api.problem.Problem;
import org.waypoint.api.problem.ProblemException;
import org.waypoint.api.problem.ProblemType;
import org.waypoint.api.problem.RequestValidationException;
import org.waypoint.api.security.RequestActor;
import org.waypoint.core.account.Roles;
import org.waypoint.core.directory.DirectoryImport;
import org.waypoint.core.directory.ImportReport;
import org.waypoint.core.directory.OrukSource;
import org.waypoint.core.shared.AddressPolicy;

/**
 * Administrators import a directory from Open Referral UK: a dry run by default, applied with
 * {@code dryRun=false}. The source is the body (an ORUK page of services or a list of them), read as
 * a stream up to {@code waypoint.import.max-bytes}, or another directory's ORUK API, read page by page.
 */
@Tag(name = "Directory import", description = "Importing a directory from Open Referral UK 3.0.")
@SecurityRequirement(name = "bearer")
@Path("v1/directory")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryImportResource {

    /** The most an import reads, across every page of a source. */
    public static final String MAX_BYTES = "waypoint.import.max-bytes";
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
    /** How long a source's API may take to connect, and to answer each page. */
    public static final String TIMEOUT = "waypoint.import.timeout";
    /** Whether a source's API may be on a loopback, private or link-local address: tests and development only. */
    public static final String ALLOW_PRIVATE_ADDRESSES = "waypoint.import.allow-private-addresses";

    private final DirectoryImport imports;
    private final RequestActor actor;

    @Inject
    public DirectoryImportResource(DirectoryImport imports, RequestActor actor) {
        this.imports = imports;
        this.actor = actor;
    }

    /** For CDI's proxy only. */
    protected DirectoryImportResource() {
        this(null, null);
    }

    public static long maxBytes() {
        return ConfigProvider.getConfig().getOptionalValue(MAX_BYTES, Long.class).orElse(DEFAULT_MAX_BYTES);
    }

    public static Duration timeout() {
        return ConfigProvider.getConfig().getOptionalValue(TIMEOUT, Duration.class).orElse(Duration.ofSeconds(20));
    }

    /**
     * The reader of another directory's API, under the settings: http or https (a directory is public
     * data), on public addresses only unless {@value #ALLOW_PRIVATE_ADDRESSES} is true.
     */
    public static OrukApiReader apiReader() {
        boolean allowPrivate = ConfigProvider.getConfig().getOptionalValue(ALLOW_PRIVATE_ADDRESSES, Boolean.class).orElse(false);
        return new OrukApiReader(timeout(), new AddressPolicy(true, allowPrivate));
    }

    @Schema(description = "Another directory's Open Referral UK 3.0 API: its base address, before `/services`.",
            requiredProperties = {"url"})
    public record UrlSource(@NotNull @Limit(max = 2000) @Schema(format = "uri", maxLength = 2000) String url) {
    }

    @POST
    @Path("imports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a directory from an ORUK file",
            description = "Reads an Open Referral UK 3.0 page of services (`{\"contents\": [...]}`, as `GET /services` and "
                    + "Waypoint's export answer) or a list of services, and reports what importing it does to each service: "
                    + "new, changed, unchanged, or skipped with its reason. A dry run unless `dryRun=false`, which applies "
                    + "it in one transaction. A source that is not ORUK (not JSON, a schema violation, two services with "
                    + "one id, a text of absurd length) is refused whole with 400 and changes nothing; a larger one than "
                    + "allowed, with 413. Imported services are closed to referrals and have no referral inbox until an "
                    + "administrator sets one. Administrators only.")
    @RequestBody(required = true, description = "An ORUK 3.0 page of services, or a list of services.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "An Open Referral UK 3.0 page of services (the profile's `service_list`) or a list of "
                            + "services (its `service`).")))
    @APIResponse(responseCode = "200", description = "What the import does (dry run) or did.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ImportReportResponse")))
    @RolesAllowed(Roles.ADMIN)
    public ImportReportResponse importFile(
            @Parameter(description = "`true` (the default) only reports; `false` applies the import.",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "true"))
            @QueryParam("dryRun") String dryRun,
            @Context HttpHeaders headers, InputStream body) {
        return run(dryRun, source -> {
            String declared = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && declared.matches("[0-9]{1,18}") && Long.parseLong(declared) > maxBytes()) {
                throw tooLarge(maxBytes());
            }
            source.read(body);
        });
    }

    @POST
    @Path("url-imports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a directory from an ORUK API",
            description = "Reads another directory's Open Referral UK 3.0 API page by page (`GET <url>/services?page=N`, "
                    + "every page its `total_pages` counts) and reports, or with `dryRun=false` applies, as for a file. "
                    + "An address that does not answer, answers slowly, redirects to another host, or answers anything "
                    + "but ORUK JSON is refused with 400 and changes nothing. Administrators only.")
    @APIResponse(responseCode = "200", description = "What the import does (dry run) or did.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ImportReportResponse")))
    @RolesAllowed(Roles.ADMIN)
    public ImportReportResponse importUrl(
            @Parameter(description = "`true` (the default) only reports; `false` applies the import.",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "true"))
            @QueryParam("dryRun") String dryRun,
            UrlSource body) {
        return run(dryRun, source -> apiReader().read(Bodies.valid(body).url(), source));
    }

    @Schema(description = "Another directory's taxonomy term, mapped to a term of Waypoint's published taxonomy "
            + "(`GET /oruk/taxonomy_terms`).", requiredProperties = {"sourceTermId", "waypointTermId"})
    public record TermMapping(@NotNull @Limit(max = 100) @Schema(maxLength = 100) String sourceTermId,
                              @NotNull @Limit(max = 36) @Schema(format = "uuid") String waypointTermId) {
    }

    @GET
    @Path("term-mappings")
    @Operation(summary = "List the import term mapping",
            description = "How other directories' taxonomy terms map to Waypoint's published terms when a directory is "
                    + "imported, by source term id; Waypoint's own term ids map to themselves and are not listed. "
                    + "Administrators only.")
    @RolesAllowed(Roles.ADMIN)
    public List<TermMapping> termMappings() {
        return imports.termMapping(actor.required()).entrySet().stream()
                .map(e -> new TermMapping(e.getKey(), e.getValue())).toList();
    }

    @PUT
    @Path("term-mappings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Map a source's taxonomy term",
            description = "Maps another directory's taxonomy term to a term of Waypoint's published taxonomy, replacing "
                    + "what it mapped to before; the next import reads it so. Administrators only.")
    @APIResponse(responseCode = "200", description = "The mapping as kept.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TermMapping")))
    @RolesAllowed(Roles.ADMIN)
    public TermMapping mapTerm(TermMapping body) {
        TermMapping given = Bodies.valid(body);
        imports.mapTerm(actor.required(), given.sourceTermId(), given.waypointTermId());
        return given;
    }

    /** Only {@code dryRun=false} applies an import: anything but true or false is refused before the source is read. */
    private static boolean dryRun(String given) {
        if (given == null || given.equals("true")) {
            return true;
        }
        if (given.equals("false")) {
            return false;
        }
        throw RequestValidationException.of("/dryRun", "must be true or false");
    }

    /**
     * What both kinds of import do: {@code dryRun} checked before anything is read, the source read by
     * {@code reading} (which may refuse the request before reading it), then the dry run or the import,
     * and its report as the answer, or the source's problems as one problem.
     */
    private ImportReportResponse run(String dryRun, Consumer<OrukSource> reading) {
        boolean dry = dryRun(dryRun);
        return imports.whileImporting(() -> read(dry, reading));
    }

    private ImportReportResponse read(boolean dry, Consumer<OrukSource> reading) {
        OrukSource source = new OrukSource(maxBytes());
        reading.accept(source);
        if (source.tooLarge()) {
            throw tooLarge(maxBytes());
        }
        ImportReport report = dry ? imports.dryRun(actor.required(), source) : imports.apply(actor.required(), source);
        if (!report.usable()) {
            List<FieldError> errors = report.problems().stream().map(p -> new FieldError("", p)).toList();
            throw new SourceRefused(Problem.of(ProblemType.BAD_REQUEST,
                    "The source cannot be imported: " + report.problems().get(0)).withErrors(errors));
        }
        return ImportReportResponse.of(report, dry);
    }

    private static SourceRefused tooLarge(long max) {
        return new SourceRefused(Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                "An import takes at most " + max + " bytes."));
    }

    /** A source refused whole, with each of its problems (they name fields and places, never values). */
    private static final class SourceRefused extends ProblemException {

        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        SourceRefused(Problem problem) {
            super(ProblemType.BAD_REQUEST, problem.detail());
            this.problem = problem;
        }

        @Override
        public Problem toProblem() {
            return problem;
        }
    }
}
