package org.waypoint.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.waypoint.api.account.AccountResource;
import org.waypoint.api.account.UserResource;
import org.waypoint.api.apiclient.ApiClientResource;
import org.waypoint.api.apiclient.TokenEndpoint;
import org.waypoint.api.client.ClientRequest;
import org.waypoint.api.client.ClientResource;
import org.waypoint.api.client.ClientResponse;
import org.waypoint.api.directory.DirectoryImportResource;
import org.waypoint.api.directory.ImportReportResponse;
import org.waypoint.api.directory.MatchResponse;
import org.waypoint.api.directory.ServiceResource;
import org.waypoint.api.directory.ServiceResponse;
import org.waypoint.api.json.StrictJsonb;
import org.waypoint.api.organisation.OrganisationResource;
import org.waypoint.api.referral.ReferralRequests;
import org.waypoint.api.referral.ReferralResponses;
import org.waypoint.core.account.Role;
import org.waypoint.core.directory.Capacity;
import org.waypoint.core.directory.PublishedTaxonomy;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.referral.BusinessStatus;
import org.waypoint.core.referral.ConsentBasis;
import org.waypoint.core.referral.ConsentMethod;
import org.waypoint.core.referral.EndReason;
import org.waypoint.core.referral.ReferralAction;
import org.waypoint.core.referral.ReferralMessage;
import org.waypoint.core.referral.ReferralStatus;
import org.waypoint.core.referral.Urgency;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.RiskLevel;

/**
 * Every example the API description shows, in one place: one for each request and response record,
 * and the few operations whose body or answer is not the record's usual one (a draft, a submission,
 * a redirection). They are made of the records themselves and written with the API's own JSON-B, so
 * an example always has the fields, names and formats the API reads and writes, and a renamed field
 * cannot leave a stale example behind. All of it is fictional: Alex Example, addresses at
 * example.org, telephone numbers from Ofcom's range for drama, the demo data's Northshire.
 */
public final class ApiExamples {

    /** What one operation shows instead of its schemas' examples: its request body, its success answer, or both. */
    public record ForOperation(Optional<Object> request, Optional<Object> response) {
    }

    private static final String POLICE = "3b26e83d-0caf-4f38-b467-e92ec4d00711";
    private static final String HARBOUR = "5bc1b430-16c7-47ed-a835-53736b151eb0";
    private static final String CASEWORKER = "31015aac-16e2-4a2f-b0a4-5e8537366dea";
    private static final String STAFF = "5b4a0e9a-0608-411e-9f2e-4ff759cbcd5b";
    private static final String COUNSELLING_SERVICE = "448e48e7-c889-4fa3-98a2-69e0c1b6628e";
    private static final String THERAPY_SERVICE = "e5335574-b1e8-4a24-8ed2-bb8b4c2cfec4";
    private static final String YOUTH_SERVICE = "5f1a3166-292e-430d-81d0-c59b55abfaeb";
    private static final String CLIENT = "5d8ec111-0d95-4d00-811b-42fff64c515a";
    private static final String REFERRAL = "b4b5a132-7707-4357-9960-b43f0f085cd2";
    private static final String REDIRECTED = "d63cc698-71dc-4673-bf7d-9c22ebc85c37";
    private static final String MESSAGE = "a8943e11-81a9-4723-ac65-454947aa58c0";
    private static final String TOKEN = "6a7c3122-2123-4e3b-a377-968599f62e4f";
    private static final String API_CLIENT = "0f6b7d0e-5a43-4c0e-9d55-2f6f3f1e8a21";

