package org.waypoint.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waypoint.web.ApiClient.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST API in a real Payara Micro, on Derby or PostgreSQL: an administrator sets up two referring
 * and two providing organisations; a caseworker records a person and refers them; the service
 * reads the referral (which changes nothing), acknowledges it and works it; nobody else sees any of
 * it; every refusal is problem+json with the right status. Every list is paged alike, sorted and
 * filtered by change, and answers 304 to a caller who holds it already.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiIT {

    private static final String PASSWORD = "integration-password-1";

    @ArquillianResource
    private URL base;

    @org.junit.jupiter.api.BeforeEach
    void onLoopback() {
        base = Deployments.loopback(base);
    }

    private static ApiClient caseworker;
    private static ApiClient staff;
    private static ApiClient otherStaff;
    private static ApiClient otherCaseworker;
    private static ApiClient admin;
    private static String serviceId;
    private static String clientId;
    private static String referralId;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.waypoint();
    }

    /**
     * The description the server serves is the committed contract (api/src/main/openapi/waypoint-api.yaml),
     * from which the tests' client is generated and against which every answer is checked; it is valid
     * OpenAPI for swagger-parser and for openapi-generator's default validation; it is YAML unless JSON
     * is asked for; and every operation says what it does and who may call it. Run first, so that a
     * refresh of the contract (-Dwaypoint.it.refresh-api-description=true) comes before any answer is
     * checked against it.
     */
    @Test
    @Order(1)
    void theServedDescriptionIsTheCommittedContractAndValidOpenApi() throws Exception {
        ApiClient anonymous = ApiClient.anonymous(base);
        String openapi = base.toURI().resolve("/openapi").toString();
        // Sent with no Accept at all, as the simplest client would (the server builds it on this first request).
        ApiClient.Reply yaml = anonymous.send("GET", openapi, null, Map.of());
        assertThat(yaml.status()).as(yaml.toString()).isEqualTo(200);
        assertThat(yaml.contentType()).startsWith("application/yaml");
        ApiClient.Reply json = anonymous.send("GET", openapi, null, Map.of("Accept", "application/json"));
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(anonymous.send("GET", openapi + "?format=JSON", null, Map.of()).contentType()).startsWith("application/json");
        assertProblem(anonymous.send("GET", openapi, null, Map.of("Accept", "text/html")), 406);

        ContractSnapshot.compareOrRefresh(yaml.body());

        io.swagger.v3.parser.core.models.SwaggerParseResult parsed =
                new io.swagger.v3.parser.OpenAPIV3Parser().readContents(yaml.body(), null, null);
        assertThat(parsed.getMessages()).as("swagger-parser's messages").isEmpty();
        assertThat(new io.swagger.v3.parser.OpenAPIV3Parser().readContents(json.body(), null, null).getOpenAPI())
                .as("the JSON and the YAML say the same").isEqualTo(parsed.getOpenAPI());
        ContractSnapshot.validateAsOpenApiGeneratorDoes(yaml.body());

        List<String> incomplete = new java.util.ArrayList<>();
        List<String> open = new java.util.ArrayList<>();
        parsed.getOpenAPI().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String name = method + " " + path;
            if (operation.getSummary() == null || operation.getDescription() == null || operation.getOperationId() == null) {
                incomplete.add(name + " has no summary, description or operation id");
            }
            if (operation.getSecurity() == null) {
                incomplete.add(name + " declares no security");
            } else if (operation.getSecurity().isEmpty()) {
                open.add(name);
            }
            if (!operation.getResponses().containsKey("default")) {
                incomplete.add(name + " has no default (problem) response");
            }
        }));
        assertThat(incomplete).isEmpty();
        // Open to anyone: signing in and the public directory, nothing else.
        assertThat(open).containsExactlyInAnyOrder("POST /v1/auth/token", "POST /v1/oauth/token", "GET /v1/services", "GET /v1/services/{id}");
        assertThat(parsed.getOpenAPI().getServers()).singleElement()
                .satisfies(server -> assertThat(server.getUrl()).isEqualTo("http://localhost:8080/api"));
        assertThat(parsed.getOpenAPI().getPaths().keySet()).contains("/v1/referrals", "/v1/referrals/{id}/submit",
                "/v1/clients/duplicates", "/v1/services/{id}/capacity", "/v1/users", "/v1/me/tokens", "/v1/admin/outbox");
        io.swagger.v3.oas.models.Operation act = parsed.getOpenAPI().getPaths().get("/v1/referrals/{id}/{action}").getPost();
        assertThat(act.getParameters()).filteredOn(parameter -> parameter.getName().equals("action")).singleElement()
                .satisfies(parameter -> assertThat(parameter.getSchema().getEnum()).contains("accept", "reject", "cancel"));
        assertThat(parsed.getOpenAPI().getPaths().get("/v1/referrals/{id}/submit").getPost().getParameters())
                .extracting(parameter -> parameter.get$ref() == null ? parameter.getName() : parameter.get$ref())
                .contains("If-Match", "#/components/parameters/IdempotencyKey");
        io.swagger.v3.oas.models.media.Schema<?> summaryStatus = (io.swagger.v3.oas.models.media.Schema<?>) parsed.getOpenAPI()
                .getComponents().getSchemas().get("ReferralSummary").getProperties().get("status");
        assertThat(summaryStatus.get$ref()).as("the referral status is an enum in answers too")
                .isEqualTo("#/components/schemas/ReferralStatus");
        assertThat(parsed.getOpenAPI().getComponents().getSchemas().get("ReferralStatus").getEnum()).contains("REQUESTED", "ACCEPTED");
        assertThat(anonymous.get("api-docs/").body()).contains("swagger-ui-bundle.js");
    }

    /**
     * A token for an account with a second factor needs its code (an administrator's always has one);
     * an account that must have one but has not set it up is refused until its holder has, on the pages.
     */
    @Test
    @Order(11)
    void anAccountWithASecondFactorSendsItsCodeForAToken() {
        String email = System.getProperty("waypoint.it.admin-email");
        String password = System.getProperty("waypoint.it.admin-password");
        ApiClient anonymous = ApiClient.anonymous(base);
        ApiClient.Reply without = anonymous.post("api/v1/auth/token", Json.createObjectBuilder()
                .add("email", email).add("password", password).build());
        assertProblem(without, 401);
        assertThat(without.json().getString("type")).endsWith("/second-factor-required");
        ApiClient.Reply replayed = anonymous.post("api/v1/auth/token", Json.createObjectBuilder()
                .add("email", email).add("password", password).add("code", SecondFactor.codeOfStep(email, 1)).build());
        assertProblem(replayed, 401);
        assertThat(replayed.json().getString("type")).as("an old code is no code").endsWith("/unauthorized");

        String organisation = admin.newOrganisation("IT Second Factor Unit", "REFERRER");
        String newcomer = "it-new-admin-" + java.util.UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        admin.newUser(newcomer, "ADMIN", organisation, PASSWORD);
        ApiClient.Reply notSetUp = anonymous.post("api/v1/auth/token", Json.createObjectBuilder()
                .add("email", newcomer).add("password", PASSWORD).build());
        assertProblem(notSetUp, 403);
        assertThat(notSetUp.json().getString("type")).endsWith("/second-factor-not-set-up");
        assertThat(anonymous.signIn(newcomer, PASSWORD).get("api/v1/me").json().getString("role"))
                .as("once set up on the pages, with its code").isEqualTo("ADMIN");
    }

    @Test
    @Order(10)
    void anAdministratorSetsUpOrganisationsAccountsAndAService() {
        admin = ApiClient.anonymous(base).signIn(System.getProperty("waypoint.it.admin-email"),
                System.getProperty("waypoint.it.admin-password"));
        String police = admin.newOrganisation("IT Victim Care Unit", "REFERRER");
        String council = admin.newOrganisation("IT Council Safeguarding", "REFERRER");
        String charity = admin.newOrganisation("IT Harbour Trust", "PROVIDER");
        String otherCharity = admin.newOrganisation("IT Other Charity", "PROVIDER");
        admin.newUser("it-caseworker@example.org", "CASEWORKER", police, PASSWORD);
        admin.newUser("it-other-caseworker@example.org", "CASEWORKER", council, PASSWORD);
        admin.newUser("it-staff@example.org", "SERVICE_STAFF", charity, PASSWORD);
        admin.newUser("it-other-staff@example.org", "SERVICE_STAFF", otherCharity, PASSWORD);

        ApiClient.Reply service = admin.post("api/v1/services", Json.createObjectBuilder()
                .add("organisationId", charity).add("name", "IT Counselling").add("description", "Counselling.")
                .add("categories", Json.createArrayBuilder().add("COUNSELLING"))
                .add("postcodeAreas", Json.createArrayBuilder().add("M"))
                .add("referralInbox", "it-inbox@example.org").build());
        assertThat(service.status()).as(service.toString()).isEqualTo(201);
        serviceId = service.json().getString("id");

        ApiClient anonymous = ApiClient.anonymous(base);
        caseworker = anonymous.signIn("it-caseworker@example.org", PASSWORD);
        otherCaseworker = anonymous.signIn("it-other-caseworker@example.org", PASSWORD);
        staff = anonymous.signIn("it-staff@example.org", PASSWORD);
        otherStaff = anonymous.signIn("it-other-staff@example.org", PASSWORD);

        JsonObject me = caseworker.get("api/v1/me").json();
        assertThat(me.getString("role")).isEqualTo("CASEWORKER");
        assertThat(me.getString("organisationId")).isEqualTo(police);
    }

    @Test
    @Order(20)
    void theDirectoryIsPublicButShowsNoReferralInbox() {
        ApiClient.Reply one = ApiClient.anonymous(base).get("api/v1/services/" + serviceId);

        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body()).contains("IT Counselling").doesNotContain("it-inbox@example.org");
        assertThat(ApiClient.anonymous(base).get("api/v1/services").body()).doesNotContain("it-inbox@example.org");
    }

    @Test
    @Order(25)
    void theServicesOwnStaffKeepItsEntryAndAStaleForeignOrBadChangeIsRefused() {
        ApiClient.Reply before = staff.get("api/v1/services/" + serviceId);
        JsonObject entry = Json.createObjectBuilder()
                .add("capacity", "WAITING_LIST").add("waitWeeks", 4)
                .add("description", "Counselling, in the evenings too.")
                .add("referralInbox", "it-inbox@example.org")
                .add("minimumAge", 16)
                .add("genders", Json.createArrayBuilder().add("FEMALE").add("NON_BINARY"))
                .add("crimeTypes", Json.createArrayBuilder().add("RAPE"))
                .add("postcodeAreas", Json.createArrayBuilder().add("M").add("sk4"))
                .add("openingTimes", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("day", "THURSDAY").add("opens", "17:00").add("closes", "21:00"))
                        .add(Json.createObjectBuilder().add("day", "MONDAY").add("opens", "09:00").add("closes", "17:00")))
                .add("languages", Json.createArrayBuilder().add("en").add("cy"))
                .add("interpretersAvailable", true).build();

        ApiClient.Reply changed = staff.put("api/v1/services/" + serviceId + "/entry", entry, Map.of("If-Match", before.etag()));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.etag()).isNotEqualTo(before.etag());
        JsonObject service = ApiClient.anonymous(base).get("api/v1/services/" + serviceId).json();
        assertThat(service.getInt("minimumAge")).isEqualTo(16);
        assertThat(service.getJsonArray("genders")).extracting(Object::toString).containsExactly("\"FEMALE\"", "\"NON_BINARY\"");
        assertThat(service.getJsonArray("postcodeAreas")).extracting(Object::toString).containsExactly("\"M\"", "\"SK4\"");
        assertThat(service.getJsonArray("openingTimes")).extracting(t -> t.asJsonObject().getString("day")
                + " " + t.asJsonObject().getString("opens") + "-" + t.asJsonObject().getString("closes"))
                .containsExactly("MONDAY 09:00-17:00", "THURSDAY 17:00-21:00");
        assertThat(service.getJsonArray("languages")).extracting(Object::toString).containsExactly("\"cy\"", "\"en\"");
        assertThat(java.time.Instant.parse(service.getString("lastModified")))
                .isAfter(java.time.Instant.parse(before.json().getString("lastModified")));
        assertThat(service.toString()).doesNotContain("it-inbox@example.org");

        assertProblem(staff.put("api/v1/services/" + serviceId + "/entry", entry, Map.of("If-Match", before.etag())), 412);
        assertProblem(otherStaff.put("api/v1/services/" + serviceId + "/entry", entry, Map.of()), 404);
        assertProblem(caseworker.put("api/v1/services/" + serviceId + "/entry", entry, Map.of()), 403);
        JsonObject backwards = Json.createObjectBuilder(entry).add("openingTimes", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("day", "MONDAY").add("opens", "17:00").add("closes", "09:00"))).build();
        assertProblem(staff.put("api/v1/services/" + serviceId + "/entry", backwards, Map.of("If-Match", changed.etag())), 400);
        JsonObject noArea = Json.createObjectBuilder(entry).add("postcodeAreas", Json.createArrayBuilder()).build();
        assertProblem(staff.put("api/v1/services/" + serviceId + "/entry", noArea, Map.of()), 400);
        assertThat(ApiClient.anonymous(base).get("api/v1/services/" + serviceId).etag()).as("nothing changed")
                .isEqualTo(changed.etag());

        // An administrator puts it back as it was for the referrals that follow: limits left out mean any.
        JsonObject asItWas = Json.createObjectBuilder().add("capacity", "OPEN").add("description", "Counselling.")
                .add("referralInbox", "it-inbox@example.org").add("postcodeAreas", Json.createArrayBuilder().add("M"))
                .add("languages", Json.createArrayBuilder().add("en")).build();
        ApiClient.Reply byAdmin = admin.put("api/v1/services/" + serviceId + "/entry", asItWas, Map.of("If-Match", changed.etag()));
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(200);
        assertThat(byAdmin.json().getJsonArray("openingTimes")).isEmpty();
        assertThat(byAdmin.json().getJsonArray("genders")).isEmpty();
        assertThat(byAdmin.json().containsKey("minimumAge")).isFalse();
    }

    @Test
    @Order(30)
    void aCaseworkerRecordsAPersonAndFindsThemAgainAsAPossibleDuplicate() {
        ApiClient.Reply created = caseworker.post("api/v1/clients", Json.createObjectBuilder()
                .add("givenName", "Jess").add("familyName", "Morgan").add("dateOfBirth", "2009-02-14")
                .add("gender", "FEMALE").add("postcode", "M14 5RT")
                .add("contact", Json.createObjectBuilder().add("phone", "07700 900123"))
                .add("safeContact", Json.createObjectBuilder().add("safeTimes", "after 4pm").add("voicemailAllowed", false))
                .build());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.etag()).isNotBlank();
        clientId = created.json().getString("id");
        assertThat(created.json().getBoolean("child")).isTrue();

        ApiClient.Reply duplicates = caseworker.post("api/v1/clients/duplicates", Json.createObjectBuilder()
                .add("givenName", "JESS").add("familyName", "morgan").add("dateOfBirth", "2009-02-14").build());
        assertThat(duplicates.structure().asJsonArray()).hasSize(1);
        assertThat(otherCaseworker.get("api/v1/clients/" + clientId).status()).isEqualTo(404);
        assertThat(staff.get("api/v1/clients/" + clientId).status()).isEqualTo(403);
    }

    @Test
    @Order(40)
    void theCaseworkerDraftsRecordsConsentAndSubmits() {
        ApiClient.Reply draft = caseworker.post("api/v1/referrals", Json.createObjectBuilder()
                .add("clientId", clientId).add("serviceId", serviceId)
                .add("needs", Json.createObjectBuilder().add("needs", Json.createArrayBuilder().add("COUNSELLING"))
                        .add("crimeTypes", Json.createArrayBuilder().add("GROOMING"))
                        .add("riskLevel", "MEDIUM").add("urgency", "ROUTINE"))
                .build());
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        referralId = draft.json().getString("id");
        assertThat(staff.get("api/v1/referrals/" + referralId).status()).as("a draft is not the service's yet").isEqualTo(404);

        ApiClient.Reply unconsented = caseworker.post("api/v1/referrals/" + referralId + "/submit", null);
        assertThat(unconsented.status()).isEqualTo(409);
        assertThat(unconsented.contentType()).startsWith("application/problem+json");

        ApiClient.Reply consent = caseworker.post("api/v1/referrals/" + referralId + "/consent", Json.createObjectBuilder()
                .add("basis", "GIVEN_BY_PERSON").add("shareContactDetails", true).add("shareCaseDetails", true)
                .add("method", "IN_PERSON").build());
        assertThat(consent.status()).as(consent.toString()).isEqualTo(200);

        ApiClient.Reply submitted = caseworker.post("api/v1/referrals/" + referralId + "/submit", null,
                Map.of("If-Match", consent.etag()));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.json().getString("status")).isEqualTo("REQUESTED");
        assertThat(submitted.json().getString("reference")).matches("WP-\\d{4}-000001");
        assertThat(submitted.json().getString("acknowledgeBy")).isNotBlank();
    }

    @Test
    @Order(50)
    void theServiceFindsItReadsItAcknowledgesItAndWorksIt() {
        JsonObject inbox = staff.get("api/v1/referrals?status=requested").json();
        assertThat(inbox.getInt("total")).isEqualTo(1);
        assertThat(inbox.getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo(referralId);

        ApiClient.Reply looked = staff.get("api/v1/referrals/" + referralId);
        assertThat(looked.json().getString("status")).as("a GET changes nothing").isEqualTo("REQUESTED");
        assertThat(looked.json().getJsonObject("client").getJsonObject("contact").getString("phone")).isEqualTo("07700 900123");
        assertThat(staff.get("api/v1/referrals/" + referralId).etag()).isEqualTo(looked.etag());
        assertThat(caseworker.get("api/v1/referrals/" + referralId + "/timeline").json().getJsonArray("items")
                .getValuesAs(JsonObject.class)).extracting(e -> e.getString("action")).doesNotContain("OPEN");
        assertProblem(caseworker.post("api/v1/referrals/" + referralId + "/acknowledge", null), 403);

        ApiClient.Reply opened = staff.post("api/v1/referrals/" + referralId + "/acknowledge", null,
                Map.of("If-Match", looked.etag()));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        assertThat(opened.json().getString("status")).isEqualTo("RECEIVED");
        assertThat(opened.json().getString("receivedAt")).isNotBlank();
        assertThat(opened.json().getString("updatedAt")).isEqualTo(opened.json().getString("receivedAt"));
        assertProblem(staff.post("api/v1/referrals/" + referralId + "/acknowledge", null), 409);

        ApiClient.Reply stale = staff.post("api/v1/referrals/" + referralId + "/accept", null, Map.of("If-Match", "\"0\""));
        assertThat(stale.status()).isEqualTo(412);
        ApiClient.Reply accepted = staff.post("api/v1/referrals/" + referralId + "/accept", null,
                Map.of("If-Match", opened.etag()));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().getString("status")).isEqualTo("ACCEPTED");

        ApiClient.Reply illegal = staff.post("api/v1/referrals/" + referralId + "/complete", null);
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.body()).contains("accepted");
        ApiClient.Reply noReason = staff.post("api/v1/referrals/" + referralId + "/hold", Json.createObjectBuilder().build());
        assertThat(noReason.status()).isEqualTo(400);

        assertThat(staff.post("api/v1/referrals/" + referralId + "/messages",
                Json.createObjectBuilder().add("body", "Would she prefer to meet at college?").build()).status()).isEqualTo(201);
        assertThat(caseworker.post("api/v1/referrals/" + referralId + "/messages",
                Json.createObjectBuilder().add("body", "Yes, on Thursdays.").build()).status()).isEqualTo(201);
        assertThat(caseworker.get("api/v1/referrals/" + referralId + "/messages").json().getJsonArray("items")).hasSize(2);

        assertThat(staff.post("api/v1/referrals/" + referralId + "/start", null).status()).isEqualTo(200);
        ApiClient.Reply wrongCode = staff.post("api/v1/referrals/" + referralId + "/fail",
                Json.createObjectBuilder().add("reason", "Too old for us").add("reasonCode", "NOT_ELIGIBLE").build());
        assertProblem(wrongCode, 400);
        assertThat(wrongCode.body()).as("a code that explains a rejection does not explain a failure").contains("reasonCode");
        assertProblem(staff.post("api/v1/referrals/" + referralId + "/fail",
                Json.createObjectBuilder().add("reason", "Moved").add("reasonCode", "GONE").build()), 400);
        assertThat(staff.post("api/v1/referrals/" + referralId + "/complete", null).json().getString("status"))
                .isEqualTo("COMPLETED");
        List<String> actions = caseworker.get("api/v1/referrals/" + referralId + "/timeline").json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("action")).toList();
        assertThat(actions).containsSubsequence("CREATE", "SUBMIT", "OPEN", "ACCEPT", "START", "COMPLETE");
        assertThat(actions).filteredOn("OPEN"::equals).hasSize(1);
    }

    @Test
    @Order(55)
    void theServiceAndTheReferrerAreToldByEmailWhichSaysNothingAboutThePerson() throws Exception {
        java.nio.file.Path pickup = java.nio.file.Path.of(System.getProperty("waypoint.it.data-dir"), "mail");
        List<String> mails = List.of();
        for (int wait = 0; wait < 100 && mails.size() < 2; wait++) {
            Thread.sleep(100);
            if (java.nio.file.Files.isDirectory(pickup)) {
                try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(pickup)) {
                    mails = files.map(f -> {
                        try {
                            return java.nio.file.Files.readString(f);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
                }
            }
        }

        // Digits alone would be found by chance in the MIME boundaries, ids and dates of any message:
        // the phone number and the date of birth are looked for whole, in the forms a message could use.
        assertThat(mails).anySatisfy(mail -> assertThat(mail).contains("To: it-inbox@example.org"))
                .anySatisfy(mail -> assertThat(mail).contains("To: it-caseworker@example.org"))
                .allSatisfy(mail -> assertThat(mail).doesNotContain("Jess", "Morgan", "07700 900123", "07700900123", "M14", "GROOMING",
                        "2009-02-14", "14 February 2009", "14 Feb 2009", "14/02/2009"));
        JsonObject outbox = admin.get("api/v1/admin/outbox?status=SENT").json();
        assertThat(outbox.toString()).contains("SENT").doesNotContain("Jess");
        assertProblem(caseworker.get("api/v1/admin/outbox"), 403);
    }

    /**
     * Every list answers the same shape, refuses a page too large rather than cutting it, and
     * refuses an order it does not offer; an integrator reads only the referrals changed since its
     * last look, in the order of change, and is told 304 for what it holds already.
     */
    @Test
    @Order(57)
    void everyListIsPagedAlikeAndAnIntegratorReadsOnlyWhatChanged() throws Exception {
        Map<String, ApiClient> lists = new java.util.LinkedHashMap<>();
        lists.put("api/v1/referrals", caseworker);
        lists.put("api/v1/referrals/" + referralId + "/timeline", caseworker);
        lists.put("api/v1/referrals/" + referralId + "/messages", staff);
        lists.put("api/v1/organisations", caseworker);
        lists.put("api/v1/services", ApiClient.anonymous(base));
        lists.put("api/v1/users", admin);
        lists.put("api/v1/admin/outbox?status=SENT", admin);
        lists.forEach((list, caller) -> {
            String and = list.contains("?") ? "&" : "?";
            JsonObject whole = caller.get(list).json();
            assertThat(whole.keySet()).as(list).containsExactlyInAnyOrder("items", "total", "page", "size");
            assertThat(whole.getInt("page")).isZero();
            assertThat(whole.getInt("size")).isEqualTo(20);
            assertThat(whole.getInt("total")).as(list).isPositive().isGreaterThanOrEqualTo(whole.getJsonArray("items").size());
            JsonObject one = caller.get(list + and + "page=1&size=1").json();
            assertThat(one.getJsonArray("items")).as(list).hasSizeLessThanOrEqualTo(1);
            assertThat(one.getInt("total")).isEqualTo(whole.getInt("total"));
            assertThat(one.getInt("page")).isEqualTo(1);
            ApiClient.Reply tooLarge = caller.get(list + and + "size=101");
            assertProblem(tooLarge, 400);
            assertThat(tooLarge.json().getString("detail")).contains("size", "100");
            ApiClient.Reply unknownOrder = caller.get(list + and + "sort=colour");
            assertProblem(unknownOrder, 400);
            assertThat(unknownOrder.json().getString("detail")).startsWith("sort is");
        });
        assertThat(caseworker.get("api/v1/referrals/" + referralId + "/timeline?sort=-at").json().getJsonArray("items")
                .getJsonObject(0).getString("action")).isEqualTo("COMPLETE");
        assertThat(ApiClient.anonymous(base).get("api/v1/services?sort=-name").json().getJsonArray("items")
                .getValuesAs(JsonObject.class)).extracting(s -> s.getString("name")).isSortedAccordingTo(
                        java.util.Comparator.reverseOrder());

        JsonObject before = caseworker.get("api/v1/referrals?sort=-updatedAt").json();
        String lastSeen = before.getJsonArray("items").getJsonObject(0).getString("updatedAt");
        assertThat(before.getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo(referralId);
        Thread.sleep(50);
        ApiClient.Reply changed = caseworker.post("api/v1/referrals", Json.createObjectBuilder()
                .add("clientId", clientId).add("serviceId", serviceId)
                .add("needs", Json.createObjectBuilder().add("needs", Json.createArrayBuilder().add("COUNSELLING"))
                        .add("riskLevel", "STANDARD").add("urgency", "ROUTINE")).build());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(201);
        String since = java.time.Instant.parse(lastSeen).plusMillis(1).toString();

        JsonObject news = caseworker.get("api/v1/referrals?sort=updatedAt&updatedSince=" + since).json();
        assertThat(news.getInt("total")).isEqualTo(1);
        assertThat(news.getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo(changed.json().getString("id"));
        assertThat(caseworker.get("api/v1/referrals?updatedSince=" + lastSeen).json().getInt("total"))
                .as("the instant itself is included").isEqualTo(2);
        List<String> newestFirst = caseworker.get("api/v1/referrals?sort=-updatedAt").json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(r -> r.getString("updatedAt")).toList();
        assertThat(newestFirst).hasSizeGreaterThanOrEqualTo(2).isSortedAccordingTo(
                java.util.Comparator.comparing(java.time.Instant::parse, java.util.Comparator.reverseOrder()));
        List<JsonObject> byReference = caseworker.get("api/v1/referrals?sort=reference").json().getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertThat(byReference.get(0).getString("reference")).isNotBlank();
        assertThat(byReference.get(byReference.size() - 1).containsKey("reference")).as("a draft has none: last").isFalse();
        assertProblem(caseworker.get("api/v1/referrals?updatedSince=yesterday"), 400);

        ApiClient.Reply record = caseworker.get("api/v1/referrals/" + referralId);
        ApiClient.Reply unchanged = caseworker.send("GET", "api/v1/referrals/" + referralId, null,
                Map.of("If-None-Match", record.etag()));
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.etag()).isEqualTo(record.etag());
        ApiClient.Reply list = caseworker.get("api/v1/referrals");
        assertThat(list.etag()).startsWith("W/\"");
        ApiClient.Reply sameList = caseworker.send("GET", "api/v1/referrals", null, Map.of("If-None-Match", list.etag()));
        assertThat(sameList.status()).isEqualTo(304);
        assertThat(sameList.body()).isEmpty();
        assertThat(otherCaseworker.send("GET", "api/v1/referrals/" + referralId, null,
                Map.of("If-None-Match", record.etag())).status()).as("a tag opens nothing to who may not see it").isEqualTo(404);

        String draft = changed.json().getString("id");
        ApiClient.Reply draftRead = caseworker.get("api/v1/referrals/" + draft);
        assertThat(caseworker.put("api/v1/referrals/" + draft, Json.createObjectBuilder().add("serviceId", serviceId)
                .add("needs", Json.createObjectBuilder().add("needs", Json.createArrayBuilder().add("COUNSELLING"))
                        .add("riskLevel", "HIGH").add("urgency", "URGENT")).build(),
                Map.of("If-Match", draftRead.etag())).status()).isEqualTo(200);
        ApiClient.Reply draftAfter = caseworker.send("GET", "api/v1/referrals/" + draft, null,
                Map.of("If-None-Match", draftRead.etag()));
        assertThat(draftAfter.status()).isEqualTo(200);
        assertThat(draftAfter.etag()).isNotEqualTo(draftRead.etag());
        ApiClient.Reply listAfter = caseworker.send("GET", "api/v1/referrals", null, Map.of("If-None-Match", list.etag()));
        assertThat(listAfter.status()).isEqualTo(200);
        assertThat(listAfter.etag()).isNotEqualTo(list.etag());
    }

    @Test
    @Order(58)
    void anUnknownQueryParameterIsRefusedByName() {
        ApiClient.Reply misspelt = caseworker.get("api/v1/referrals?updatedSnce=2026-01-01T00:00:00Z");
        assertProblem(misspelt, 400);
        assertThat(misspelt.json().getString("detail")).contains("updatedSnce", "updatedSince");
        assertProblem(caseworker.get("api/v1/referrals/" + referralId + "?view=full"), 400);
        assertProblem(ApiClient.anonymous(base).get("api/v1/services?page=0&colour=blue"), 400);
        ApiClient.Reply personal = caseworker.get("api/v1/referrals?Jess%20Morgan=1");
        assertProblem(personal, 400);
        assertThat(personal.body()).doesNotContain("Jess", "Morgan");
        assertThat(caseworker.get("api/v1/referrals?page=0&size=5&sort=-createdAt").status()).isEqualTo(200);
    }

    /**
     * Rectification: the recording organisation's caseworker corrects a person with the ETag read; a
     * stale version is 412, no If-Match applies the change unconditionally (as for every change here),
     * another organisation is 404, a service 403, bad input a 400 problem that changes nothing, and the
     * service sees the corrected name on the referral.
     */
    @Test
    @Order(59)
    void aCaseworkerCorrectsAPersonAndTheServiceSeesTheCorrection() {
        ApiClient.Reply recorded = caseworker.post("api/v1/clients", person("Rowen", "2001-06-01"));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        String person = recorded.json().getString("id");
        String referral = caseworker.post("api/v1/referrals", Json.createObjectBuilder()
                .add("clientId", person).add("serviceId", serviceId)
                .add("needs", Json.createObjectBuilder().add("needs", Json.createArrayBuilder().add("COUNSELLING"))
                        .add("crimeTypes", Json.createArrayBuilder().add("STALKING"))
                        .add("riskLevel", "STANDARD").add("urgency", "ROUTINE"))
                .build()).json().getString("id");
        ApiClient.Reply consent = caseworker.post("api/v1/referrals/" + referral + "/consent", Json.createObjectBuilder()
                .add("basis", "GIVEN_BY_PERSON").add("shareContactDetails", true).add("shareCaseDetails", true)
                .add("method", "IN_PERSON").build());
        assertThat(caseworker.post("api/v1/referrals/" + referral + "/submit", null, Map.of("If-Match", consent.etag())).status())
                .isEqualTo(200);

        ApiClient.Reply corrected = caseworker.put("api/v1/clients/" + person, person("Rowena", "2001-06-10"),
                Map.of("If-Match", recorded.etag()));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.etag()).isNotEqualTo(recorded.etag());
        assertThat(corrected.json().getString("givenName")).isEqualTo("Rowena");
        assertThat(corrected.json().getString("dateOfBirth")).isEqualTo("2001-06-10");

        assertProblem(caseworker.put("api/v1/clients/" + person, person("Rowan", "2001-06-01"),
                Map.of("If-Match", recorded.etag())), 412);
        assertProblem(otherCaseworker.put("api/v1/clients/" + person, person("Rowan", "2001-06-01"),
                Map.of("If-Match", corrected.etag())), 404);
        assertProblem(staff.put("api/v1/clients/" + person, person("Rowan", "2001-06-01"),
                Map.of("If-Match", corrected.etag())), 403);
        ApiClient.Reply bad = caseworker.put("api/v1/clients/" + person, Json.createObjectBuilder(person("Rowan", "2001-06-01"))
                .add("postcode", "not a postcode").build(), Map.of("If-Match", corrected.etag()));
        assertProblem(bad, 400);
        assertThat(bad.body()).doesNotContain("not a postcode");
        assertThat(caseworker.get("api/v1/clients/" + person).etag()).as("nothing half-written").isEqualTo(corrected.etag());

        ApiClient.Reply unconditional = caseworker.put("api/v1/clients/" + person, Json.createObjectBuilder(person("Rowena", "2001-06-10"))
                .add("postcode", "M15 6AA").build(), Map.of());
        assertThat(unconditional.status()).as("If-Match is optional, as for every change").isEqualTo(200);

        JsonObject seen = staff.get("api/v1/referrals/" + referral).json().getJsonObject("client");
        assertThat(seen.getString("givenName")).isEqualTo("Rowena");
        assertThat(seen.getString("dateOfBirth")).isEqualTo("2001-06-10");
    }

    private static JsonObject person(String givenName, String dateOfBirth) {
        return Json.createObjectBuilder().add("givenName", givenName).add("familyName", "Ellis").add("dateOfBirth", dateOfBirth)
                .add("gender", "NOT_SAID").add("postcode", "M14 5RT")
                .add("safeContact", Json.createObjectBuilder().add("voicemailAllowed", false)).build();
    }

    @Test
    @Order(60)
    void nobodyElseSeesItAndEveryRefusalIsProblemJson() {
        assertProblem(otherStaff.get("api/v1/referrals/" + referralId), 404);
        assertProblem(otherCaseworker.get("api/v1/referrals/" + referralId), 404);
        assertProblem(otherStaff.post("api/v1/referrals/" + referralId + "/accept", null), 404);
        assertThat(otherStaff.get("api/v1/referrals").json().getInt("total")).isZero();
        assertProblem(ApiClient.anonymous(base).get("api/v1/referrals/" + referralId), 401);
        assertProblem(ApiClient.anonymous(base).get("api/v1/me"), 401);
        assertProblem(caseworker.get("api/v1/users"), 403);
        assertProblem(staff.post("api/v1/clients", Json.createObjectBuilder().build()), 403);
        assertProblem(caseworker.post("api/v1/referrals/" + referralId + "/accept", null), 403);
        assertProblem(caseworker.withToken("wp_not-a-real-token").get("api/v1/me"), 401);
    }

    @Test
    @Order(70)
    void aRevokedTokenNoLongerSignsIn() {
        ApiClient.Reply created = caseworker.post("api/v1/me/tokens", Json.createObjectBuilder().add("name", "laptop").build());
        assertThat(created.status()).isEqualTo(201);
        ApiClient laptop = caseworker.withToken(created.json().getString("token"));
        assertThat(laptop.get("api/v1/me").status()).isEqualTo(200);
        assertThat(caseworker.get("api/v1/me/tokens").body()).contains("laptop").doesNotContain(created.json().getString("token"));

        assertThat(caseworker.delete("api/v1/me/tokens/" + created.json().getString("id")).status()).isEqualTo(204);

        assertProblem(laptop.get("api/v1/me"), 401);
    }

    /**
     * Every endpoint against every caller who may not use it, for records of one organisation: not
     * signed in is 401, the wrong role 403, another organisation 404 (never 403, never data). Also
     * the lists and searches another organisation may call return nothing of this one's.
     */
    @Test
    @Order(75)
    void noEndpointLeaksARecordToAnyoneWhoMayNotSeeIt() {
        String police = caseworker.get("api/v1/me").json().getString("organisationId");
        String tokenId = caseworker.get("api/v1/me/tokens").structure().asJsonArray().getJsonObject(0).getString("id");
        String userId = admin.get("api/v1/users?size=100").json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(u -> u.getString("email").equals("it-caseworker@example.org")).findFirst().orElseThrow().getString("id");
        String reference = caseworker.get("api/v1/referrals/" + referralId).json().getString("reference");
        String any = "{}";
        String reason = "{\"reason\":\"x\"}";
        String rawClient = "{\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"2000-01-01\",\"gender\":\"NOT_SAID\"}";
        ApiClient anonymous = ApiClient.anonymous(base);
        Map<String, ApiClient> callers = Map.of("anonymous", anonymous, "caseworker", caseworker, "otherCaseworker",
                otherCaseworker, "staff", staff, "otherStaff", otherStaff, "admin", admin);
        record Cell(String method, String path, String body, Map<String, Integer> expected) {
        }
        Map<String, Integer> adminOnly = Map.of("anonymous", 401, "caseworker", 403, "staff", 403, "otherStaff", 403);
        Map<String, Integer> caseworkerOnly = Map.of("anonymous", 401, "staff", 403, "admin", 403);
        Map<String, Integer> ownClient = Map.of("anonymous", 401, "otherCaseworker", 404, "staff", 403, "admin", 403);
        Map<String, Integer> ownReferral = Map.of("anonymous", 401, "otherCaseworker", 404, "otherStaff", 404, "admin", 403);
        Map<String, Integer> referrerOnly = Map.of("anonymous", 401, "otherCaseworker", 404, "staff", 403, "otherStaff", 403, "admin", 403);
        Map<String, Integer> serviceOnly = Map.of("anonymous", 401, "otherStaff", 404, "caseworker", 403, "otherCaseworker", 403, "admin", 403);
        List<Cell> matrix = List.of(
                new Cell("GET", "api/v1/me", null, Map.of("anonymous", 401)),
                new Cell("GET", "api/v1/me/tokens", null, Map.of("anonymous", 401)),
                new Cell("POST", "api/v1/me/tokens", any, Map.of("anonymous", 401)),
                new Cell("DELETE", "api/v1/me/tokens/" + tokenId, null, Map.of("anonymous", 401, "otherCaseworker", 404,
                        "staff", 404, "admin", 404)),
                new Cell("GET", "api/v1/organisations", null, Map.of("anonymous", 401)),
                new Cell("GET", "api/v1/organisations/" + police, null, Map.of("anonymous", 401)),
                new Cell("POST", "api/v1/organisations", "{\"name\":\"M\",\"kind\":\"PROVIDER\"}", adminOnly),
                new Cell("GET", "api/v1/users", null, adminOnly),
                new Cell("POST", "api/v1/users", any, adminOnly),
                new Cell("POST", "api/v1/users/" + userId + "/disable", null, adminOnly),
                new Cell("POST", "api/v1/users/" + userId + "/enable", null, adminOnly),
                new Cell("PUT", "api/v1/users/" + userId + "/role", "{\"role\":\"ADMIN\"}", adminOnly),
                new Cell("POST", "api/v1/services", any, adminOnly),
                new Cell("PUT", "api/v1/services/" + serviceId, any, adminOnly),
                new Cell("PUT", "api/v1/services/" + serviceId + "/capacity", "{\"capacity\":\"CLOSED\"}",
                        Map.of("anonymous", 401, "caseworker", 403, "otherCaseworker", 403, "otherStaff", 403)),
                new Cell("PUT", "api/v1/services/" + serviceId + "/entry", "{\"capacity\":\"CLOSED\",\"description\":\"x\","
                        + "\"referralInbox\":\"x@example.org\",\"postcodeAreas\":[\"M\"],\"languages\":[\"en\"]}",
                        Map.of("anonymous", 401, "caseworker", 403, "otherCaseworker", 403, "otherStaff", 404)),
                new Cell("GET", "api/v1/services/match?need=COUNSELLING&postcode=M14&age=30&risk=STANDARD&crime=OTHER", null,
                        Map.of("anonymous", 401, "staff", 403, "admin", 403)),
                new Cell("POST", "api/v1/clients", rawClient, caseworkerOnly),
                new Cell("GET", "api/v1/clients/" + clientId, null, ownClient),
                new Cell("PUT", "api/v1/clients/" + clientId, rawClient, ownClient),
                new Cell("POST", "api/v1/clients/" + clientId + "/withdraw-consent", reason, ownClient),
                new Cell("POST", "api/v1/clients/duplicates", "{\"givenName\":\"Jess\",\"familyName\":\"Morgan\",\"dateOfBirth\":\"2009-02-14\"}",
                        caseworkerOnly),
                new Cell("POST", "api/v1/referrals", "{\"clientId\":\"" + clientId + "\",\"serviceId\":\"" + serviceId
                        + "\",\"needs\":{\"needs\":[\"COUNSELLING\"],\"riskLevel\":\"STANDARD\",\"urgency\":\"ROUTINE\"}}",
                        Map.of("anonymous", 401, "otherCaseworker", 404, "staff", 403, "admin", 403)),
                new Cell("GET", "api/v1/referrals", null, Map.of("anonymous", 401, "admin", 403)),
                new Cell("GET", "api/v1/referrals/" + referralId, null, ownReferral),
                new Cell("GET", "api/v1/referrals/" + referralId + "/timeline", null, ownReferral),
                new Cell("GET", "api/v1/referrals/" + referralId + "/messages", null, ownReferral),
                new Cell("POST", "api/v1/referrals/" + referralId + "/messages", "{\"body\":\"x\"}", ownReferral),
                new Cell("PUT", "api/v1/referrals/" + referralId, "{\"serviceId\":\"" + serviceId
                        + "\",\"needs\":{\"needs\":[\"COUNSELLING\"],\"riskLevel\":\"STANDARD\",\"urgency\":\"ROUTINE\"}}", referrerOnly),
                new Cell("POST", "api/v1/referrals/" + referralId + "/consent", "{\"basis\":\"GIVEN_BY_PERSON\","
                        + "\"shareContactDetails\":true,\"method\":\"IN_PERSON\"}", referrerOnly),
                new Cell("POST", "api/v1/referrals/" + referralId + "/submit", null, referrerOnly),
                new Cell("POST", "api/v1/referrals/" + referralId + "/redirect", "{\"serviceId\":\"" + serviceId + "\"}", referrerOnly),
                new Cell("POST", "api/v1/referrals/" + referralId + "/cancel", reason, ownReferral),
                new Cell("POST", "api/v1/referrals/" + referralId + "/accept", null, ownReferral),
                new Cell("POST", "api/v1/referrals/" + referralId + "/acknowledge", null, ownReferral),
                new Cell("POST", "api/v1/referrals/" + referralId + "/entered-in-error", reason, ownReferral),
                new Cell("POST", "api/v1/referrals/" + referralId + "/business-status", "{\"businessStatus\":\"CONTACT_MADE\"}", ownReferral),
                new Cell("GET", "api/v1/admin/outbox", null, adminOnly),
                new Cell("GET", "api/v1/admin/outbox/pickup", null, adminOnly));
        List<String> leaks = new java.util.ArrayList<>();
        for (Cell cell : matrix) {
            cell.expected().forEach((who, status) -> {
                ApiClient.Reply reply = cell.body() == null ? callers.get(who).send(cell.method(), cell.path(), null, Map.of())
                        : callers.get(who).sendRaw(cell.method(), cell.path(), "application/json",
                                cell.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (reply.status() != status || !reply.contentType().startsWith("application/problem+json")
                        || reply.body().contains(reference) || reply.body().contains("Jess")) {
                    leaks.add(cell.method() + " " + cell.path() + " as " + who + ": expected " + status + ", got " + reply);
                }
            });
        }
        assertThat(leaks).isEmpty();
        assertThat(otherStaff.get("api/v1/referrals?reference=" + reference).json().getInt("total")).isZero();
        assertThat(otherCaseworker.post("api/v1/clients/duplicates", Json.createObjectBuilder().add("givenName", "Jess")
                .add("familyName", "Morgan").add("dateOfBirth", "2009-02-14").build()).structure().asJsonArray()).isEmpty();
        assertThat(otherCaseworker.get("api/v1/referrals").json().getInt("total")).isZero();
    }

    @Test
    @Order(80)
    void theAdministratorSeesAccountsAndCanDisableOne() {
        List<JsonObject> users = admin.get("api/v1/users?size=100").json().getJsonArray("items").getValuesAs(JsonObject.class);
        JsonObject other = users.stream().filter(u -> u.getString("email").equals("it-other-caseworker@example.org"))
                .findFirst().orElseThrow();

        assertThat(admin.post("api/v1/users/" + other.getString("id") + "/disable", null).json().getBoolean("enabled")).isFalse();
        assertProblem(otherCaseworker.get("api/v1/me"), 401);
        assertThat(users).extracting(u -> u.getString("email")).contains("it-caseworker@example.org");
        assertThat(users.get(0).containsKey("passwordHash")).isFalse();
    }

    @Test
    @Order(90)
    void repeatsWithOneIdempotencyKeyCreateOneClientEvenAtTheSameTime() throws Exception {
        JsonObject body = Json.createObjectBuilder().add("givenName", "Sam").add("familyName", "Repeat")
                .add("dateOfBirth", "1990-01-01").add("gender", "NOT_SAID").build();
        Map<String, String> key = Map.of("Idempotency-Key", "it-create-sam-1");

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<ApiClient.Reply>> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sent.add(pool.submit(() -> caseworker.post("api/v1/clients", body, key)));
        }
        List<ApiClient.Reply> replies = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<ApiClient.Reply> reply : sent) {
            replies.add(reply.get());
        }
        pool.shutdown();
        replies.add(caseworker.post("api/v1/clients", body, key));

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
        assertThat(replies.stream().map(r -> r.json().getString("id")).distinct()).hasSize(1);
        assertThat(caseworker.post("api/v1/clients/duplicates", Json.createObjectBuilder().add("givenName", "Sam")
                .add("familyName", "Repeat").add("dateOfBirth", "1990-01-01").build()).structure().asJsonArray()).hasSize(1);
        assertProblem(caseworker.post("api/v1/clients", Json.createObjectBuilder(body).add("givenName", "Other").build(), key), 409);
    }

    /**
     * The whole loop through a Java client generated from the committed description (openapi-generator,
     * java, native, default settings), with no HTTP written by hand, as an integrating organisation
     * runs it: the administrator registers an API client for the referring organisation and one for
     * the service's; each trades its credentials for an access token (client credentials); the
     * referrer matches services, records the person, drafts, records consent and submits with an
     * idempotency key (twice: one referral); the service acknowledges and accepts; the referrer reads
     * the status and the timeline.
     */
    @Test
    @Order(95)
    void theWholeReferralLoopRunsThroughAClientGeneratedFromTheDescription() throws Exception {
        org.openapitools.client.ApiClient administrator = generatedClient(new org.openapitools.client.api.MeApi(
                generatedClient(null)).signIn(new org.openapitools.client.model.SignIn()
                .email(System.getProperty("waypoint.it.admin-email")).password(System.getProperty("waypoint.it.admin-password"))
                .code(SecondFactor.nextCode(System.getProperty("waypoint.it.admin-email")))
                .tokenName("generated client")).getToken());
        List<org.openapitools.client.model.OrganisationResponse> organisations =
                new org.openapitools.client.api.OrganisationsApi(administrator).organisationsList(null, 0, 100, null).getItems();
        org.openapitools.client.ApiClient referrer = generatedClient(machineToken(administrator, organisations,
                "IT Victim Care Unit", org.openapitools.client.model.NewApiClient.RoleEnum.CASEWORKER,
                List.of("referrals:read", "referrals:write", "clients:write", "directory:read")));
        org.openapitools.client.ApiClient service = generatedClient(machineToken(administrator, organisations,
                "IT Harbour Trust", org.openapitools.client.model.NewApiClient.RoleEnum.SERVICE_STAFF,
                List.of("referrals:read", "referrals:write")));

        java.util.UUID counselling = new org.openapitools.client.api.ServicesApi(referrer)
                .match(List.of("COUNSELLING"), "M14", 30, org.openapitools.client.model.Gender.NOT_SAID,
                        org.openapitools.client.model.RiskLevel.STANDARD, List.of("OTHER"), null, null, null, null).getMatches().stream()
                .map(org.openapitools.client.model.Offered::getService)
                .filter(offered -> offered.getName().equals("IT Counselling")).findFirst().orElseThrow().getId();
        org.openapitools.client.model.ClientResponse person = new org.openapitools.client.api.ClientsApi(referrer).clientsRegister(
                "generated-client-person-1", new org.openapitools.client.model.ClientRequest().givenName("Robin")
                        .gender(org.openapitools.client.model.Gender.NOT_SAID)
                        .familyName("Generated").dateOfBirth(java.time.LocalDate.of(1994, 6, 1)).postcode("M14 0ZZ")
                        .safeContact(new org.openapitools.client.model.Safe().safeTimes("mornings").voicemailAllowed(false)));

        org.openapitools.client.api.ReferralsApi referrals = new org.openapitools.client.api.ReferralsApi(referrer);
        org.openapitools.client.model.ReferralResponse draft = referrals.draft("generated-client-draft-1",
                new org.openapitools.client.model.Draft().clientId(person.getId()).serviceId(counselling)
                        .needs(new org.openapitools.client.model.Needs().addNeedsItem("COUNSELLING")
                                .riskLevel(org.openapitools.client.model.RiskLevel.STANDARD)
                                .urgency(org.openapitools.client.model.Urgency.ROUTINE)));
        org.openapitools.client.ApiResponse<org.openapitools.client.model.ReferralResponse> consented =
                referrals.recordConsentWithHttpInfo(draft.getId(), null, new org.openapitools.client.model.ConsentBody()
                        .basis(org.openapitools.client.model.ConsentBasis.GIVEN_BY_PERSON).shareContactDetails(true)
                        .shareCaseDetails(true).method(org.openapitools.client.model.ConsentMethod.IN_PERSON));
        String etag = consented.getHeaders().get("etag").get(0);
        org.openapitools.client.model.ReferralResponse submitted = referrals.submit(draft.getId(), "generated-client-submit-1", etag);
        org.openapitools.client.model.ReferralResponse again = referrals.submit(draft.getId(), "generated-client-submit-1", etag);
        assertThat(submitted.getStatus()).isEqualTo(org.openapitools.client.model.ReferralStatus.REQUESTED);
        assertThat(again.getReference()).isEqualTo(submitted.getReference()).isNotBlank();

        org.openapitools.client.api.ReferralsApi inbox = new org.openapitools.client.api.ReferralsApi(service);
        assertThat(inbox.referralsGet(draft.getId(), null).getStatus())
                .as("reading changes nothing").isEqualTo(org.openapitools.client.model.ReferralStatus.REQUESTED);
        assertThat(inbox.act(draft.getId(), "acknowledge", null, null).getStatus())
                .isEqualTo(org.openapitools.client.model.ReferralStatus.RECEIVED);
        assertThat(inbox.act(draft.getId(), "accept", null, null).getStatus())
                .isEqualTo(org.openapitools.client.model.ReferralStatus.ACCEPTED);

        assertThat(referrals.referralsGet(draft.getId(), null).getStatus()).isEqualTo(org.openapitools.client.model.ReferralStatus.ACCEPTED);
        assertThat(referrals.timeline(draft.getId(), null, null, 0, 100, null).getItems())
                .extracting(org.openapitools.client.model.TimelineEntry::getTo)
                .containsSubsequence(org.openapitools.client.model.ReferralStatus.REQUESTED,
                        org.openapitools.client.model.ReferralStatus.RECEIVED, org.openapitools.client.model.ReferralStatus.ACCEPTED);
    }

    /** An access token of a new API client of the named organisation, by the client-credentials grant. */
    private String machineToken(org.openapitools.client.ApiClient administrator,
                                List<org.openapitools.client.model.OrganisationResponse> organisations, String organisation,
                                org.openapitools.client.model.NewApiClient.RoleEnum role, List<String> scopes) throws Exception {
        java.util.UUID organisationId = organisations.stream().filter(o -> o.getName().equals(organisation))
                .findFirst().orElseThrow().getId();
        org.openapitools.client.model.RegisteredApiClientResponse registered =
                new org.openapitools.client.api.ApiClientsApi(administrator).apiclientsRegister(
                        new org.openapitools.client.model.NewApiClient().organisationId(organisationId)
                                .name("Generated client of " + organisation).role(role).scopes(scopes));
        return new org.openapitools.client.api.OAuthApi(generatedClient(null)).token("client_credentials", null, null,
                registered.getClientId(), registered.getClientSecret()).getAccessToken();
    }

    /** The generated client, at this deployment, sending a bearer token when one is given. */
    private org.openapitools.client.ApiClient generatedClient(String token) {
        org.openapitools.client.ApiClient client = new org.openapitools.client.ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/$", "") + "/api");
        client.setHttpClientBuilder(java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1));
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    /**
     * Every request body, and every success answered in JSON, shows an example in the API
     * description: on the operation, or on its schema (for a list, on its items' schema). And the
     * API takes the examples it shows: a person recorded from the example is found again by the
     * duplicate check's example.
     */
    @Test
    @Order(101)
    void theApiDescriptionShowsAnExampleOfEveryBodyAndEverySuccessAndTheApiTakesThem() throws Exception {
        JsonObject document = ApiClient.anonymous(base).send("GET", base.toURI().resolve("/openapi").toString(), null,
                Map.of("Accept", "application/json")).json();
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        Map<String, JsonObject> operations = new java.util.LinkedHashMap<>();
        List<String> withoutExample = new java.util.ArrayList<>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, value) -> {
            if (!List.of("get", "put", "post", "delete", "patch").contains(method)) {
                return;
            }
            String operation = method.toUpperCase(java.util.Locale.ROOT) + " /api" + path;
            operations.put(operation, value.asJsonObject());
            JsonObject body = value.asJsonObject().getJsonObject("requestBody");
            if (body != null) {
                body.getJsonObject("content").forEach((type, media) -> {
                    if (!showsExample(media.asJsonObject(), schemas)) {
                        withoutExample.add(operation + " request body " + type);
                    }
                });
            }
            JsonObject responses = value.asJsonObject().getJsonObject("responses");
            List<String> successes = responses.keySet().stream().filter(status -> status.startsWith("2")).toList();
            if (successes.isEmpty()) {
                withoutExample.add(operation + " has no success response");
            }
            for (String status : successes) {
                JsonObject content = responses.getJsonObject(status).getJsonObject("content");
                if (content != null) {
                    content.forEach((type, media) -> {
                        if (type.contains("json") && !showsExample(media.asJsonObject(), schemas)) {
                            withoutExample.add(operation + " " + status + " " + type);
                        }
                    });
                }
            }
        }));

        assertThat(operations).hasSizeGreaterThan(30).containsKey("POST /api/v1/referrals/{id}/submit")
                .containsKey("GET /api/v1/admin/outbox");
        assertThat(withoutExample).isEmpty();

        // The server describes a type it does not know (a java.time value, an Optional, an enum in a
        // query, the items of a generic page) as an object with nothing in it, a Java long as a number
        // with fractions, and a parameter's default as text: every property and parameter must say
        // what it holds.
        List<String> saysNothing = new java.util.ArrayList<>();
        schemas.forEach((name, schema) -> schema.asJsonObject().getOrDefault("properties", JsonValue.EMPTY_JSON_OBJECT)
                .asJsonObject().forEach((property, value) -> {
                    if (saysNothing(value.asJsonObject())) {
                        saysNothing.add(name + "." + property);
                    }
                }));
        operations.forEach((operation, value) -> value.getOrDefault("parameters", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()
                .forEach(parameter -> {
                    if (saysNothing(parameter.asJsonObject().getJsonObject("schema"))) {
                        saysNothing.add(operation + " ?" + parameter.asJsonObject().getString("name"));
                    }
                }));
        assertThat(saysNothing).isEmpty();
        assertThat(schemas.getJsonObject("ReferralSummaryPage").getJsonObject("properties"))
                .containsKeys("items", "total");

        // The outbox's records carry their examples as text: each names what a real answer names.
        JsonObject page = admin.get("api/v1/admin/outbox?status=SENT").json();
        assertThat(example(schemas, "OutboxPage").keySet()).isEqualTo(page.keySet());
        java.util.Set<String> entry = schemas.getJsonObject("OutboxEntry").getJsonObject("properties").keySet();
        assertThat(entry).containsAll(example(schemas, "OutboxEntry").keySet());
        assertThat(page.getJsonArray("items")).isNotEmpty()
                .allSatisfy(sent -> assertThat(entry).containsAll(sent.asJsonObject().keySet()));
        assertThat(admin.get("api/v1/admin/outbox/pickup").structure().asJsonArray()).isNotEmpty()
                .allSatisfy(file -> assertThat(file.asJsonObject().keySet()).isEqualTo(example(schemas, "PickupFile").keySet()));
        assertThat(operations.get("DELETE /api/v1/me/tokens/{id}").getJsonObject("responses"))
                .containsKey("204").doesNotContainKey("200");

        ApiClient.Reply recorded = caseworker.post("api/v1/clients", example(schemas, "ClientRequest"));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(recorded.json().getString("familyName")).isEqualTo("Example");
        ApiClient.Reply found = caseworker.post("api/v1/clients/duplicates", example(schemas, "DuplicateCheck"));
        assertThat(found.structure().asJsonArray()).extracting(c -> c.asJsonObject().getString("id"))
                .contains(recorded.json().getString("id"));
        assertThat(admin.post("api/v1/organisations", example(schemas, "NewOrganisation")).status()).isEqualTo(201);
        assertThat(caseworker.post("api/v1/me/tokens", example(schemas, "TokenRequest")).status()).isEqualTo(201);
        assertProblem(ApiClient.anonymous(base).post("api/v1/auth/token", example(schemas, "SignIn")), 401);
    }

    private static boolean saysNothing(JsonObject schema) {
        if (schema == null) {
            return false;
        }
        String type = schema.getString("type", "");
        JsonValue fallback = schema.get("default");
        return "object".equals(type) && !schema.containsKey("properties") && !schema.containsKey("additionalProperties")
                && !schema.containsKey("$ref") && !schema.containsKey("enum")
                || "number".equals(type) && !List.of("float", "double").contains(schema.getString("format", ""))
                || fallback != null && fallback.getValueType() == JsonValue.ValueType.STRING && !"string".equals(type)
                || saysNothing(schema.getJsonObject("items"));
    }

    private static boolean showsExample(JsonObject media, JsonObject schemas) {
        return media.containsKey("example")
                || !media.getOrDefault("examples", JsonValue.EMPTY_JSON_OBJECT).asJsonObject().isEmpty()
                || schemaShowsExample(media.getJsonObject("schema"), schemas, 0);
    }

    private static boolean schemaShowsExample(JsonObject schema, JsonObject schemas, int depth) {
        if (schema == null || depth > 3) {
            return false;
        }
        if (schema.containsKey("$ref")) {
            String ref = schema.getString("$ref");
            return schemaShowsExample(schemas.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1)), schemas, depth + 1);
        }
        boolean list = "array".equals(schema.getString("type", ""));
        return schema.containsKey("example") || list && schemaShowsExample(schema.getJsonObject("items"), schemas, depth + 1);
    }

    private static JsonObject example(JsonObject schemas, String schema) {
        return schemas.getJsonObject(schema).getJsonObject("example");
    }

    @Test
    @Order(105)
    void metricsAreForAdministratorsOnly() {
        ApiClient.Reply anonymous = ApiClient.anonymous(base).get("metrics");
        ApiClient.Reply caseworkers = caseworker.get("metrics");
        ApiClient.Reply administrators = admin.get("metrics");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("jvm");
        assertThat(caseworkers.status()).isEqualTo(404);
        assertThat(caseworkers.body()).doesNotContain("jvm");
        assertThat(administrators.status()).isEqualTo(200);
        assertThat(administrators.body()).contains("jvm_memory_used_bytes{area=\"heap\"", "# TYPE waypoint_referrals_submitted_total counter");
    }
}
