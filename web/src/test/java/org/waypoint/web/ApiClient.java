package org.waypoint.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small JSON-over-HTTP client for the integration tests, signed in with a bearer token or not at
 * all. Every answer from the API is checked against the committed API description (the contract
 * that ApiIT proves the server serves): an answer the description does not allow fails the test.
 */
final class ApiClient {

    /** HTTP/1.1: the client's attempt to upgrade a request with a body to HTTP/2 stalls on Payara Micro. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** Generous: the server's first answers after boot (the API description above all) are slow on a busy machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    /**
     * The token each account with a second factor last got, by server and account, taken up again
     * while it still works: every such sign-in spends a step of the app's codes, and a third within
     * 30 seconds would wait for the next step ({@link SecondFactor}). Signing in with a code is what
     * ApiIT's own tests prove; the rest only need an administrator.
     */
    private static final Map<String, String> KEPT_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private final URI base;
    private final String token;

    private ApiClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    static ApiClient anonymous(URL deployment) {
        try {
            return new ApiClient(deployment.toURI(), null);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * Signs in with e-mail address and password, and the code of the account's authenticator app when
     * it has one ({@link SecondFactor}), and keeps the token it gets. An account that must have a second
     * factor and has none yet (an administrator) first sets one up through the pages, as its holder would.
     * For an account with a second factor, a token it got earlier that still works is used instead.
     */
    ApiClient signIn(String email, String password) {
        String account = base + " " + email;
        String kept = KEPT_TOKENS.get(account);
        if (kept != null && new ApiClient(base, kept).get("api/v1/me").status() == 200) {
            return new ApiClient(base, kept);
        }
        Reply reply = tokenFor(email, password);
        if (reply.status() == 403 && reply.body().contains("second-factor-not-set-up")) {
            SecondFactor.enrolThroughPages(toUrl(), email, password);
            reply = tokenFor(email, password);
        }
        if (reply.status() != 201) {
            throw new AssertionError("sign-in as " + email + " answered " + reply.status() + ": " + reply.body());
        }
        String token = reply.json().getString("token");
        if (SecondFactor.knows(email)) {
            KEPT_TOKENS.put(account, token);
        }
        return new ApiClient(base, token);
    }

    private Reply tokenFor(String email, String password) {
        jakarta.json.JsonObjectBuilder body = Json.createObjectBuilder()
                .add("email", email).add("password", password).add("tokenName", "integration test");
        if (SecondFactor.knows(email)) {
            body.add("code", SecondFactor.nextCode(email));
        }
        Reply reply = post("api/v1/auth/token", body.build());
        if (reply.status() == 403 && reply.body().contains("second-factor-not-set-up")) {
            // A new database (each test class starts one): what these tests knew of the account's app is gone.
            SecondFactor.forget(email);
        }
        return reply;
    }

    private URL toUrl() {
        try {
            return base.toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** As an administrator: registers an organisation and answers its id. */
    String newOrganisation(String name, String kind) {
        return createdId(post("api/v1/organisations", Json.createObjectBuilder().add("name", name).add("kind", kind).build()));
    }

    /** As an administrator: opens an account (its display name the e-mail address) and answers its id. */
    String newUser(String email, String role, String organisationId, String password) {
        return createdId(post("api/v1/users", Json.createObjectBuilder().add("email", email).add("displayName", email)
                .add("role", role).add("organisationId", organisationId).add("password", password).build()));
    }

    /** The id of what a 201 answer created. */
    static String createdId(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("id");
    }

    /** A problem+json answer with this status and a type, showing nothing of the server's insides. */
    static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonObject problem = reply.json();
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.get("type")).isInstanceOf(jakarta.json.JsonString.class);
        assertThat(reply.body()).doesNotContain("Exception", "at org.");
    }

    /** The same caller, reaching the server through another address (the edge in front of it). */
    ApiClient at(URI otherBase) {
        return new ApiClient(otherBase, token);
    }

    /** The bearer token signed in with, for requests outside the API (such as the ORUK export). */
    String token() {
        return token;
    }

    ApiClient withToken(String otherToken) {
        return new ApiClient(base, otherToken);
    }

    Reply get(String path) {
        return send("GET", path, null, Map.of());
    }

    Reply post(String path, JsonValue body) {
        return send("POST", path, body, Map.of());
    }

    Reply post(String path, JsonValue body, Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    Reply put(String path, JsonValue body, Map<String, String> headers) {
        return send("PUT", path, body, headers);
    }

    Reply delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    Reply send(String method, String path, JsonValue body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request, headers);
    }

    /** Sends bytes as they are, with the given content type: for malformed bodies. */
    Reply sendRaw(String method, String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType), Map.of());
    }

    /** Sends what it is given as it is (no body when {@code body} is null), with the caller's headers. */
    Reply sendRaw(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request, headers);
    }

    private Reply send(HttpRequest.Builder request, Map<String, String> headers) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpRequest sent = request.build();
            HttpResponse<String> response = HTTP.send(sent, HttpResponse.BodyHandlers.ofString());
            DescriptionCheck.check(sent, response);
            return new Reply(response.statusCode(), response.body(), response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, String body, String etag, String contentType) {

        JsonObject json() {
            return structure().asJsonObject();
        }

        JsonStructure structure() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