    private static final String POLICE_NAME = "Northshire Police Victim Care Unit";
    private static final String HARBOUR_NAME = "Harbour Support Trust";
    private static final String REFERENCE = "WP-2026-000123";
    private static final String PASSWORD = "Example-Password-1";
    private static final LocalDate BORN = LocalDate.of(2010, 9, 14);
    private static final Instant CREATED = Instant.parse("2026-03-02T09:30:00Z");
    private static final Instant CONSENTED = Instant.parse("2026-03-02T09:50:00Z");
    private static final Instant SUBMITTED = Instant.parse("2026-03-02T10:05:00Z");
    private static final Instant ACKNOWLEDGE_BY = Instant.parse("2026-03-04T00:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-03-02T14:20:00Z");
    private static final Instant REJECTED = Instant.parse("2026-03-03T09:40:00Z");

    private static final ClientRequest.Contact CONTACT = new ClientRequest.Contact("07700 900123",
            "alex@example.org", "12 Example Road, Northshire");
    private static final ClientRequest.Safe SAFE = new ClientRequest.Safe("07700 900456",
            "Weekdays after 4pm, when Alex is home from school", false, false,
            "Say you are calling from the school library about a late book.");
    private static final ClientRequest CLIENT_REQUEST = new ClientRequest("Alex", "Example", BORN, Gender.FEMALE, "en",
            false, "Prefers to meet somewhere quiet, with a break every half hour.", "M14 0ZZ", CONTACT, SAFE,
            new ClientRequest.GuardianBody("Jordan Example", "Parent", "07700 900789"));
    private static final ClientResponse CLIENT_RESPONSE = new ClientResponse(CLIENT,
            new ClientResponse.SafeContactResponse(SAFE.safeNumber(), SAFE.safeTimes(), false, false, SAFE.coverStory()),
            "Alex", "Example", BORN, 15, true, "FEMALE", "en", false, CLIENT_REQUEST.accessNeeds(), "M14 0ZZ",
            new ClientResponse.ContactResponse(CONTACT.phone(), CONTACT.email(), CONTACT.address()),
            new ClientResponse.GuardianResponse("Jordan Example", "Parent", "07700 900789"), 0);

    private static final ReferralRequests.Needs NEEDS = new ReferralRequests.Needs(List.of("COUNSELLING"),
            List.of(CrimeType.GROOMING, CrimeType.ONLINE_SEXUAL_ABUSE), RiskLevel.MEDIUM, Urgency.ROUTINE, true,
            "NS/26/004512", "Contact is still being made through a gaming app.");
    private static final ReferralResponses.NeedsResponse NEEDS_RESPONSE = new ReferralResponses.NeedsResponse(
            NEEDS.needs(), NEEDS.crimeTypes(), RiskLevel.MEDIUM, true, NEEDS.crimeReference(),
            NEEDS.safeguardingConcerns());
    private static final ReferralRequests.ConsentBody CONSENT = new ReferralRequests.ConsentBody(
            ConsentBasis.GIVEN_BY_PERSON, true, true, ConsentMethod.IN_PERSON, CONSENTED, null, null);
    private static final ReferralResponses.ConsentResponse CONSENT_RESPONSE = new ReferralResponses.ConsentResponse(
            ConsentBasis.GIVEN_BY_PERSON, true, true, ConsentMethod.IN_PERSON, CONSENTED, null, null);
    private static final ReferralResponses.ServiceRef COUNSELLING_REF = new ReferralResponses.ServiceRef(
            COUNSELLING_SERVICE, "Harbour Counselling", HARBOUR);
    private static final ReferralResponses.ServiceRef THERAPY_REF = new ReferralResponses.ServiceRef(
            THERAPY_SERVICE, "Willow Therapy", HARBOUR);

