package org.waypoint.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waypoint.web.ApiClient.assertProblem;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Events instead of polling, against real HTTP receivers on loopback: an administrator subscribes the
 * referrer's and the provider's systems; each is told of the referral's loop, in order, signed with the
 * secret it was shown once, and never anything about the person; a receiver that is down (connection
 * refused, or 503) gets what it missed once it is back; the event feed pages through the same events.
 * An organisation's API client manages its own organisation's subscriptions and reads its feed within
 * its scopes, and cannot see another organisation's. The server runs with http and loopback allowed and
 * retries after a second (web/pom.xml).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhooksIT {

    private static final String PASSWORD = "integration-password-1";
    /** What the person is, none of which may reach a webhook or the feed. */
    private static final List<String> PERSONAL = List.of("Wilhelmina", "Quartermaine", "2008-07-19", "M14 5RT",
            "07700 900456", "after college", "GROOMING", "COUNSELLING", "rather not");

    @ArquillianResource
    private URL base;

    private static ApiClient admin;
    private static ApiClient caseworker;
    private static ApiClient staff;
    private static ApiClient outsider;
    private static String referrerId;
    private static String providerId;
    private static String serviceId;
    private static String referralId;
    private static final Map<String, String> secrets = new ConcurrentHashMap<>();
    private static final Map<String, String> subscriptions = new ConcurrentHashMap<>();
    private static Receiver referrerSystem;
    private static Receiver providerSystem;
    private static Receiver outsiderSystem;
    private static Receiver clientSystem;

    /** A receiver's view of one delivery. */
    private record Delivery(String id, long timestamp, String signature, String body, Instant arrived) {

        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        String type() {
            return json().getString("type");
        }
    }

    /** A JDK HTTP server on loopback that records what it accepts and answers the status it is told to. */
    private static final class Receiver {

        final List<Delivery> accepted = new CopyOnWriteArrayList<>();
        final AtomicInteger refusedWith503 = new AtomicInteger();
        final AtomicInteger answer = new AtomicInteger(200);
        private int port;
        private HttpServer server;

        Receiver start() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/hook", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                int status = answer.get();
                if (status == 503) {
                    refusedWith503.incrementAndGet();
                } else {
                    var headers = exchange.getRequestHeaders();
                    accepted.add(new Delivery(headers.getFirst("webhook-id"), Long.parseLong(headers.getFirst("webhook-timestamp")),
                            headers.getFirst("webhook-signature"), new String(body, StandardCharsets.UTF_8), Instant.now()));
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            port = server.getAddress().getPort();
            return this;
        }

        void stop() {
            server.stop(0);
        }

        String url() {
            return "http://127.0.0.1:" + port + "/hook";
        }

        List<String> types() {
            return accepted.stream().map(Delivery::type).toList();
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.waypoint();
    }

    @BeforeEach
    void onLoopback() {
        base = Deployments.loopback(base);
    }

    @AfterAll
    static void stopReceivers() {
        for (Receiver receiver : new Receiver[] {referrerSystem, providerSystem, outsiderSystem, clientSystem}) {
            if (receiver != null) {
                receiver.stop();
            }
        }
    }

    @Test
    @Order(10)
    void anAdministratorSubscribesEachOrganisationsSystemAndSeesEachSecretOnce() throws IOException {
        admin = ApiClient.anonymous(base).signIn(System.getProperty("waypoint.it.admin-email"),
                System.getProperty("waypoint.it.admin-password"));
        referrerId = admin.newOrganisation("WH Victim Care Unit", "REFERRER");
        providerId = admin.newOrganisation("WH Harbour Trust", "PROVIDER");
        String outsiderId = admin.newOrganisation("WH Other Charity", "PROVIDER");
        admin.newUser("wh-caseworker@example.org", "CASEWORKER", referrerId, PASSWORD);
        admin.newUser("wh-staff@example.org", "SERVICE_STAFF", providerId, PASSWORD);
        admin.newUser("wh-outsider@example.org", "SERVICE_STAFF", outsiderId, PASSWORD);
        ApiClient.Reply service = admin.post("api/v1/services", Json.createObjectBuilder()
                .add("organisationId", providerId).add("name", "WH Counselling").add("description", "Counselling.")
                .add("categories", Json.createArrayBuilder().add("COUNSELLING"))
                .add("postcodeAreas", Json.createArrayBuilder().add("M"))
                .add("referralInbox", "wh-inbox@example.org").build());
        assertThat(service.status()).as(service.toString()).isEqualTo(201);
        serviceId = service.json().getString("id");
        ApiClient anonymous = ApiClient.anonymous(base);
        caseworker = anonymous.signIn("wh-caseworker@example.org", PASSWORD);
        staff = anonymous.signIn("wh-staff@example.org", PASSWORD);
        outsider = anonymous.signIn("wh-outsider@example.org", PASSWORD);

        referrerSystem = new Receiver().start();
        providerSystem = new Receiver().start();
        outsiderSystem = new Receiver().start();
        subscribe("referrer", referrerId, referrerSystem);
        subscribe("provider", providerId, providerSystem);
        subscribe("outsider", outsiderId, outsiderSystem);

        ApiClient.Reply one = admin.get("api/v1/webhooks/" + subscriptions.get("referrer"));
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().getString("url")).isEqualTo(referrerSystem.url());
        assertThat(one.body()).doesNotContain("whsec_", secrets.get("referrer"));
        assertThat(admin.get("api/v1/webhooks").body()).doesNotContain("whsec_");
        assertThat(admin.get("api/v1/webhooks?organisationId=" + providerId).json().getJsonArray("items")).singleElement()
                .satisfies(s -> assertThat(s.asJsonObject().getString("id")).isEqualTo(subscriptions.get("provider")));
        JsonObject firstPage = admin.get("api/v1/webhooks?size=2").json();
        assertThat(firstPage.getInt("total")).isEqualTo(3);
        assertThat(firstPage.getInt("page")).isZero();
        assertThat(firstPage.getInt("size")).isEqualTo(2);
        assertThat(ids(firstPage)).containsExactly(subscriptions.get("referrer"), subscriptions.get("provider"));
        assertThat(ids(admin.get("api/v1/webhooks?size=2&page=1").json())).containsExactly(subscriptions.get("outsider"));
        assertThat(ids(admin.get("api/v1/webhooks?sort=-createdAt").json())).containsExactly(subscriptions.get("outsider"),
                subscriptions.get("provider"), subscriptions.get("referrer"));
        assertProblem(admin.get("api/v1/webhooks?size=101"), 400);
        assertProblem(admin.get("api/v1/webhooks?sort=url"), 400);

        JsonObject request = Json.createObjectBuilder().add("organisationId", referrerId).add("url", referrerSystem.url()).build();
        assertProblem(caseworker.post("api/v1/webhooks", request), 403);
        assertProblem(staff.get("api/v1/webhooks"), 403);
        assertProblem(admin.post("api/v1/webhooks", Json.createObjectBuilder().add("organisationId", referrerId)
                .add("url", "ftp://127.0.0.1/hook").build()), 400);
        assertProblem(admin.post("api/v1/webhooks", Json.createObjectBuilder().add("organisationId", referrerId)
                .add("url", referrerSystem.url()).add("events", Json.createArrayBuilder()).build()), 400);
        assertProblem(admin.post("api/v1/webhooks", Json.createObjectBuilder().add("organisationId", "no-such-organisation")
                .add("url", referrerSystem.url()).build()), 400);
        assertProblem(admin.get("api/v1/webhooks/00000000-0000-0000-0000-000000000000"), 404);

        ApiClient.Reply empty = admin.post("api/v1/webhooks", Json.createObjectBuilder()
                .add("events", Json.createArrayBuilder().add("REFERRAL_ACCEPTED").addNull()).build());
        assertProblem(empty, 400);
        assertThat(empty.json().getJsonArray("errors").getValuesAs(JsonObject.class)).as("every invalid field at once")
                .extracting(e -> e.getString("pointer")).containsExactly("/events/1", "/organisationId", "/url");
    }

    @Test
    @Order(20)
    void eachSideIsToldOfTheLoopInOrderSignedAndWithoutAnythingAboutThePerson() throws Exception {
        ApiClient.Reply client = caseworker.post("api/v1/clients", Json.createObjectBuilder()
                .add("givenName", "Wilhelmina").add("familyName", "Quartermaine").add("dateOfBirth", "2008-07-19")
                .add("gender", "FEMALE").add("postcode", "M14 5RT")
                .add("contact", Json.createObjectBuilder().add("phone", "07700 900456")).build());
        assertThat(client.status()).as(client.toString()).isEqualTo(201);
        ApiClient.Reply draft = caseworker.post("api/v1/referrals", Json.createObjectBuilder()
                .add("clientId", client.json().getString("id")).add("serviceId", serviceId)
                .add("needs", Json.createObjectBuilder().add("needs", Json.createArrayBuilder().add("COUNSELLING"))
                        .add("crimeTypes", Json.createArrayBuilder().add("GROOMING"))
                        .add("riskLevel", "MEDIUM").add("urgency", "ROUTINE")).build());
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        referralId = draft.json().getString("id");
        assertThat(caseworker.post("api/v1/referrals/" + referralId + "/consent", Json.createObjectBuilder()
                .add("basis", "GIVEN_BY_PERSON").add("shareContactDetails", true).add("shareCaseDetails", true)
                .add("method", "IN_PERSON").build()).status()).isEqualTo(200);
        Instant submittedAt = Instant.now();
        assertThat(caseworker.post("api/v1/referrals/" + referralId + "/submit", null).status()).isEqualTo(200);
        await(referrerSystem, 1);
        acknowledge(referralId);
        await(referrerSystem, 2);
        assertThat(staff.post("api/v1/referrals/" + referralId + "/accept", null).status()).isEqualTo(200);
        await(referrerSystem, 3);
        assertThat(staff.post("api/v1/referrals/" + referralId + "/messages",
                Json.createObjectBuilder().add("body", "Would she like to meet after college?").build()).status()).isEqualTo(201);

        List<String> loop = List.of("REFERRAL_SUBMITTED", "REFERRAL_RECEIVED", "REFERRAL_ACCEPTED", "REFERRAL_MESSAGE_POSTED");
        await(referrerSystem, 4);
        await(providerSystem, 4);
        assertThat(referrerSystem.types()).isEqualTo(loop);
        assertThat(providerSystem.types()).isEqualTo(loop);
        assertThat(outsiderSystem.accepted).as("not party to the referral").isEmpty();

        for (var system : Map.of("referrer", referrerSystem, "provider", providerSystem).entrySet()) {
            for (Delivery delivery : system.getValue().accepted) {
                assertThat(delivery.signature()).isEqualTo(signature(secrets.get(system.getKey()), delivery));
                assertThat(delivery.timestamp()).isBetween(submittedAt.getEpochSecond() - 5, Instant.now().getEpochSecond() + 5);
                assertThat(delivery.body()).doesNotContain(PERSONAL);
                JsonObject data = delivery.json().getJsonObject("data");
                assertThat(data.getString("referralId")).isEqualTo(referralId);
                assertThat(data.getString("reference")).matches("WP-\\d{4}-\\d{6}");
                assertThat(data.getString("referrerOrganisationId")).isEqualTo(referrerId);
                assertThat(data.getString("providerOrganisationId")).isEqualTo(providerId);
                assertThat(data.keySet()).isSubsetOf("id", "type", "occurredAt", "referralId", "reference", "status",
                        "previousStatus", "serviceId", "referrerOrganisationId", "providerOrganisationId",
                        "changedByOrganisationId");
            }
        }
        Delivery accepted = referrerSystem.accepted.get(2);
        assertThat(accepted.json().getJsonObject("data").getString("status")).isEqualTo("ACCEPTED");
        assertThat(accepted.json().getJsonObject("data").getString("previousStatus")).isEqualTo("RECEIVED");
        assertThat(accepted.json().getJsonObject("data").getString("changedByOrganisationId")).isEqualTo(providerId);
        Instant occurred = Instant.parse(accepted.json().getString("timestamp"));
        assertThat(Duration.between(occurred, accepted.arrived())).as("sent at once, not at the next poll")
                .isLessThan(Duration.ofSeconds(2));
    }

    @Test
    @Order(30)
    void aReceiverThatIsDownGetsWhatItMissedOnceItIsBack() throws Exception {
        referrerSystem.stop();
        providerSystem.answer.set(503);
        assertThat(caseworker.post("api/v1/referrals/" + referralId + "/messages",
                Json.createObjectBuilder().add("body", "She would rather not be called at home.").build()).status()).isEqualTo(201);
        for (int wait = 0; wait < 300 && providerSystem.refusedWith503.get() < 2; wait++) {
            Thread.sleep(100);
        }
        assertThat(providerSystem.refusedWith503.get()).as("retried while it answers 503").isGreaterThanOrEqualTo(2);

        // the administrator sees the waiting delivery among the outbox's messages, and may send it again at once
        List<JsonObject> waiting = admin.get("api/v1/admin/outbox?status=PENDING&size=100").json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(e -> e.getString("kind").equals("WEBHOOK")).toList();
        assertThat(waiting).extracting(e -> e.getString("recipient"))
                .contains(subscriptions.get("referrer"), subscriptions.get("provider"));
        assertThat(waiting).allSatisfy(e -> assertThat(e.toString()).doesNotContain(PERSONAL));
        assertThat(waiting).anySatisfy(e -> assertThat(e.getInt("attempts")).isPositive());
        String referrerDelivery = waiting.stream().filter(e -> e.getString("recipient").equals(subscriptions.get("referrer")))
                .findFirst().orElseThrow().getString("id");

        referrerSystem.start();
        providerSystem.answer.set(200);
        assertThat(admin.post("api/v1/admin/outbox/" + referrerDelivery + "/retry", null).status()).isIn(200, 409);
        await(referrerSystem, 5);
        await(providerSystem, 5);
        assertThat(referrerSystem.types().get(4)).isEqualTo("REFERRAL_MESSAGE_POSTED");
        assertThat(providerSystem.types().get(4)).isEqualTo("REFERRAL_MESSAGE_POSTED");
        assertThat(referrerSystem.accepted.get(4).id()).isEqualTo(referrerDelivery);
        assertThat(providerSystem.accepted.get(4).signature()).isEqualTo(signature(secrets.get("provider"),
                providerSystem.accepted.get(4)));
        JsonObject sent = admin.get("api/v1/admin/outbox?status=SENT").json();
        assertThat(sent.getJsonArray("items").getValuesAs(JsonObject.class))
                .anySatisfy(e -> assertThat(e.getString("id")).isEqualTo(referrerDelivery));
    }

    @Test
    @Order(40)
    void theFeedPagesThroughTheSameEventsInOrderForThePartiesOnly() throws Exception {
        Thread.sleep(1500); // the feed shows an event once it is a second old
        List<JsonObject> events = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 10; page++) {
            JsonObject reply = caseworker.get("api/v1/events?limit=2" + (after == null ? "" : "&after=" + after)).json();
            List<JsonObject> items = reply.getJsonArray("items").getValuesAs(JsonObject.class);
            assertThat(items).hasSizeLessThanOrEqualTo(2);
            events.addAll(items);
            if (items.isEmpty()) {
                assertThat(reply.getString("next")).isEqualTo(after);
                break;
            }
            after = reply.getString("next");
            assertThat(after).isEqualTo(items.get(items.size() - 1).getString("cursor"));
        }
        assertThat(events).extracting(e -> e.getString("type")).containsExactly("REFERRAL_SUBMITTED",
                "REFERRAL_RECEIVED", "REFERRAL_ACCEPTED", "REFERRAL_MESSAGE_POSTED", "REFERRAL_MESSAGE_POSTED");
        assertThat(events).extracting(e -> e.getString("id")).isEqualTo(referrerSystem.accepted.stream()
                .map(d -> d.json().getJsonObject("data").getString("id")).toList());
        assertThat(events.toString()).doesNotContain(PERSONAL);
        assertThat(staff.get("api/v1/events").json().getJsonArray("items")).hasSize(5);
        assertThat(outsider.get("api/v1/events").json().getJsonArray("items")).isEmpty();

        assertProblem(caseworker.get("api/v1/events?after=yesterday"), 400);
        assertProblem(caseworker.get("api/v1/events?limit=0"), 400);
        assertProblem(admin.get("api/v1/events"), 403);
        assertProblem(ApiClient.anonymous(base).get("api/v1/events"), 401);
    }

    @Test
    @Order(50)
    void aDeletedSubscriptionIsToldNothingMore() throws Exception {
        assertThat(admin.delete("api/v1/webhooks/" + subscriptions.get("provider")).status()).isEqualTo(204);
        assertProblem(admin.get("api/v1/webhooks/" + subscriptions.get("provider")), 404);
        assertThat(staff.post("api/v1/referrals/" + referralId + "/start", null).status()).isEqualTo(200);
        await(referrerSystem, 6);
        assertThat(referrerSystem.types().get(5)).isEqualTo("REFERRAL_STATUS_CHANGED");
        assertThat(providerSystem.accepted).hasSize(5);
    }

    @Test
    @Order(60)
    void anOrganisationsApiClientManagesItsOwnSubscriptionsAndReadsItsFeedWithinItsScopes() throws Exception {
        ApiClient.Reply registered = admin.post("api/v1/api-clients", Json.createObjectBuilder()
                .add("organisationId", providerId).add("name", "Harbour case system").add("role", "SERVICE_STAFF")
                .add("scopes", Json.createArrayBuilder().add("webhooks:manage").add("events:read").add("referrals:read"))
                .build());
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String clientId = registered.json().getString("clientId");
        String clientSecret = registered.json().getString("clientSecret");
        ApiClient system = ApiClient.anonymous(base).withToken(accessToken(clientId, clientSecret, null));

        clientSystem = new Receiver().start();
        ApiClient.Reply created = system.post("api/v1/webhooks", Json.createObjectBuilder()
                .add("organisationId", providerId).add("url", clientSystem.url())
                .add("events", Json.createArrayBuilder().add("REFERRAL_STATUS_CHANGED")).build());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String own = created.json().getString("id");
        String secret = created.json().getString("secret");
        assertThat(system.get("api/v1/webhooks/" + own).json().getString("url")).isEqualTo(clientSystem.url());
        JsonObject listed = system.get("api/v1/webhooks").json();
        assertThat(ids(listed)).as("its own organisation's only").containsExactly(own);
        assertThat(listed.getInt("total")).isEqualTo(1);
        assertThat(ids(system.get("api/v1/webhooks?organisationId=" + referrerId).json())).isEmpty();

        assertThat(staff.post("api/v1/referrals/" + referralId + "/complete", null).status()).isEqualTo(200);
        await(clientSystem, 1);
        Delivery delivery = clientSystem.accepted.get(0);
        assertThat(delivery.signature()).isEqualTo(signature(secret, delivery));
        assertThat(delivery.type()).isEqualTo("REFERRAL_STATUS_CHANGED");
        assertThat(delivery.json().getJsonObject("data").getString("status")).isEqualTo("COMPLETED");
        assertThat(delivery.body()).doesNotContain(PERSONAL);

        Thread.sleep(1500); // the feed shows an event once it is a second old
        List<JsonObject> feed = system.get("api/v1/events?limit=500").json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(feed).extracting(e -> e.getString("id")).contains(delivery.json().getJsonObject("data").getString("id"));
        assertThat(feed.get(feed.size() - 1).getString("status")).isEqualTo("COMPLETED");

        String others = subscriptions.get("referrer");
        assertProblem(system.get("api/v1/webhooks/" + others), 404);
        assertProblem(system.delete("api/v1/webhooks/" + others), 404);
        assertProblem(system.post("api/v1/webhooks", Json.createObjectBuilder().add("organisationId", referrerId)
                .add("url", clientSystem.url()).build()), 403);
        assertThat(admin.get("api/v1/webhooks/" + others).status()).as("still there").isEqualTo(200);

        ApiClient reader = ApiClient.anonymous(base).withToken(accessToken(clientId, clientSecret, "referrals:read"));
        for (ApiClient.Reply refused : List.of(reader.get("api/v1/webhooks"), reader.get("api/v1/webhooks/" + own),
                reader.post("api/v1/webhooks", Json.createObjectBuilder().add("organisationId", providerId)
                        .add("url", clientSystem.url()).build()), reader.delete("api/v1/webhooks/" + own),
                reader.get("api/v1/events"))) {
            assertProblem(refused, 403);
        }
        assertThat(reader.get("api/v1/events").body()).contains("events:read");

        assertThat(system.delete("api/v1/webhooks/" + own).status()).isEqualTo(204);
        assertProblem(system.get("api/v1/webhooks/" + own), 404);
    }

    /** The service acknowledges the referral, explicitly: reading it changes nothing. */
    private void acknowledge(String id) {
        assertThat(staff.get("api/v1/referrals/" + id).json().getString("status")).isEqualTo("REQUESTED");
        ApiClient.Reply acknowledged = staff.post("api/v1/referrals/" + id + "/acknowledge", null);
        assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
        assertThat(acknowledged.json().getString("status")).isEqualTo("RECEIVED");
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(s -> s.getString("id")).toList();
    }

    /** An access token by the OAuth 2.0 client-credentials grant, with HTTP Basic client authentication. */
    private String accessToken(String clientId, String secret, String scope) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        String form = "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8));
        ApiClient.Reply reply = ApiClient.anonymous(base).sendRaw("POST", "api/v1/oauth/token",
                "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8),
                Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getString("access_token");
    }

    private static void await(Receiver receiver, int count) throws InterruptedException {
        for (int wait = 0; wait < 300 && receiver.accepted.size() < count; wait++) {
            Thread.sleep(100);
        }
        assertThat(receiver.accepted).as("deliveries received").hasSizeGreaterThanOrEqualTo(count);
    }

    /** The signature as a receiver computes it, by Standard Webhooks: HMAC-SHA256 of id.timestamp.body. */
    private static String signature(String secret, Delivery delivery) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] signed = mac.doFinal((delivery.id() + "." + delivery.timestamp() + "." + delivery.body())
                .getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(signed);
    }

    private void subscribe(String name, String organisationId, Receiver receiver) {
        ApiClient.Reply created = admin.post("api/v1/webhooks", Json.createObjectBuilder()
                .add("organisationId", organisationId).add("url", receiver.url()).build());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().getString("secret")).matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(created.json().getJsonArray("events")).hasSize(7);
        secrets.put(name, created.json().getString("secret"));
        subscriptions.put(name, created.json().getString("id"));
    }
}
