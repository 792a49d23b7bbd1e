package org.waypoint.web.oruk;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.waypoint.api.limits.RateLimiter;
import org.waypoint.api.problem.Problem;
import org.waypoint.api.problem.ProblemJson;
import org.waypoint.api.problem.ProblemType;
import org.waypoint.core.directory.AgeRange;
import org.waypoint.core.directory.DirectoryService;
import org.waypoint.core.directory.OpeningTime;
import org.waypoint.core.directory.PublishedTaxonomy;
import org.waypoint.core.directory.PublishedTaxonomy.Facet;
import org.waypoint.core.directory.PublishedTaxonomy.Term;
import org.waypoint.core.directory.ServiceProfile;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.Postcode;

/**
 * The directory as an Open Referral UK 3.0 API, read-only and open to anyone, as the profile asks of
 * public directories (with {@code Access-Control-Allow-Origin: *}). It shows exactly the services that
 * {@code GET /api/v1/services} shows, in the profile's shapes ({@link OrukDocuments}).
 * <p>
 * A servlet rather than a second JAX-RS application: an application without its own class list is
 * given every resource in the WAR, so {@code /api}'s resources would answer under {@code /oruk} and
 * these under {@code /api}, and MicroProfile OpenAPI would add them to Waypoint's own API
 * description, whose contract is the profile's, not ours. Nine read-only routes need no framework.
 * <p>
 * The lists filter and page the services as matching holds them in memory
 * ({@link DirectoryService#profiles()}) and read from the database only the page's services, so that
 * a request costs the same at 50,000 services as at fifty.
 * <p>
 * {@code day}, {@code start_time} and {@code end_time} keep the services with a weekly opening that
 * meets them all. {@code proximity} is accepted and ignored, as the profile allows: Waypoint keeps no
 * coordinates. {@code modified_after} (an ISO 8601 date-time,
 * or a date for its start in UTC) keeps the services whose entry changed after it. Requests count against the
 * API's limit per client address ({@code waypoint.rate-limit.per-address-per-minute}).
 */