    private static final ReferralResponses.ReferralResponse DRAFT = referral(REFERRAL, COUNSELLING_REF, CREATED,
            ReferralStatus.DRAFT, null, 0);
    private static final ReferralResponses.ReferralResponse CONSENTED_DRAFT = referral(REFERRAL, COUNSELLING_REF,
            CREATED, ReferralStatus.DRAFT, null, 1);
    private static final ReferralResponses.ReferralResponse SUBMITTED_REFERRAL = referral(REFERRAL, COUNSELLING_REF,
            CREATED, ReferralStatus.REQUESTED, null, 2);
    private static final ReferralResponses.ReferralResponse ACCEPTED_REFERRAL = referral(REFERRAL, COUNSELLING_REF,
            CREATED, ReferralStatus.ACCEPTED, BusinessStatus.CONTACT_ATTEMPTED, 5);
    private static final ReferralResponses.ReferralResponse REDIRECTED_DRAFT = referral(REDIRECTED, THERAPY_REF,
            REJECTED, ReferralStatus.DRAFT, null, 1);
    private static final ReferralResponses.ReferralSummary SUMMARY = new ReferralResponses.ReferralSummary(REFERRAL,
            REFERENCE, ReferralStatus.ACCEPTED, BusinessStatus.CONTACT_ATTEMPTED, COUNSELLING_REF, Urgency.ROUTINE, CREATED,
            SUBMITTED, ACKNOWLEDGE_BY, false, RECEIVED, 5);

    private static final Map<Class<?>, Object> SCHEMAS = schemas();
    private static final Map<String, ForOperation> OPERATIONS = Map.of(
            "POST v1/referrals", answer(DRAFT),
            "PUT v1/referrals/{id}", answer(DRAFT),
            "POST v1/referrals/{id}/consent", answer(CONSENTED_DRAFT),
            "POST v1/referrals/{id}/submit", answer(SUBMITTED_REFERRAL),
            "POST v1/referrals/{id}/redirect", new ForOperation(
                    Optional.of(new ReferralRequests.Action(null, null, null, THERAPY_SERVICE)), Optional.of(REDIRECTED_DRAFT)),
            "POST v1/directory/imports", new ForOperation(Optional.of(orukPage()), Optional.empty()),
            "GET v1/directory/term-mappings", answer(List.of(SCHEMAS.get(DirectoryImportResource.TermMapping.class))));

    /** A page of one service as another directory's ORUK API answers it, mapped by Waypoint's own term ids. */
    private static Map<String, Object> orukPage() {
        // Ordered maps: the description must read the same on every start.
        Map<String, Object> service = ordered("id", "ac148810-d857-441c-9679-408f346de14b", "name", "Harbour Counselling",
                "description", "Free counselling for adults and young people after sexual violence or exploitation.",
                "status", "active",
                "organization", ordered("id", HARBOUR, "name", HARBOUR_NAME, "description", "A charity."),
                "attributes", List.of(ordered("id", "5d3b1a8e-2f4c-4e6a-9b7d-1c0e8f6a4b2d", "taxonomy_term_id",
                        PublishedTaxonomy.termId(PublishedTaxonomy.Facet.NEEDS, "COUNSELLING"))),
                "service_areas", List.of(ordered("id", "7a9c2e4f-6b8d-4f1a-8c3e-5d7f9b1a3c5e", "name", "M",
                        "extent_type", "postcode_area", "extent", "M")));
        return ordered("contents", List.of(service));
    }

    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private ApiExamples() {
    }

