package org.waypoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import jakarta.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.waypoint.web.oruk.OrukProfile;
import org.waypoint.web.oruk.OrukServlet;

/**
 * The directory as another system sees it through Open Referral UK 3.0, on the demo directory and a
 * service added here: every operation of the profile's OpenAPI is served with its parameters; a
 * reader pages through everything, and every answer validates (networknt's JSON Schema validator,
 * formats asserted) against the schema the profile's OpenAPI names for it, with the profile's files
 * read unchanged from {@code ../shared/standards/oruk}; filters narrow as the profile says; bad
 * paging and unknown ids are clear JSON errors; CORS is open for reading; no e-mail address, referral
 * inbox or referrers' note ever appears; an administrator, and nobody else, downloads the whole
 * directory as one ORUK package.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrukIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final String PASSWORD = "integration-password-1";
    private static final String INBOX = "oruk-secret-inbox@example.org";
    private static final String STAFF = "oruk-staff-person@example.org";
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    /** The demo's notes for referrers only (DemoData), which the public directory never shows. */
    private static final List<String> REFERRERS_ONLY = List.of("Assessment calls on Tuesdays", "Refuge spaces change daily");

    private static final Path STANDARD = OrukProfile.folder();
    private static final Map<String, String> ANSWERS = new LinkedHashMap<>();

    @ArquillianResource
    private URL base;

    private static ApiClient admin;
    private static String harbourId;
    private static String addedServiceId;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.waypoint();
    }

    @BeforeEach
    void onLoopback() {
        base = Deployments.loopback(base);
    }

    @Test
    @Order(1)
    void theProfileIsHereUnchangedAndEveryOperationOfItsOpenApiIsServedWithItsParameters() {
        assertThat(STANDARD.resolve("LICENSE")).as("the profile beside the repository, as CI lays ../shared").exists();
        JsonNode openapi = OrukProfile.openapi();
        Set<String> profilePaths = new HashSet<>();
        openapi.get("paths").fieldNames().forEachRemaining(profilePaths::add);
        assertThat(OrukServlet.OPERATIONS.keySet()).as("every path served is the profile's, and every path of the profile is served")
                .containsExactlyInAnyOrderElementsOf(profilePaths);
        Set<String> profileParameters = new HashSet<>();
        openapi.get("components").get("parameters").fields()
                .forEachRemaining(p -> profileParameters.add(p.getValue().get("name").asText()));
        for (String path : profilePaths) {
            List<String> operationParameters = new ArrayList<>();
            JsonNode listed = openapi.get("paths").get(path).get("get").get("parameters");
            if (listed != null) {
                for (JsonNode parameter : listed) {
                    JsonNode resolved = parameter.has("$ref")
                            ? openapi.at(parameter.get("$ref").asText().substring(1)) : parameter;
                    assertThat(resolved.get("in").asText()).isEqualTo("query");
                    operationParameters.add(resolved.get("name").asText());
                }
            }
            List<String> served = OrukServlet.OPERATIONS.get(path);
            assertThat(served).as("%s takes every parameter the profile lists for it", path).containsAll(operationParameters);
            assertThat(profileParameters).as("%s takes only parameters the profile defines", path).containsAll(served);
        }
    }

    @Test
    @Order(5)
    void anAdministratorAddsAServiceWhoseInboxAndStaffMustNeverBePublished() {
        admin = ApiClient.anonymous(base).signIn(System.getProperty("waypoint.it.admin-email"),
                System.getProperty("waypoint.it.admin-password"));
        harbourId = admin.newOrganisation("ORUK Harbour Trust", "PROVIDER");
        admin.newUser(STAFF, "SERVICE_STAFF", harbourId, PASSWORD);
        ApiClient.Reply service = admin.post("api/v1/services", Json.createObjectBuilder()
                .add("organisationId", harbourId).add("name", "Quayside Peer Advocacy")
                .add("description", "Advocacy by people who have been there.")
                .add("categories", Json.createArrayBuilder().add("ADVOCACY").add("HOUSING"))
                .add("postcodeAreas", Json.createArrayBuilder().add("LS").add("BD7"))
                .add("referralInbox", INBOX).build());
        addedServiceId = ApiClient.createdId(service);
    }

    @Test
    @Order(7)
    void theServicesOwnStaffChangeItsOpeningTimesAndAReaderAsksOnlyForWhatChangedSince() throws Exception {
        JsonNode before = get("oruk/services/" + addedServiceId, "/services/{id}");
        assertThat(before.get("schedules")).isEmpty();
        java.time.Instant lastModified = java.time.Instant.parse(before.get("last_modified").asText());
        assertThat(before.get("last_modified").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        String since = java.time.Instant.now().toString();
        Thread.sleep(5);

        ApiClient staff = ApiClient.anonymous(base).signIn(STAFF, PASSWORD);
        ApiClient.Reply kept = staff.put("api/v1/services/" + addedServiceId + "/entry", Json.createObjectBuilder()
                .add("capacity", "OPEN").add("description", "Advocacy by people who have been there.")
                .add("referralInbox", INBOX).add("postcodeAreas", Json.createArrayBuilder().add("LS").add("BD7"))
                .add("languages", Json.createArrayBuilder().add("en"))
                .add("openingTimes", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("day", "TUESDAY").add("opens", "09:30").add("closes", "16:00"))
                        .add(Json.createObjectBuilder().add("day", "SATURDAY").add("opens", "10:00").add("closes", "12:00")))
                .build(), Map.of());
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);

        JsonNode after = get("oruk/services/" + addedServiceId, "/services/{id}");
        assertThat(texts(after.get("schedules"), "byday")).containsExactly("TU", "SA");
        assertThat(texts(after.get("schedules"), "opens_at")).containsExactly("09:30", "10:00");
        assertThat(texts(after.get("schedules"), "closes_at")).containsExactly("16:00", "12:00");
        assertThat(texts(after.get("schedules"), "freq")).containsOnly("WEEKLY");
        assertThat(java.time.Instant.parse(after.get("last_modified").asText())).isAfter(lastModified);
        assertThat(names("modified_after=" + encode(since))).containsExactly("Quayside Peer Advocacy");
        assertThat(names("modified_after=" + encode(after.get("last_modified").asText()))).isEmpty();
        assertThat(names("modified_after=2020-01-01")).hasSameSizeAs(names("per_page=500"));
        assertProblem(send("GET", "oruk/services?modified_after=yesterday", Map.of()), 400);
    }

    @Test
    @Order(10)
    void aReaderPagesThroughEverythingAndEveryAnswerValidatesAgainstTheProfile() {
        JsonNode metadata = get("oruk/", "/");
        assertThat(metadata.get("version").asText()).isEqualTo("3.0");
        assertThat(metadata.get("profile").asText()).startsWith("https://");
        assertThat(metadata.get("openapi_url").asText()).endsWith("openapi30.json");

        List<JsonNode> services = pageThrough("oruk/services", "/services", 3);
        ApiClient.Reply directory = ApiClient.anonymous(base).get("api/v1/services?size=100");
        List<String> published = new ArrayList<>();
        directory.json().getJsonArray("items").forEach(s -> published.add(s.asJsonObject().getString("id")));
        assertThat(services).extracting(s -> s.get("id").asText()).as("exactly the services the public directory shows")
                .containsExactlyInAnyOrderElementsOf(published).contains(addedServiceId);

        Set<String> termIds = new HashSet<>();
        for (JsonNode summary : services) {
            JsonNode full = get("oruk/services/" + summary.get("id").asText(), "/services/{id}");
            assertThat(full.get("name").asText()).isEqualTo(summary.get("name").asText());
            assertThat(full.get("organization").get("id").asText()).isEqualTo(summary.get("organization_id").asText());
            full.get("attributes").forEach(a -> termIds.add(a.get("taxonomy_term_id").asText()));
        }
        JsonNode added = get("oruk/services/" + addedServiceId, "/services/{id}");
        assertThat(added.get("status").asText()).isEqualTo("active");
        assertThat(texts(added.get("service_areas"), "name")).containsExactly("BD7", "LS");
        assertThat(texts(added.get("languages"), "code")).containsExactly("en");
        assertThat(texts(added.get("attributes"), "taxonomy_term", "name")).contains("Advocacy", "Housing", "Adults",
                "Children and young people", "Domestic abuse", "In person");

        List<JsonNode> atLocations = pageThrough("oruk/service_at_locations", "/service_at_locations", 2);
        assertThat(atLocations).as("the demo's services with a public address").isNotEmpty();
        for (JsonNode summary : atLocations) {
            JsonNode full = get("oruk/service_at_locations/" + summary.get("id").asText(), "/service_at_locations/{id}");
            assertThat(full.get("service").get("id").asText()).isEqualTo(summary.get("service_id").asText());
            assertThat(full.at("/location/addresses/0/address_1").asText()).isNotBlank();
        }
        JsonNode willow = atLocations.stream().filter(s -> s.at("/service/name").asText().equals("Willow Therapy"))
                .findFirst().orElseThrow();
        JsonNode willowAddress = get("oruk/service_at_locations/" + willow.get("id").asText(), "/service_at_locations/{id}")
                .at("/location/addresses/0");
        assertThat(willowAddress.get("address_1").asText()).isEqualTo("Willow House, 40 Mill Lane");
        assertThat(willowAddress.get("city").asText()).isEqualTo("Northshire (demo)");

        List<JsonNode> taxonomies = pageThrough("oruk/taxonomies", "/taxonomies", 2);
        Set<String> taxonomyIds = new HashSet<>();
        for (JsonNode taxonomy : taxonomies) {
            taxonomyIds.add(taxonomy.get("id").asText());
            assertThat(get("oruk/taxonomies/" + taxonomy.get("id").asText(), "/taxonomies/{id}")).isEqualTo(taxonomy);
        }
        List<JsonNode> terms = pageThrough("oruk/taxonomy_terms", "/taxonomy_terms", 20);
        for (JsonNode term : terms) {
            assertThat(get("oruk/taxonomy_terms/" + term.get("id").asText(), "/taxonomy_terms/{id}")).isEqualTo(term);
            assertThat(term.get("description").asText()).as("every term is defined").isNotBlank();
            assertThat(taxonomyIds).contains(term.get("taxonomy_id").asText());
        }
        assertThat(terms).extracting(t -> t.get("id").asText()).as("every term a service carries is published")
                .containsAll(termIds).doesNotHaveDuplicates();
        assertThat(terms).extracting(t -> t.get("name").asText()).contains("Independent sexual violence adviser (ISVA)",
                "Independent domestic violence adviser (IDVA)", "Therapy", "Legal aid", "Advocacy", "Housing",
                "Child sexual exploitation", "Grooming", "Children and young people", "Adults");
    }

    @Test
    @Order(20)
    void filtersNarrowTheServicesAsTheProfileSays() {
        JsonNode isvaTerm = pageThrough("oruk/taxonomy_terms", "/taxonomy_terms", 100).stream()
                .filter(t -> t.get("term").asText().equals("ISVA")).findFirst().orElseThrow();
        assertThat(names("taxonomy_term_id=" + isvaTerm.get("id").asText())).containsExactly("Northshire ISVA Service");
        assertThat(names("taxonomy_id=" + isvaTerm.get("taxonomy_id").asText())).hasSizeGreaterThan(5);
        assertThat(names("taxonomy_id=00000000-0000-0000-0000-000000000000")).isEmpty();
        assertThat(names("search=WILLOW")).containsExactly("Willow Therapy");
        assertThat(names("organization_id=" + harbourId)).containsExactly("Quayside Peer Advocacy");
        assertThat(names("minimum_age=18")).contains("Northshire ISVA Service").doesNotContain("Willow Therapy");
        assertThat(names("maximum_age=17")).containsExactlyInAnyOrder("Northshire ChISVA Service", "Young Voices Counselling");
        assertThat(names("postcode=" + encode("BD7 1AA"))).containsExactly("Quayside Peer Advocacy");
        assertThat(names("postcode=BD8")).isEmpty();
        assertThat(names("search=counselling&minimum_age=13")).containsExactly("Harbour Counselling");
        assertThat(names("day=TU")).as("the opening times set earlier: TU 09:30-16:00, SA 10:00-12:00")
                .containsExactly("Quayside Peer Advocacy");
        assertThat(names("day=SA&start_time=10:00&end_time=12:00")).containsExactly("Quayside Peer Advocacy");
        assertThat(names("day=sa&start_time=10:30")).as("one opening must meet them all").isEmpty();
        assertThat(names("start_time=09:00&end_time=12:00")).as("the Saturday opening").containsExactly("Quayside Peer Advocacy");
        assertThat(names("day=MO")).isEmpty();
        assertThat(names("proximity=1000")).as("Waypoint has no coordinates to filter on, so it is ignored, as the profile allows")
                .hasSameSizeAs(names("per_page=500"));
        JsonNode second = get("oruk/services?per_page=2&page=2", "/services");
        assertThat(second.get("page_number").asInt()).isEqualTo(2);
        assertThat(second.get("size").asInt()).isEqualTo(2);
        assertThat(second.get("first_page").asBoolean()).isFalse();
        JsonNode beyond = get("oruk/services?page=99", "/services");
        assertThat(beyond.get("empty").asBoolean()).isTrue();
        assertThat(beyond.get("contents")).isEmpty();
    }

    @Test
    @Order(30)
    void badPagingAndUnknownIdsAreClearJsonErrors() {
        for (String query : List.of("page=0", "page=two", "per_page=0", "per_page=501", "minimum_age=old",
                "postcode=" + encode("not a postcode"), "day=XX", "start_time=9am", "end_time=25:00")) {
            String parameter = query.substring(0, query.indexOf('='));
            HttpResponse<String> response = send("GET", "oruk/services?" + query, Map.of());
            assertProblem(response, 400);
            assertThat(json(response.body()).get("detail").asText()).as(query).startsWith(parameter + ":");
        }
        assertProblem(send("GET", "oruk/taxonomy_terms?per_page=1000", Map.of()), 400);
        String unknown = "00000000-0000-4000-8000-000000000000";
        for (String path : List.of("oruk/services/no-such-service", "oruk/services/" + addedServiceId + "x",
                "oruk/services/" + unknown, "oruk/service_at_locations/" + unknown, "oruk/taxonomies/" + unknown,
                "oruk/taxonomy_terms/" + unknown, "oruk/services/" + "9".repeat(5000),
                "oruk/service_at_locations/" + addedServiceId, "oruk/taxonomies/nope", "oruk/taxonomy_terms/nope",
                "oruk/organizations", "oruk/services/" + addedServiceId + "/more", "oruk/services/")) {
            assertProblem(send("GET", path, Map.of()), 404);
        }
    }

    @Test
    @Order(40)
    void corsIsOpenForReading() {
        for (String path : List.of("oruk/", "oruk/services", "oruk/services/nope", "oruk/services?page=0")) {
            assertThat(send("GET", path, Map.of("Origin", "https://finder.example.gov.uk")).headers()
                    .firstValue("Access-Control-Allow-Origin")).as(path).contains("*");
        }
        HttpResponse<String> preflight = send("OPTIONS", "oruk/services", Map.of("Origin", "https://finder.example.gov.uk",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "accept"));
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("GET");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("")).containsIgnoringCase("accept");
    }

    @Test
    @Order(50)
    void noEmailAddressInboxOrReferrersNoteEverAppears() {
        List<String> staffAddresses = new ArrayList<>(List.of(INBOX, STAFF, System.getProperty("waypoint.it.admin-email")));
        admin.get("api/v1/users?size=100").json().getJsonArray("items")
                .forEach(u -> staffAddresses.add(u.asJsonObject().getString("email")));
        assertThat(staffAddresses).hasSizeGreaterThan(4);
        assertThat(ANSWERS).hasSizeGreaterThan(30);
        ANSWERS.forEach((path, body) -> {
            assertThat(body).as(path).doesNotContain(staffAddresses).doesNotContain(REFERRERS_ONLY);
            assertThat(EMAIL.matcher(body).find()).as("an e-mail address in " + path).isFalse();
        });
        JsonNode refuge = pageThrough("oruk/services", "/services", 50).stream()
                .filter(s -> s.get("name").asText().equals("Safe Haven Housing Support")).findFirst().orElseThrow();
        assertThat(get("oruk/services/" + refuge.get("id").asText(), "/services/{id}").get("service_at_locations"))
                .as("a confidential location has no address").isEmpty();
    }

    @Test
    @Order(60)
    void anAdministratorAndNobodyElseDownloadsTheWholeDirectoryAsOneOrukPackage() {
        assertProblem(send("GET", "admin/oruk-export", Map.of()), 401);
        ApiClient staff = ApiClient.anonymous(base).signIn(STAFF, PASSWORD);
        assertProblem(send("GET", "admin/oruk-export", Map.of("Authorization", "Bearer " + staff.token())), 404);

        HttpResponse<String> download = send("GET", "admin/oruk-export", Map.of("Authorization", "Bearer " + admin.token()));
        assertThat(download.statusCode()).as(download.body()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment; filename=\"waypoint-oruk-");
        JsonNode pack = json(download.body());
        List<String> invalid = new ArrayList<>();
        Schema service = OrukProfile.schema("schema/compiled/service.json");
        for (JsonNode entry : pack.get("contents")) {
            OrukProfile.validate(service, entry).forEach(e -> invalid.add(entry.get("id").asText() + ": " + e));
        }
        assertThat(invalid).as("every service in full validates as the profile's service").isEmpty();
        assertThat(pack.get("total_items").asInt()).isEqualTo(pack.get("contents").size());
        List<String> everyService = pageThrough("oruk/services", "/services", 100).stream().map(s -> s.get("id").asText()).toList();
        assertThat(StreamSupport.stream(pack.get("contents").spliterator(), false).map(s -> s.get("id").asText()).toList())
                .containsExactlyInAnyOrderElementsOf(everyService);
        assertThat(pack.toString()).doesNotContain(INBOX, STAFF).doesNotContain(REFERRERS_ONLY);
        assertThat(EMAIL.matcher(download.body()).find()).isFalse();
        for (JsonNode entry : pack.get("contents")) {
            assertThat(entry).as("the package holds each service as /services/{id} answers it")
                    .isEqualTo(get("oruk/services/" + entry.get("id").asText(), "/services/{id}"));
        }
    }

    @Test
    @Order(70)
    void theExportImportsBackUnchangedAndThisServersOwnOrukApiIsASourceToo() {
        HttpResponse<String> download = send("GET", "admin/oruk-export", Map.of("Authorization", "Bearer " + admin.token()));
        int services = json(download.body()).get("contents").size();

        ApiClient.Reply fromFile = admin.sendRaw("POST", "api/v1/directory/imports?dryRun=true", "application/json",
                download.body().getBytes(StandardCharsets.UTF_8));
        assertThat(fromFile.status()).as(fromFile.body()).isEqualTo(200);
        assertThat(fromFile.json().getInt("unchanged")).as("export, then import: the same directory; %s", fromFile.body())
                .isEqualTo(services);
        assertThat(fromFile.json().getBoolean("applied")).isFalse();

        ApiClient.Reply fromApi = admin.post("api/v1/directory/url-imports?dryRun=true",
                Json.createObjectBuilder().add("url", base.toString() + "oruk").build());
        assertThat(fromApi.status()).as(fromApi.body()).isEqualTo(200);
        assertThat(fromApi.json().getInt("unchanged")).as("paged through /oruk/services: %s", fromApi.body()).isEqualTo(services);
    }

    @Test
    @Order(80)
    void anImportedServiceIsPublishedClosedAndBadSourcesChangeNothing() {
        String id = "6f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
        String need = org.waypoint.core.directory.PublishedTaxonomy.termId(
                org.waypoint.core.directory.PublishedTaxonomy.Facet.NEEDS, "ADVOCACY");
        String page = Json.createObjectBuilder().add("contents", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("id", id).add("name", "Imported Advocacy").add("status", "active")
                .add("description", "Advocacy listed in a council's directory.").add("email", "public-contact@example.org")
                .add("organization", Json.createObjectBuilder().add("id", harbourId).add("name", "ORUK Harbour Trust")
                        .add("description", "A trust."))
                .add("attributes", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", "a1")
                        .add("taxonomy_term_id", need)))
                .add("service_areas", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", "s1")
                        .add("name", "LS6").add("extent_type", "postcode_district").add("extent", "LS6"))))).build().toString();
        ApiClient staff = ApiClient.anonymous(base).signIn(STAFF, PASSWORD);
        ApiClient.assertProblem(staff.sendRaw("POST", "api/v1/directory/imports", "application/json",
                page.getBytes(StandardCharsets.UTF_8), Map.of()), 403);

        ApiClient.Reply dryRun = admin.sendRaw("POST", "api/v1/directory/imports", "application/json", page.getBytes(StandardCharsets.UTF_8));
        assertThat(dryRun.json().getInt("new")).as(dryRun.body()).isEqualTo(1);
        assertProblemAt("oruk/services/" + id, 404);

        ApiClient.Reply applied = admin.sendRaw("POST", "api/v1/directory/imports?dryRun=false", "application/json",
                page.getBytes(StandardCharsets.UTF_8));
        assertThat(applied.json().getBoolean("applied")).as(applied.body()).isTrue();
        JsonNode published = get("oruk/services/" + id, "/services/{id}");
        assertThat(published.get("status").asText()).as("closed until an administrator sets its referral inbox")
                .isEqualTo("temporarily closed");
        assertThat(published.toString()).doesNotContain("public-contact@example.org");
        ApiClient.Reply open = admin.put("api/v1/services/" + id + "/capacity",
                Json.createObjectBuilder().add("capacity", "OPEN").build(), Map.of());
        ApiClient.assertProblem(open, 400);

        ApiClient.assertProblem(admin.sendRaw("POST", "api/v1/directory/imports?dryRun=false", "application/json",
                "<!DOCTYPE html><html></html>".getBytes(StandardCharsets.UTF_8)), 400);
        ApiClient.Reply invalid = admin.sendRaw("POST", "api/v1/directory/imports?dryRun=false", "application/json",
                "{\"contents\": [{\"id\": 7}]}".getBytes(StandardCharsets.UTF_8));
        ApiClient.assertProblem(invalid, 400);
        assertThat(invalid.json().getJsonArray("errors")).hasSize(3);
        ApiClient.assertProblem(admin.post("api/v1/directory/url-imports",
                Json.createObjectBuilder().add("url", base.toString() + "sign-in").build()), 400);
        ApiClient.assertProblem(admin.post("api/v1/directory/url-imports",
                Json.createObjectBuilder().add("url", "ftp://example.org/").build()), 400);
    }

    private void assertProblemAt(String path, int status) {
        assertProblem(send("GET", path, Map.of()), status);
    }

    /** Every page of a list, each validated; the items of all pages. */
    private List<JsonNode> pageThrough(String path, String operation, int perPage) {
        List<JsonNode> items = new ArrayList<>();
        int page = 1;
        while (true) {
            JsonNode answer = get(path + "?per_page=" + perPage + "&page=" + page, operation);
            assertThat(answer.get("page_number").asInt()).isEqualTo(page);
            assertThat(answer.get("first_page").asBoolean()).isEqualTo(page == 1);
            answer.get("contents").forEach(items::add);
            if (answer.get("last_page").asBoolean()) {
                assertThat(items).hasSize(answer.get("total_items").asInt());
                assertThat(answer.get("total_pages").asInt()).isEqualTo(page);
                return items;
            }
            assertThat(answer.get("size").asInt()).isEqualTo(perPage);
            page++;
        }
    }

    @Test
    @Order(65)
    void theTabularPackageHoldsWhatTheJsonPackageHoldsInTheProfilesTables() throws Exception {
        assertProblem(send("GET", "admin/oruk-export?format=csv", Map.of()), 401);
        JsonNode pack = json(send("GET", "admin/oruk-export", Map.of("Authorization", "Bearer " + admin.token())).body());
        HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(URI.create(base.toString())
                .resolve("admin/oruk-export?format=csv")).header("Authorization", "Bearer " + admin.token()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
        Map<String, String> files = new LinkedHashMap<>();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(download.body()))) {
            for (java.util.zip.ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        JsonNode descriptor = json(files.get("datapackage.json"));
        assertThat(descriptor.get("profile").asText()).isEqualTo("tabular-data-package");
        List<String> paths = texts(descriptor.get("resources"), "path");
        assertThat(files.keySet()).contains("datapackage.json");
        assertThat(files.keySet().stream().filter(name -> !name.equals("datapackage.json")))
                .as("one CSV file a table the descriptor names").containsExactlyInAnyOrderElementsOf(paths);

        // Each object of the JSON package, found in the table its schema names (its "path"), by id.
        JsonNode serviceSchema = OrukProfile.parse(java.nio.file.Files.readString(STANDARD.resolve("schema/compiled/service.json")));
        Map<String, List<String>> profileColumns = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, String>>> expected = new LinkedHashMap<>();
        tables(serviceSchema, profileColumns);
        for (JsonNode service : pack.get("contents")) {
            rows(service, serviceSchema, expected);
        }
        Map<String, Map<String, Map<String, String>>> actual = new LinkedHashMap<>();
        for (String path : paths) {
            List<List<String>> lines = csv(files.get(path));
            List<String> header = lines.get(0);
            assertThat(header).as("%s begins with the profile's columns, in order", path)
                    .startsWith(profileColumns.get(path).toArray(String[]::new));
            Map<String, Map<String, String>> byId = new LinkedHashMap<>();
            for (List<String> line : lines.subList(1, lines.size())) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    if (!line.get(i).isEmpty()) {
                        row.put(header.get(i), line.get(i));
                    }
                }
                assertThat(byId.put(row.get("id"), row)).as("%s: one row an id", path).isNull();
            }
            if (!byId.isEmpty()) {
                actual.put(path, byId);
            }
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.get("schedule.csv")).as("the opening times set earlier").isNotEmpty();
        assertThat(actual.get("services.csv")).hasSize(pack.get("contents").size());
    }

    /** Each table's columns, by its path: the fields of its schema that hold neither a list nor an object. */
    private static void tables(JsonNode schema, Map<String, List<String>> columns) {
        List<String> scalars = new ArrayList<>();
        schema.get("properties").fields().forEachRemaining(p -> {
            String type = p.getValue().path("type").asText();
            if (type.equals("array")) {
                tables(p.getValue().get("items"), columns);
            } else if (type.equals("object")) {
                tables(p.getValue(), columns);
            } else {
                scalars.add(p.getKey());
            }
        });
        columns.putIfAbsent(schema.get("path").asText(), scalars);
    }

    /** The scalar fields of this object, kept under its table's id, and of every object within it. */
    private static void rows(JsonNode object, JsonNode schema, Map<String, Map<String, Map<String, String>>> tables) {
        String path = schema.get("path").asText();
        Map<String, String> row = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            JsonNode inner = schema.get("properties").get(field.getKey());
            if (value.isArray()) {
                value.forEach(item -> rows(item, inner.get("items"), tables));
            } else if (value.isObject()) {
                rows(value, inner, tables);
            } else if (!value.isNull() && !value.asText().isEmpty()) {
                row.put(field.getKey(), value.isNumber() ? value.decimalValue().toPlainString() : value.asText());
            }
        });
        tables.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(row.get("id"), row);
    }

    /** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
    private static List<List<String>> csv(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                line.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                line.add(field.toString());
                field.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        return lines;
    }

    private List<String> names(String query) {
        JsonNode answer = get("oruk/services?per_page=500&" + query, "/services");
        return texts(answer.get("contents"), "name");
    }

    /** A 200 answer, validated against the schema the profile's OpenAPI gives the operation, and kept. */
    private JsonNode get(String path, String operation) {
        HttpResponse<String> response = send("GET", path, Map.of());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        ANSWERS.put(path, response.body());
        JsonNode body = json(response.body());
        assertThat(OrukProfile.validate(OrukProfile.answerOf(operation), body)).as("%s against the profile's schema for %s", path, operation).isEmpty();
        return body;
    }

    private static List<String> texts(JsonNode array, String... path) {
        List<String> texts = new ArrayList<>();
        for (JsonNode item : array) {
            JsonNode value = item;
            for (String step : path) {
                value = value.get(step);
            }
            texts.add(value.asText());
        }
        return texts;
    }

    private static JsonNode json(String body) {
        return OrukProfile.parse(body);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "at org.");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .timeout(Duration.ofSeconds(120)).method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
