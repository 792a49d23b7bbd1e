package org.waypoint.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.waypoint.api.account.AccountResource;
import org.waypoint.api.account.UserResource;
import org.waypoint.api.apiclient.ApiClientResource;
import org.waypoint.api.client.ClientRequest;
import org.waypoint.api.client.ClientResource;
import org.waypoint.api.directory.ServiceResource;
import org.waypoint.api.json.StrictJsonb;
import org.waypoint.api.organisation.OrganisationResource;
import org.waypoint.api.referral.ReferralRequests;
import org.waypoint.api.referral.ReferralResource;
import org.waypoint.api.referral.ReferralResponses;

/**
 * The examples in the API description are what the API really reads and writes, and plainly
 * fictional. (That every operation shows one is checked on the running server, by ApiIT.)
 */
class ApiExamplesTest {

    private static final List<Class<?>> RESOURCES = List.of(AccountResource.class, UserResource.class,
            ClientResource.class, ServiceResource.class, OrganisationResource.class, ReferralResource.class,
            ApiClientResource.class, org.waypoint.api.directory.DirectoryImportResource.class);
    private static final Jsonb JSONB = new StrictJsonb().getContext(Object.class);

    @Test
    void everyRequestExampleIsReadBackWholeByTheApisStrictJson() {
        Set<Class<?>> bodies = RESOURCES.stream().flatMap(resource -> Stream.of(resource.getMethods()))
                .filter(ApiExamplesTest::isEndpoint)
                .flatMap(method -> Stream.of(method.getParameters()))
                // The body is the parameter JAX-RS does not fill from elsewhere: it carries no annotation but @Valid.
                .filter(parameter -> Stream.of(parameter.getAnnotations())
                        .allMatch(a -> a.annotationType().getPackageName().startsWith("jakarta.validation")))
                .map(java.lang.reflect.Parameter::getType)
                // A body read as a stream (a directory import) is not bound: its operation's example shows it.
                .filter(type -> type != java.io.InputStream.class)
                .collect(Collectors.toSet());

        assertThat(bodies).contains(ClientRequest.class, ReferralRequests.ConsentBody.class)
                .allSatisfy(body -> assertThat(ApiExamples.records()).as("an example of %s", body.getSimpleName())
                        .containsKey(body));
        bodies.forEach(body -> {
            Object example = ApiExamples.records().get(body);
            assertThat(JSONB.fromJson(JSONB.toJson(example), body)).as(body.getSimpleName()).isEqualTo(example);
        });
    }

    @Test
    void everyOperationWithItsOwnExampleExists() {
        Set<String> operations = new java.util.HashSet<>();
        for (Class<?> resource : RESOURCES) {
            String root = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getMethods()) {
                if (isEndpoint(method)) {
                    Path path = method.getAnnotation(Path.class);
                    operations.add(httpMethod(method) + " " + root + (path == null ? "" : "/" + path.value()));
                }
            }
        }

        assertThat(operations).contains("POST v1/referrals/{id}/submit", "GET v1/me");
        assertThat(ApiExamples.byOperation().keySet()).isNotEmpty().isSubsetOf(operations);
        Object redirect = ApiExamples.byOperation().get("POST v1/referrals/{id}/redirect").request().orElseThrow();
        assertThat(JSONB.fromJson(JSONB.toJson(redirect), ReferralRequests.Action.class).serviceId())
                .as("a redirection names the other service").isNotBlank();
    }

    @Test
    void examplesAreJsonAsTheApiWritesItAndNeverAnyonesRealDetails() {
        Map<Class<?>, Object> examples = ApiExamples.bySchema();
        List<String> strings = new ArrayList<>();
        examples.values().forEach(example -> collectStrings(example, strings));
        ApiExamples.byOperation().values().forEach(example -> {
            example.request().ifPresent(body -> collectStrings(body, strings));
            example.response().ifPresent(body -> collectStrings(body, strings));
        });

        @SuppressWarnings("unchecked")
        Map<String, Object> client = (Map<String, Object>) examples.get(ClientRequest.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> referral = (Map<String, Object>) examples.get(ReferralResponses.ReferralResponse.class);
        assertThat(client).containsEntry("givenName", "Alex").containsEntry("familyName", "Example")
                .containsEntry("dateOfBirth", "2010-09-14");
        assertThat(referral).as("nulls left out, times in ISO-8601, as the API writes them")
                .doesNotContainKey("redirectedFrom").containsEntry("submittedAt", "2026-03-02T10:05:00Z");
        assertThat(strings).filteredOn(s -> s.contains("@")).isNotEmpty()
                .allSatisfy(email -> assertThat(email).endsWith("example.org"));
        assertThat(strings).filteredOn(s -> s.matches(".*\\b0\\d{3,4} ?\\d{3} ?\\d{3,4}\\b.*")).isNotEmpty()
                .allSatisfy(phone -> assertThat(phone).as("Ofcom's numbers for drama").startsWith("07700 900"));
        assertThat(strings).filteredOn(s -> s.startsWith("wp")).allSatisfy(token -> assertThat(token).contains("Example"));
    }

    private static void collectStrings(Object json, List<String> into) {
        if (json instanceof String text) {
            into.add(text);
        } else if (json instanceof Map<?, ?> map) {
            map.values().forEach(value -> collectStrings(value, into));
        } else if (json instanceof Collection<?> list) {
            list.forEach(value -> collectStrings(value, into));
        }
    }

    private static boolean isEndpoint(Method method) {
        return httpMethod(method) != null;
    }

    private static String httpMethod(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        return method.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
    }
}