    private static Map<Class<?>, Object> schemas() {
        Examples examples = new Examples();
        examples.put(AccountResource.SignIn.class, new AccountResource.SignIn("casey.worker@example.org", PASSWORD,
                "Case management export", 30, "492039"));
        examples.put(AccountResource.TokenRequest.class, new AccountResource.TokenRequest("Laptop", 30));
        examples.put(AccountResource.NewToken.class, new AccountResource.NewToken(TOKEN, "Laptop",
                Instant.parse("2026-04-01T09:30:00Z"), "wp_3q2-Example-Token-Shown-Only-Once-xYz0AbC1dE2"));
        examples.put(AccountResource.TokenResponse.class, new AccountResource.TokenResponse(TOKEN, "Laptop", CREATED,
                Instant.parse("2026-04-01T09:30:00Z"), null));
        examples.put(AccountResource.Me.class, new AccountResource.Me(CASEWORKER, "casey.worker@example.org",
                "Casey Worker", "CASEWORKER", POLICE, POLICE_NAME));
        examples.put(UserResource.NewUser.class, new UserResource.NewUser("sam.staff@example.org", "Sam Staff",
                Role.SERVICE_STAFF, HARBOUR, PASSWORD));
        examples.put(UserResource.UserResponse.class, new UserResource.UserResponse(STAFF, "sam.staff@example.org",
                "Sam Staff", "SERVICE_STAFF", HARBOUR, true));
        examples.put(UserResource.RoleChange.class, new UserResource.RoleChange(Role.ADMIN));
        examples.put(OrganisationResource.NewOrganisation.class, new OrganisationResource.NewOrganisation(HARBOUR_NAME,
                OrganisationKind.PROVIDER));
        examples.put(OrganisationResource.OrganisationResponse.class, new OrganisationResource.OrganisationResponse(
                HARBOUR, HARBOUR_NAME, "PROVIDER"));
        examples.put(ClientRequest.class, CLIENT_REQUEST);
        examples.put(ClientResponse.class, CLIENT_RESPONSE);
        examples.put(ClientResource.DuplicateCheck.class, new ClientResource.DuplicateCheck("Alex", "Example", BORN));
        examples.put(ClientResource.Withdrawal.class, new ClientResource.Withdrawal(
                "Alex has decided not to go ahead for now."));
        examples.put(ServiceResource.Definition.class, new ServiceResource.Definition(HARBOUR, "Harbour Counselling",
                "Free counselling for adults and young people after sexual violence or exploitation.",
                List.of("COUNSELLING"), List.of("M", "OL"), "referrals@harbour.example.org", 2));
        examples.put(ServiceResource.CapacityChange.class, new ServiceResource.CapacityChange(Capacity.WAITING_LIST, 6));
        examples.put(DirectoryImportResource.UrlSource.class,
                new DirectoryImportResource.UrlSource("https://directory.example.org/api"));
        examples.put(DirectoryImportResource.TermMapping.class,
                new DirectoryImportResource.TermMapping("3f7b145d-84af-42d7-8fae-eaca714b02b2",
                        PublishedTaxonomy.termId(
                                PublishedTaxonomy.Facet.NEEDS, "COUNSELLING")));
        examples.put(ImportReportResponse.class, new ImportReportResponse(
                true, false, 1, 0, 0, 1,
                List.of(new ImportReportResponse.Line("ac148810-d857-441c-9679-408f346de14b",
                                "Harbour Counselling", "NEW", ""),
                        new ImportReportResponse.Line("b2c4e6f8-0a1b-4c3d-8e5f-7a9b0c1d2e3f",
                                "Community Gardening", "SKIPPED", "None of its taxonomy terms maps to a Waypoint need.")),
                List.of(new ImportReportResponse.Term("3f7b145d-84af-42d7-8fae-eaca714b02b2",
                        "Gardening", 1))));
        examples.put(ServiceResponse.class, new ServiceResponse(COUNSELLING_SERVICE, "Harbour Counselling",
                "Free counselling for adults and young people after sexual violence or exploitation.", HARBOUR_NAME,
                List.of(new ServiceResponse.Category("COUNSELLING", "Counselling")), List.of("M", "OL"), "OPEN", null,
                13, null, List.of(), List.of(CrimeType.RAPE, CrimeType.SEXUAL_ASSAULT), List.of(),
                List.of(new ServiceResponse.OpeningHours("MONDAY", "09:00", "17:30"),
                        new ServiceResponse.OpeningHours("THURSDAY", "12:00", "20:00")),
                List.of("en", "pl"), true, "Harbour House, 12 Quay Street, Northshire M1 2AB",
                Instant.parse("2026-11-30T10:15:30.123Z")));
        examples.put(ServiceResource.EntryChange.class, new ServiceResource.EntryChange(Capacity.WAITING_LIST, 6,
                "Free counselling for adults and young people after sexual violence or exploitation.",
                "referrals@harbour.example.org", "Harbour House, 12 Quay Street, Northshire M1 2AB", 13, null, List.of(),
                List.of(CrimeType.RAPE, CrimeType.SEXUAL_ASSAULT), List.of(), List.of("M", "OL"),
                List.of(new ServiceResource.OpeningChange("MONDAY", "09:00", "17:30"),
                        new ServiceResource.OpeningChange("THURSDAY", "12:00", "20:00")),
                List.of("en", "pl"), true));
        examples.put(MatchResponse.class, new MatchResponse(
                List.of(new MatchResponse.Offered(matchedService(COUNSELLING_SERVICE, "Harbour Counselling",
                        List.of("COUNSELLING"), List.of("M", "OL"), "OPEN", null, "2 Harbour Row, Northshire"),
                        List.of(reason("OFFERS_CATEGORY", "COUNSELLING"), reason("COVERS_AREA", "M"),
                                reason("WORKS_IN_LANGUAGE", "en"), reason("OPEN_NOW")))),
                List.of(new MatchResponse.NotOffered(matchedService(YOUTH_SERVICE, "Young Voices Counselling",
                        List.of("COUNSELLING", "THERAPY"), List.of("BL"), "CLOSED", null, null),
                        List.of(reason("CLOSED"), reason("OUTSIDE_AREA", "M14"))))));
        examples.put(ReferralRequests.Draft.class, new ReferralRequests.Draft(CLIENT, COUNSELLING_SERVICE, NEEDS));
        examples.put(ReferralRequests.UpdateDraft.class, new ReferralRequests.UpdateDraft(COUNSELLING_SERVICE, NEEDS));
        examples.put(ReferralRequests.ConsentBody.class, CONSENT);
        examples.put(ReferralRequests.Action.class, new ReferralRequests.Action(
                "No counselling places in M14 until April: our waiting list is closed.", EndReason.NO_CAPACITY, null, null));
        examples.put(ReferralRequests.Message.class, new ReferralRequests.Message(
                "Would Alex prefer to meet at school or at our centre?"));
        examples.put(ReferralResponses.ReferralResponse.class, ACCEPTED_REFERRAL);
        examples.put(ReferralResponses.ReferralSummary.class, SUMMARY);
        examples.put(ReferralResponses.TimelineEntry.class, new ReferralResponses.TimelineEntry(SUBMITTED,
                ReferralAction.SUBMIT, ReferralStatus.DRAFT, ReferralStatus.REQUESTED, null, null, CASEWORKER, POLICE));
        examples.put(ReferralResponses.MessageResponse.class, new ReferralResponses.MessageResponse(MESSAGE,
                Instant.parse("2026-03-03T09:20:00Z"), ReferralMessage.Side.SERVICE, STAFF,
                "Would Alex prefer to meet at school or at our centre?"));
        List<String> scopes = List.of("referrals:read", "referrals:write", "clients:write", "directory:read");
        examples.put(ApiClientResource.NewApiClient.class, new ApiClientResource.NewApiClient(POLICE,
                "Northshire case system", Role.CASEWORKER, scopes));
        ApiClientResource.ApiClientResponse apiClient = new ApiClientResource.ApiClientResponse(API_CLIENT, POLICE,
                "Northshire case system", "CASEWORKER", scopes, CREATED, null, true);
        examples.put(ApiClientResource.ApiClientResponse.class, apiClient);
        examples.put(ApiClientResource.RegisteredApiClientResponse.class, new ApiClientResource.RegisteredApiClientResponse(
                API_CLIENT, "wpcs_ExampleSecretShownOnceExampleSecretShown", apiClient));
        examples.put(TokenEndpoint.AccessTokenResponse.class, new TokenEndpoint.AccessTokenResponse(
                "wpat_ExampleAccessTokenExampleAccessTokenExample", "Bearer", 900, "referrals:read referrals:write"));
        examples.put(TokenEndpoint.OAuthError.class, new TokenEndpoint.OAuthError("invalid_scope",
                "scope names a scope this client does not have"));
        examples.put(PageResponse.class, new PageResponse<>(List.of(SUMMARY), 1, 0, 20));
        return Collections.unmodifiableMap(examples.byType);
    }

