package org.waypoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Machine clients and rate limits in a real Payara Micro: an administrator registers API clients for a
 * referring and a providing organisation; each gets tokens by the OAuth 2.0 client-credentials grant
 * (HTTP Basic and form fields) and works a referral within its scopes; a wrong secret locks nobody
 * out; revoking the client refuses its token at once; tokens expire; too many requests get 429. The
 * deployment lowers the limits and the token lifetime (below) so that all of it happens in seconds.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiClientsIT {

    private static final String PASSWORD = "integration-password-1";
    private static final int PER_TOKEN = 25;
    private static final int SIGN_IN_PER_ADDRESS = 45;
    private static final int TOKEN_SECONDS = 20;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    private URL base;

    private static ApiClient admin;
    private static String referrerOrganisation;
    private static String serviceId;
    private static String referrerClientId;
    private static String referrerSecret;
    private static String providerClientId;
    private static String providerSecret;
    private static String referralId;

    @BeforeEach
    void onLoopback() {
        base = Deployments.loopback(base);
    }

    /** The real WAR, with a configuration of a higher ordinal than the system properties' that lowers the limits for this class only. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        String settings = String.join("\n",
                "config_ordinal=500",
                "waypoint.rate-limit.per-token-per-minute=" + PER_TOKEN,
                "waypoint.rate-limit.sign-in-per-address-per-minute=" + SIGN_IN_PER_ADDRESS,
                "waypoint.oauth.token-validity=PT" + TOKEN_SECONDS + "S", "");
        return Deployments.waypoint().addAsLibrary(ShrinkWrap.create(JavaArchive.class, "it-limits.jar")
                .addAsManifestResource(new StringAsset(settings), "microprofile-config.properties"));
    }

    @Test
    @Order(10)
    void anAdministratorRegistersAnApiClientForEachOrganisationAndSeesItsSecretOnce() {
        admin = ApiClient.anonymous(base).signIn(System.getProperty("waypoint.it.admin-email"),
                System.getProperty("waypoint.it.admin-password"));
        referrerOrganisation = admin.newOrganisation("IT Machine Police", "REFERRER");
        String provider = admin.newOrganisation("IT Machine Charity", "PROVIDER");
        assertThat(admin.post("api/v1/users", Json.createObjectBuilder().add("email", "machine-caseworker@example.org")
                .add("displayName", "Casey").add("role", "CASEWORKER").add("organisationId", referrerOrganisation)
                .add("password", PASSWORD).build()).status()).isEqualTo(201);
        ApiClient.Reply service = admin.post("api/v1/services", Json.createObjectBuilder()
                .add("organisationId", provider).add("name", "IT Machine Counselling").add("description", "Counselling.")
                .add("categories", Json.createArrayBuilder().add("COUNSELLING"))
                .add("postcodeAreas", Json.createArrayBuilder().add("M"))
                .add("referralInbox", "it-machine-inbox@example.org").build());
        assertThat(service.status()).as(service.toString()).isEqualTo(201);
        serviceId = service.json().getString("id");

        ApiClient.Reply registered = admin.post("api/v1/api-clients", Json.createObjectBuilder()
                .add("organisationId", referrerOrganisation).add("name", "Police case system").add("role", "CASEWORKER")
                .add("scopes", Json.createArrayBuilder().add("referrals:read").add("referrals:write").add("clients:write")
                        .add("directory:read")).build());
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        referrerClientId = registered.json().getString("clientId");
        referrerSecret = registered.json().getString("clientSecret");
        assertThat(registered.json().getJsonObject("client").getString("organisationId")).isEqualTo(referrerOrganisation);

        ApiClient.Reply other = admin.post("api/v1/api-clients", Json.createObjectBuilder()
                .add("organisationId", provider).add("name", "Charity records").add("role", "SERVICE_STAFF")
                .add("scopes", Json.createArrayBuilder().add("referrals:read").add("referrals:write")).build());
        assertThat(other.status()).as(other.toString()).isEqualTo(201);
        providerClientId = other.json().getString("clientId");
        providerSecret = other.json().getString("clientSecret");

        ApiClient.Reply listed = admin.get("api/v1/api-clients");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains(referrerClientId, providerClientId).doesNotContain(referrerSecret, providerSecret);
        ApiClient.Reply one = admin.get("api/v1/api-clients/" + referrerClientId);
        assertThat(one.json().getJsonArray("scopes").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)).containsExactly("referrals:read", "referrals:write", "clients:write", "directory:read");
        assertThat(one.body()).doesNotContain(referrerSecret);

        ApiClient.Reply asAdmin = admin.post("api/v1/api-clients", Json.createObjectBuilder()
                .add("organisationId", provider).add("name", "x").add("role", "ADMIN")
                .add("scopes", Json.createArrayBuilder().add("referrals:read")).build());
        assertThat(asAdmin.status()).isEqualTo(400);
        assertThat(asAdmin.contentType()).startsWith("application/problem+json");
        ApiClient.Reply unknownScope = admin.post("api/v1/api-clients", Json.createObjectBuilder()
                .add("organisationId", provider).add("name", "x").add("role", "SERVICE_STAFF")
                .add("scopes", Json.createArrayBuilder().add("everything")).build());
        assertThat(unknownScope.status()).isEqualTo(400);
    }

    @Test
    @Order(20)
    void theClientGetsATokenWithBasicAuthenticationOrFormFieldsAndOAuthErrorsOtherwise() {
        Reply basic = token(basic(referrerClientId, referrerSecret), "grant_type", "client_credentials");
        assertThat(basic.status()).as(basic.toString()).isEqualTo(200);
        assertThat(basic.header("Content-Type")).startsWith("application/json");
        assertThat(basic.header("Cache-Control")).isEqualTo("no-store");
        JsonObject issued = basic.json();
        assertThat(issued.getString("access_token")).startsWith("wpat_");
        assertThat(issued.getString("token_type")).isEqualTo("Bearer");
        assertThat(issued.getInt("expires_in")).isEqualTo(TOKEN_SECONDS);
        assertThat(issued.getString("scope")).isEqualTo("referrals:read referrals:write clients:write directory:read");

        Reply form = token(null, "grant_type", "client_credentials", "client_id", referrerClientId, "client_secret", referrerSecret,
                "scope", "referrals:read");
        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        assertThat(form.json().getString("scope")).isEqualTo("referrals:read");

        // RFC 6749 §3.2: a parameter the server does not recognise is ignored, in the form or the query,
        // and one sent without a value counts as not sent.
        Reply extras = tokenAt("api/v1/oauth/token?audience=waypoint", basic(referrerClientId, referrerSecret),
                "grant_type", "client_credentials", "resource", "https://elsewhere.example", "scope", "", "client_id", "");
        assertThat(extras.status()).as(extras.toString()).isEqualTo(200);
        assertThat(extras.json().getString("scope")).isEqualTo("referrals:read referrals:write clients:write directory:read");

        assertOAuthError(token(basic(referrerClientId, referrerSecret), "grant_type", "client_credentials",
                "client_id", referrerClientId, "client_secret", referrerSecret), 400, "invalid_request");
        assertOAuthError(token(basic(referrerClientId, referrerSecret), "grant_type", "password"), 400, "unsupported_grant_type");
        assertOAuthError(token(basic(referrerClientId, referrerSecret)), 400, "invalid_request");
        assertOAuthError(token(basic(referrerClientId, referrerSecret), "grant_type", "client_credentials", "scope", "webhooks:manage"),
                400, "invalid_scope");
        Reply anonymous = token(null, "grant_type", "client_credentials");
        assertOAuthError(anonymous, 401, "invalid_client");
    }

    @Test
    @Order(30)
    void theReferrersClientRecordsAPersonAndRefersThemAndTheServicesClientAcceptsAsTheirPeopleWould() {
        ApiClient referrer = ApiClient.anonymous(base).withToken(accessToken(referrerClientId, referrerSecret, null));
        ApiClient.Reply person = referrer.post("api/v1/clients", Json.createObjectBuilder()
                .add("givenName", "Alex").add("familyName", "Rowe").add("dateOfBirth", "2008-05-01")
                .add("gender", "FEMALE").add("postcode", "M14 5RT").build());
        assertThat(person.status()).as(person.toString()).isEqualTo(201);
        ApiClient.Reply draft = referrer.post("api/v1/referrals", Json.createObjectBuilder()
                .add("clientId", person.json().getString("id")).add("serviceId", serviceId)
                .add("needs", Json.createObjectBuilder().add("needs", Json.createArrayBuilder().add("COUNSELLING"))
                        .add("crimeTypes", Json.createArrayBuilder().add("GROOMING"))
                        .add("riskLevel", "MEDIUM").add("urgency", "ROUTINE"))
                .build());
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        referralId = draft.json().getString("id");
        ApiClient.Reply consent = referrer.post("api/v1/referrals/" + referralId + "/consent", Json.createObjectBuilder()
                .add("basis", "GIVEN_BY_PERSON").add("shareContactDetails", true).add("shareCaseDetails", true)
                .add("method", "IN_PERSON").build());
        assertThat(consent.status()).as(consent.toString()).isEqualTo(200);
        ApiClient.Reply submitted = referrer.post("api/v1/referrals/" + referralId + "/submit", null, Map.of("If-Match", consent.etag()));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);

        ApiClient service = ApiClient.anonymous(base).withToken(accessToken(providerClientId, providerSecret, null));
        ApiClient.Reply read = service.get("api/v1/referrals/" + referralId);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        ApiClient.Reply opened = service.post("api/v1/referrals/" + referralId + "/acknowledge", null, Map.of("If-Match", read.etag()));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        ApiClient.Reply accepted = service.post("api/v1/referrals/" + referralId + "/accept", null, Map.of("If-Match", opened.etag()));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().getString("status")).isEqualTo("ACCEPTED");

        Map<String, String> actors = referrer.get("api/v1/referrals/" + referralId + "/timeline").json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(e -> e.getString("action"), e -> e.getString("actorUserId"), (a, b) -> a));
        assertThat(actors).containsEntry("CREATE", referrerClientId).containsEntry("SUBMIT", referrerClientId)
                .containsEntry("OPEN", providerClientId).containsEntry("ACCEPT", providerClientId);
    }

    @Test
    @Order(40)
    void anOperationOutsideTheTokensScopesOrDeclaringNoneIsRefusedWith403() {
        String readOnly = accessToken(referrerClientId, referrerSecret, "referrals:read");
        ApiClient reader = ApiClient.anonymous(base).withToken(readOnly);
        assertThat(reader.get("api/v1/referrals/" + referralId).status()).isEqualTo(200);

        Reply write = call("POST", "api/v1/referrals/" + referralId + "/messages", readOnly, "{\"body\":\"Hello\"}");
        assertThat(write.status()).as(write.toString()).isEqualTo(403);
        assertThat(write.header("Content-Type")).startsWith("application/problem+json");
        assertThat(write.header("WWW-Authenticate")).contains("insufficient_scope").contains("referrals:write");
        assertThat(write.json().getString("detail")).contains("referrals:write");

        ApiClient full = ApiClient.anonymous(base).withToken(accessToken(referrerClientId, referrerSecret, null));
        ApiClient.Reply undeclared = full.get("api/v1/me");
        assertThat(undeclared.status()).as("an operation that declares no scope").isEqualTo(403);
        assertThat(undeclared.contentType()).startsWith("application/problem+json");
        assertThat(full.get("api/v1/api-clients").status()).as("an administrator's operation").isEqualTo(403);
        assertThat(full.post("api/v1/organisations", Json.createObjectBuilder().add("name", "Rogue").add("kind", "REFERRER").build())
                .status()).isEqualTo(403);

        // An API client signs in to the API only: elsewhere its token signs nobody in (401, where a
        // signed-in person who is no administrator would be told 404).
        assertThat(full.get("metrics").status()).as("/metrics").isEqualTo(401);
        assertThat(full.get("admin/oruk-export").status()).as("the directory's export").isEqualTo(401);
    }

    @Test
    @Order(50)
    void wrongSecretsAreInvalidClientAndLockNobodyOut() {
        for (int i = 0; i < 6; i++) {
            Reply wrong = token(basic(referrerClientId, referrerSecret + "x"), "grant_type", "client_credentials");
            assertOAuthError(wrong, 401, "invalid_client");
            assertThat(wrong.header("WWW-Authenticate")).startsWith("Basic");
        }
        assertOAuthError(token(basic(java.util.UUID.randomUUID().toString(), referrerSecret), "grant_type", "client_credentials"),
                401, "invalid_client");

        assertThat(token(basic(referrerClientId, referrerSecret), "grant_type", "client_credentials").status()).isEqualTo(200);
        assertThat(ApiClient.anonymous(base).signIn("machine-caseworker@example.org", PASSWORD).get("api/v1/me").status())
                .as("the organisation's people are not locked out either").isEqualTo(200);
    }

    @Test
    @Order(60)
    void revokingTheClientRefusesItsTokenAtOnce() {
        String token = accessToken(providerClientId, providerSecret, null);
        assertThat(call("GET", "api/v1/referrals/" + referralId, token, null).status()).isEqualTo(200);

        assertThat(admin.delete("api/v1/api-clients/" + providerClientId).status()).isEqualTo(204);

        Reply refused = call("GET", "api/v1/referrals/" + referralId, token, null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertOAuthError(token(basic(providerClientId, providerSecret), "grant_type", "client_credentials"), 401, "invalid_client");
        assertThat(admin.get("api/v1/api-clients/" + providerClientId).json().getBoolean("active")).isFalse();
    }

    @Test
    @Order(70)
    void aTokenExpires() throws InterruptedException {
        String token = accessToken(referrerClientId, referrerSecret, "referrals:read");
        assertThat(call("GET", "api/v1/referrals/" + referralId, token, null).status()).isEqualTo(200);

        Thread.sleep((TOKEN_SECONDS + 1) * 1000L);

        assertThat(call("GET", "api/v1/referrals/" + referralId, token, null).status()).isEqualTo(401);
    }

    @Test
    @Order(80)
    void aTokenBeyondItsLimitGets429WithRetryAfterAndEveryAnswerCarriesTheLimits() {
        String token = accessToken(referrerClientId, referrerSecret, "referrals:read");
        Reply first = call("GET", "api/v1/referrals/" + referralId, token, null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("RateLimit-Policy")).contains("\"token\";q=" + PER_TOKEN + ";w=60").contains("\"address\";q=");
        assertThat(first.header("RateLimit")).contains("\"token\";r=" + (PER_TOKEN - 1) + ";t=");

        Reply limited = first;
        for (int i = 1; i <= PER_TOKEN && limited.status() != 429; i++) {
            limited = call("GET", "api/v1/referrals/" + referralId, token, null);
        }
        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(limited.json().getInt("status")).isEqualTo(429);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        assertThat(limited.header("RateLimit")).contains("\"token\";r=0;t=");
        assertThat(call("GET", "api/v1/referrals/" + referralId, accessToken(referrerClientId, referrerSecret, "referrals:read"), null)
                .status()).as("another token has its own count").isEqualTo(200);

        Reply anonymous = send(HttpRequest.newBuilder(uri("api/v1/services")).timeout(Duration.ofSeconds(30)).GET());
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.header("RateLimit-Policy")).as("a request without a token counts by address only")
                .contains("\"address\";q=").doesNotContain("token");
        assertThat(anonymous.header("RateLimit")).matches("\"address\";r=\\d+;t=\\d+");
    }

    @Test
    @Order(90)
    void theTokenEndpointIsLimitedByAddress() {
        Reply limited = token(null, "grant_type", "client_credentials");
        for (int i = 0; i <= SIGN_IN_PER_ADDRESS && limited.status() != 429; i++) {
            limited = token(basic(referrerClientId, "wrong"), "grant_type", "client_credentials");
        }
        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(limited.header("Retry-After")).isNotBlank();
        assertThat(limited.header("RateLimit-Policy")).contains("\"sign-in\";q=" + SIGN_IN_PER_ADDRESS + ";w=60");
    }

    private String accessToken(String clientId, String secret, String scope) {
        Reply reply = scope == null
                ? token(basic(clientId, secret), "grant_type", "client_credentials")
                : token(basic(clientId, secret), "grant_type", "client_credentials", "scope", scope);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getString("access_token");
    }

    private static String basic(String clientId, String secret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertOAuthError(Reply reply, int status, String error) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.json().getString("error")).isEqualTo(error);
        if (status == 401) {
            assertThat(reply.header("WWW-Authenticate")).startsWith("Basic");
        }
    }

    /** POSTs a form to the token endpoint, with the Authorization header given (or none). */
    private Reply token(String authorization, String... pairs) {
        return tokenAt("api/v1/oauth/token", authorization, pairs);
    }

    private Reply tokenAt(String address, String authorization, String... pairs) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            form.append(form.length() == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(address)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private Reply call(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    private URI uri(String path) {
        try {
            return base.toURI().resolve(path);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer with all its headers, which the shared client does not keep. */
    private record Reply(int status, String body, Map<String, List<String>> headers) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(", ", e.getValue())).findFirst().orElse(null);
        }

        JsonObject json() {
            try (jakarta.json.JsonReader reader = Json.createReader(new java.io.StringReader(body))) {
                return reader.readObject();
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