@WebServlet("/oruk/*")
public class OrukServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 500;

    private static final List<String> PAGING = List.of("page", "per_page");
    private static final List<String> SERVICE_FILTERS = List.of("search", "taxonomy_term_id", "taxonomy_id",
            "organization_id", "modified_after", "minimum_age", "maximum_age", "start_time", "end_time", "day",
            "postcode", "proximity");

    /** Every operation served, by the profile's path, with the query parameters it takes. */
    public static final Map<String, List<String>> OPERATIONS = operations();

    private static Map<String, List<String>> operations() {
        List<String> services = new ArrayList<>(PAGING);
        services.addAll(SERVICE_FILTERS);
        Map<String, List<String>> operations = new LinkedHashMap<>();
        operations.put("/", List.of());
        operations.put("/services", List.copyOf(services));
        operations.put("/services/{id}", List.of());
        operations.put("/service_at_locations", List.copyOf(services));
        operations.put("/service_at_locations/{id}", List.of());
        operations.put("/taxonomies", PAGING);
        operations.put("/taxonomies/{id}", List.of());
        operations.put("/taxonomy_terms", PAGING);
        operations.put("/taxonomy_terms/{id}", List.of());
        return Map.copyOf(operations);
    }

    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    @Inject
    transient DirectoryService directory;

    @Inject
    transient RateLimiter limiter;

    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
        cors(response);
        response.setHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
        response.setHeader("Access-Control-Allow-Headers", "Accept, Content-Type");
        response.setHeader("Access-Control-Max-Age", "86400");
        response.setHeader("Allow", "GET, HEAD, OPTIONS");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        cors(response);
        RateLimiter.Outcome outcome = limiter.acquire(RateLimiter.Policy.ADDRESS, request.getRemoteAddr(), System.currentTimeMillis());
        if (!outcome.allowed()) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, outcome.resetSeconds())));
            write(response, 429, Problem.MEDIA_TYPE, ProblemJson.write(Problem.of(ProblemType.TOO_MANY_REQUESTS,
                    "Too many requests from this address: try again in a minute.").withInstance(request.getRequestURI())));
            return;
        }
        try {
            write(response, 200, "application/json", route(request).toString());
        } catch (OrukProblem problem) {
            write(response, problem.status(), Problem.MEDIA_TYPE,
                    ProblemJson.write(problem.toProblem().withInstance(request.getRequestURI())));
        }
    }

    private JsonObject route(HttpServletRequest request) {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        String[] parts = path.substring(1).split("/", -1);
        if (path.equals("/")) {
            return OrukDocuments.metadata();
        }
        if (parts.length > 2 || (parts.length == 2 && parts[1].isEmpty())) {
            throw OrukProblem.notFound("There is no such address in this API.");
        }
        String collection = parts[0];
        Optional<String> id = parts.length == 2 ? Optional.of(parts[1]) : Optional.empty();
        if (id.isPresent() && !UUID_SHAPE.matcher(id.get()).matches()) {
            throw OrukProblem.notFound("There is nothing with this id: every id in this API is a UUID.");
        }
        return switch (collection) {
            case "services" -> id.map(this::service).orElseGet(() -> services(request));
            case "service_at_locations" -> id.map(this::serviceAtLocation).orElseGet(() -> serviceAtLocations(request));
            case "taxonomies" -> id.map(OrukServlet::taxonomy).orElseGet(() -> taxonomies(request));
            case "taxonomy_terms" -> id.map(this::term).orElseGet(() -> terms(request));
            default -> throw OrukProblem.notFound("There is no such address in this API.");
        };
    }

    private JsonObject services(HttpServletRequest request) {
        List<ServiceProfile> found = directory.profiles().stream().filter(filters(request)).toList();
        return Paging.of(request).pageOf(found, page -> services(page).stream().map(OrukDocuments::serviceSummary).toList());
    }

    private JsonObject service(String id) {
        SupportService service;
        try {
            service = directory.get(id);
        } catch (NotFoundException e) {
            throw OrukProblem.notFound("There is no service with this id.");
        }
        return OrukDocuments.service(service, PublishedTaxonomy.termsOf(service), service.openingTimes());
    }

    private JsonObject serviceAtLocations(HttpServletRequest request) {
        List<ServiceProfile> found = directory.profiles().stream().filter(OrukDocuments::hasPublicLocation)
                .filter(filters(request)).toList();
        return Paging.of(request).pageOf(found, page -> services(page).stream()
                .map(service -> OrukDocuments.serviceAtLocation(service, false, List.of())).toList());
    }

    private JsonObject serviceAtLocation(String id) {
        ServiceProfile found = directory.profiles().stream().filter(OrukDocuments::hasPublicLocation)
                .filter(s -> OrukDocuments.serviceAtLocationId(s.id()).equals(id)).findFirst()
                .orElseThrow(() -> OrukProblem.notFound("There is no service at a location with this id."));
        SupportService service = services(List.of(found)).stream().findFirst()
                .orElseThrow(() -> OrukProblem.notFound("There is no service at a location with this id."));
        return OrukDocuments.serviceAtLocation(service, true, PublishedTaxonomy.termsOf(service));
    }

    /** A page's services as entities, read together; one removed since the snapshot is left out. */
    private List<SupportService> services(List<ServiceProfile> page) {
        return directory.listServices(page.stream().map(ServiceProfile::id).toList());
    }

    private static JsonObject taxonomies(HttpServletRequest request) {
        return Paging.of(request).page(List.of(Facet.values()), OrukDocuments::taxonomy);
    }

    private static JsonObject taxonomy(String id) {
        return OrukDocuments.taxonomy(PublishedTaxonomy.facet(id)
                .orElseThrow(() -> OrukProblem.notFound("There is no taxonomy with this id.")));
    }

    private JsonObject terms(HttpServletRequest request) {
        return Paging.of(request).page(PublishedTaxonomy.terms(directory.categories()), OrukDocuments::term);
    }

    private JsonObject term(String id) {
        return OrukDocuments.term(PublishedTaxonomy.find(directory.categories(), id)
                .orElseThrow(() -> OrukProblem.notFound("There is no taxonomy term with this id.")));
    }

    /** The profile's filters, all of which must hold. */
    private Predicate<ServiceProfile> filters(HttpServletRequest request) {
        Predicate<ServiceProfile> all = service -> true;
        String search = text(request, "search");
        if (search != null) {
            String wanted = search.toLowerCase(Locale.ROOT);
            all = all.and(s -> s.name().toLowerCase(Locale.ROOT).contains(wanted)
                    || s.description().toLowerCase(Locale.ROOT).contains(wanted)
                    || s.organisation().toLowerCase(Locale.ROOT).contains(wanted));
        }
        String termId = text(request, "taxonomy_term_id");
        if (termId != null) {
            Optional<Term> term = PublishedTaxonomy.find(directory.categories(), termId);
            all = all.and(s -> term.isPresent() && PublishedTaxonomy.describes(s, term.get().facet(), term.get().code()));
        }
        String taxonomyId = text(request, "taxonomy_id");
        if (taxonomyId != null) {
            Optional<Facet> facet = PublishedTaxonomy.facet(taxonomyId);
            all = all.and(s -> facet.isPresent() && PublishedTaxonomy.describesAny(s, facet.get()));
        }
        String organisationId = text(request, "organization_id");
        if (organisationId != null) {
            all = all.and(s -> s.organisationId().equals(organisationId));
        }
        BigDecimal minimumAge = number(request, "minimum_age");
        if (minimumAge != null) {
            all = all.and(s -> BigDecimal.valueOf(s.eligibility().ages().minAge().orElse(0)).compareTo(minimumAge) >= 0);
        }
        BigDecimal maximumAge = number(request, "maximum_age");
        if (maximumAge != null) {
            all = all.and(s -> BigDecimal.valueOf(s.eligibility().ages().maxAge().orElse(AgeRange.OLDEST))
                    .compareTo(maximumAge) <= 0);
        }
        Instant modifiedAfter = instant(request, "modified_after");
        if (modifiedAfter != null) {
            all = all.and(s -> s.lastModified().isAfter(modifiedAfter));
        }
        Predicate<OpeningTime> opening = opening(request);
        if (opening != null) {
            Map<String, List<OpeningTime>> times = directory.openingTimes();
            all = all.and(s -> times.getOrDefault(s.id(), List.of()).stream().anyMatch(opening));
        }
        String postcode = text(request, "postcode");
        if (postcode != null) {
            Postcode place;
            try {
                place = new Postcode(postcode);
            } catch (InvalidField e) {
                throw OrukProblem.badRequest("postcode: a postcode looks like \"M14 5RT\", or its district \"M14\".");
            }
            Set<String> prefixes = Set.of(place.area(), place.district());
            all = all.and(s -> s.postcodePrefixes().stream().anyMatch(prefixes::contains));
        }
        return all;
    }

    /**
     * {@code day}, {@code start_time} and {@code end_time}, which one weekly opening must meet together:
     * on that day (MO to SU, as a schedule's {@code byday}, or the day's name), opening at or after the
     * start time and closing at or before the end time (UK local time); null when none is given.
     */
    private static Predicate<OpeningTime> opening(HttpServletRequest request) {
        String day = text(request, "day");
        LocalTime start = time(request, "start_time");
        LocalTime end = time(request, "end_time");
        if (day == null && start == null && end == null) {
            return null;
        }
        Predicate<OpeningTime> all = time -> true;
        if (day != null) {
            DayOfWeek wanted = Arrays.stream(DayOfWeek.values())
                    .filter(d -> d.name().substring(0, 2).equalsIgnoreCase(day) || d.name().equalsIgnoreCase(day))
                    .findFirst().orElseThrow(() -> OrukProblem.badRequest("day: give a day as MO, TU, WE, TH, FR, SA or SU."));
            all = all.and(time -> time.day() == wanted);
        }
        if (start != null) {
            all = all.and(time -> !time.opens().isBefore(start));
        }
        if (end != null) {
            all = all.and(time -> !time.closes().isAfter(end));
        }
        return all;
    }

    private static LocalTime time(HttpServletRequest request, String name) {
        String value = text(request, name);
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw OrukProblem.badRequest(name + ": give a time on the 24-hour clock, such as 09:00.");
        }
    }

    private static String text(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant instant(HttpServletRequest request, String name) {
        String value = text(request, name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw OrukProblem.badRequest(name + ": give a date-time such as 2026-11-30T09:00:00Z, or a date such as 2026-11-30.");
            }
        }
    }

    private static BigDecimal number(HttpServletRequest request, String name) {
        String value = text(request, name);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw OrukProblem.badRequest(name + ": give a number, such as 16.");
        }
    }

    private static void cors(HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Origin", "*");
    }

    private static void write(HttpServletResponse response, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(type);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** {@code page} (from 1) and {@code per_page} (1 to {@value #MAX_PER_PAGE}), checked. */
    record Paging(int page, int perPage) {

        static Paging of(HttpServletRequest request) {
            int page = whole(request, "page", 1, Integer.MAX_VALUE, 1);
            int perPage = whole(request, "per_page", 1, MAX_PER_PAGE, DEFAULT_PER_PAGE);
            return new Paging(page, perPage);
        }

        private static int whole(HttpServletRequest request, String name, int min, int max, int otherwise) {
            String value = text(request, name);
            if (value == null) {
                return otherwise;
            }
            try {
                int number = Integer.parseInt(value);
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // answered below, as a number out of range is
            }
            throw OrukProblem.badRequest(name + ": give a whole number from " + min
                    + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ".");
        }

        <T> JsonObject page(List<T> all, Function<T, JsonObject> document) {
            return pageOf(all, items -> items.stream().map(document).toList());
        }

        /** This page of {@code all}, its items' documents made together. */
        <T> JsonObject pageOf(List<T> all, Function<List<T>, List<JsonObject>> documents) {
            long from = (long) (page - 1) * perPage;
            List<JsonObject> contents = from >= all.size() ? List.of()
                    : documents.apply(all.subList((int) from, (int) Math.min(from + perPage, all.size())));
            return OrukDocuments.page(contents, all.size(), page, perPage);
        }
    }

    /** An answer other than 200, as problem+json. */
    static final class OrukProblem extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final transient ProblemType type;

        private OrukProblem(ProblemType type, String detail) {
            super(detail, null, false, false);
            this.type = type;
        }

        static OrukProblem notFound(String detail) {
            return new OrukProblem(ProblemType.NOT_FOUND, detail);
        }

        static OrukProblem badRequest(String detail) {
            return new OrukProblem(ProblemType.BAD_REQUEST, detail);
        }

        int status() {
            return type.status();
        }

        Problem toProblem() {
            return Problem.of(type, getMessage());
        }
    }
}