    /** The example of each record that has one, as JSON (maps, lists, strings, numbers, booleans), by the record's class. */
    public static Map<Class<?>, Object> bySchema() {
        Jsonb jsonb = new StrictJsonb().getContext(Object.class);
        Map<Class<?>, Object> json = new LinkedHashMap<>();
        SCHEMAS.forEach((type, example) -> json.put(type, json(jsonb, example)));
        return json;
    }

    /** The records themselves, to test that the API reads each example it shows. */
    static Map<Class<?>, Object> records() {
        return SCHEMAS;
    }

    /**
     * The examples of operations that differ from their schemas', as JSON, by method and path under
     * the application ({@code POST v1/referrals/{id}/submit}).
     */
    public static Map<String, ForOperation> byOperation() {
        Jsonb jsonb = new StrictJsonb().getContext(Object.class);
        Map<String, ForOperation> json = new LinkedHashMap<>();
        OPERATIONS.forEach((operation, examples) -> json.put(operation, new ForOperation(
                examples.request().map(body -> json(jsonb, body)), examples.response().map(body -> json(jsonb, body)))));
        return json;
    }

    private static ForOperation answer(Object response) {
        return new ForOperation(Optional.empty(), Optional.of(response));
    }

    /**
     * Alex's referral in one of its states, as the referring caseworker sees it; the redirected one is
     * a new draft to another service, linked to the rejected one, with the consent carried over.
     */
    private static ReferralResponses.ReferralResponse referral(String id, ReferralResponses.ServiceRef service,
                                                               Instant created, ReferralStatus status,
                                                               BusinessStatus businessStatus, long version) {
        boolean submitted = status != ReferralStatus.DRAFT;
        boolean received = submitted && status != ReferralStatus.REQUESTED;
        return new ReferralResponses.ReferralResponse(id, submitted ? REFERENCE : null, status, status.fhirCode(),
                businessStatus, service, POLICE, CASEWORKER, Urgency.ROUTINE,
                CLIENT_RESPONSE, NEEDS_RESPONSE, version > 0 ? CONSENT_RESPONSE : null, created,
                submitted ? SUBMITTED : null, submitted ? ACKNOWLEDGE_BY : null, received ? RECEIVED : null, false,
                id.equals(REDIRECTED) ? REFERRAL : null, received ? RECEIVED : submitted ? SUBMITTED : created, version);
    }

