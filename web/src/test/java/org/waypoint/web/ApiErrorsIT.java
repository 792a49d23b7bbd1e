package org.waypoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a client of the API sees when something goes wrong, from the real Payara Micro: always
 * problem+json with a stable type, never Payara's HTML report, a stack trace, a class name, SQL
 * or the server's name; no WADL; request bodies bounded. (Bodies that reach JSON-B are tested in
 * the api module: no endpoint takes JSON yet.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiErrorsIT {

    // HTTP/1.1: the JDK client's default h2c upgrade on a request with a body stalls on Payara Micro.
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final String PROBLEMS = "https://waypoint.example/problems/";
    private static final int LIMIT = 65_536;

    @ArquillianResource
    private URL base;

    @org.junit.jupiter.api.BeforeEach
    void onLoopback() {
        base = Deployments.loopback(base);
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.waypoint();
    }

    @Test
    void anUnknownApiPathIsAProblemNotAnHtmlPage() throws Exception {
        HttpResponse<String> response = send(request("api/v1/nothing-here").GET());

        JsonObject problem = problem(response, 404, "not-found");
        assertThat(problem.getString("title")).isEqualTo("Not found");
        assertThat(problem.getString("instance")).endsWith("/api/v1/nothing-here");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void thereIsNoWadl() throws Exception {
        HttpResponse<String> response = send(request("api/application.wadl").GET());

        problem(response, 404, "not-found");
        assertThat(response.body()).doesNotContain("Jersey").doesNotContain("wadl.dev.java.net");
    }

    @Test
    void aMethodTheResourceLacksIs405WithAllow() throws Exception {
        HttpResponse<String> response = send(request("api/v1/organisations/any-id")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        problem(response, 405, "method-not-allowed");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
    }

    @Test
    void aMediaTypeTheResourceCannotProduceIs406() throws Exception {
        problem(send(request("api/v1/services").header("Accept", "application/xml").GET()), 406, "not-acceptable");
    }

    @Test
    void aHeaderJerseyCannotParseIs400ThroughTheContainersErrorPage() throws Exception {
        problem(send(request("api/v1/services").header("Accept", "///").GET()), 400, "bad-request");
    }

    @Test
    void aBodyOverTheLimitIs413WhenDeclared() throws Exception {
        HttpResponse<String> response = send(request("api/v1/services")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT + 1])));

        JsonObject problem = problem(response, 413, "payload-too-large");
        assertThat(problem.getString("detail")).contains("65536");
    }

    @Test
    void aBodyOverTheLimitIs413WhenChunked() throws Exception {
        byte[] body = new byte[LIMIT + 1];
        Arrays.fill(body, (byte) ' ');
        // A stream of unknown length makes the client send it chunked, without Content-Length.
        HttpResponse<String> response = send(request("api/v1/services")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        problem(response, 413, "payload-too-large");
    }

    @Test
    void aBodyWithinTheLimitGoesOnToTheResource() throws Exception {
        byte[] body = new byte[LIMIT];
        Arrays.fill(body, (byte) ' ');

        HttpResponse<String> response = send(request("api/v1/organisations/any-id")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        problem(response, 405, "method-not-allowed");
    }

    @Test
    void pagesOutsideTheApiGetAPlainPageWithoutTheServersReport() throws Exception {
        HttpResponse<String> response = send(request("no-such-page").GET());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("Page not found");
        assertClean(response.body());
    }

    private JsonObject problem(HttpResponse<String> response, int status, String kind) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().allValues("Server")).isEmpty();
        assertClean(response.body());
        JsonObject problem;
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            problem = reader.readObject();
        }
        assertThat(problem.getString("type")).isEqualTo(PROBLEMS + kind);
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("title")).isNotBlank();
        return problem;
    }

    private static void assertClean(String body) {
        assertThat(body).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("SQL")
                .doesNotContainIgnoringCase("Payara").doesNotContain("<pre>");
    }

    private HttpRequest.Builder request(String path) throws Exception {
        URI uri = base.toURI().resolve(path);
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest sent = request.build();
        HttpResponse<String> response = HTTP.send(sent, HttpResponse.BodyHandlers.ofString());
        DescriptionCheck.check(sent, response);
        return response;
    }
}