    private static MatchResponse.Service matchedService(String id, String name, List<String> categories,
                                                        List<String> areas, String capacity, Integer waitWeeks,
                                                        String address) {
        return new MatchResponse.Service(id, name, HARBOUR_NAME, categories, areas, capacity, waitWeeks,
                null, List.of("en"), true, List.of("IN_PERSON", "VIDEO"), address);
    }

    private static MatchResponse.Reason reason(String code, String... parameters) {
        return new MatchResponse.Reason(code, List.of(parameters));
    }

    private static Object json(Jsonb jsonb, Object example) {
        return parse(jsonb.toJson(example));
    }

    /** JSON text as the plain Java values the OpenAPI model writes out. */
    static Object parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return plain(reader.readValue());
        }
    }

    /** JSON-P's values as the plain Java values the OpenAPI model writes out. */
    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                ((JsonObject) value).forEach((name, member) -> map.put(name, plain(member)));
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                ((JsonArray) value).forEach(item -> list.add(plain(item)));
                yield list;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).isIntegral() ? (Object) ((JsonNumber) value).longValueExact()
                    : ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    /** Keeps each example beside its record's type, checked by the compiler. */
    private static final class Examples {
        private final Map<Class<?>, Object> byType = new LinkedHashMap<>();

        <T> void put(Class<T> type, T example) {
            byType.put(type, example);
        }
    }
}
