package org.waypoint.api.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;
import org.waypoint.api.problem.ProblemException;
import org.waypoint.api.problem.ProblemType;

class JsonBodyGuardTest {

    @Test
    void acceptsOrdinaryJson() {
        assertThatCode(() -> check("{\"name\":\"Jane\",\"needs\":[{\"code\":\"A\"},{\"code\":\"B\"}],\"n\":{\"name\":1}}"))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsMalformedJsonWithoutQuotingIt() {
        ProblemException problem = rejected("{\"name\":\"Jane Doe\",");

        assertThat(problem.kind()).isEqualTo(ProblemType.MALFORMED_JSON);
        assertThat(problem.getMessage()).startsWith("The body is not well-formed JSON").doesNotContain("Jane");
    }

    @Test
    void rejectsContentAfterTheValue() {
        assertThat(rejected("{\"a\":1} {\"b\":2}").kind()).isEqualTo(ProblemType.MALFORMED_JSON);
    }

    @Test
    void rejectsAnEmptyBody() {
        assertThat(rejected("").kind()).isEqualTo(ProblemType.MALFORMED_JSON);
    }

    @Test
    void rejectsANameRepeatedInOneObjectWithoutNamingIt() {
        ProblemException problem = rejected("{\"dateOfBirth\":\"2001-01-01\",\"dateOfBirth\":\"1990-01-01\"}");

        assertThat(problem.kind()).isEqualTo(ProblemType.MALFORMED_JSON);
        assertThat(problem.getMessage()).contains("repeats a name").doesNotContain("dateOfBirth").doesNotContain("1990");
    }

    @Test
    void allowsSixtyFourLevelsAndRejectsSixtyFive() {
        assertThatCode(() -> check("{\"a\":" + "[".repeat(63) + "]".repeat(63) + "}")).doesNotThrowAnyException();
        assertThatCode(() -> check("{\"a\":".repeat(63) + "[]" + "}".repeat(63))).doesNotThrowAnyException();

        ProblemException problem = rejected("{\"a\":" + "[".repeat(64) + "]".repeat(64) + "}");

        assertThat(problem.kind()).isEqualTo(ProblemType.MALFORMED_JSON);
        assertThat(problem.getMessage()).contains("64 levels");
    }

    @Test
    void rejectsHugeNestingWithoutOverflowingTheStack() {
        assertThat(rejected("{\"a\":" + "[".repeat(100_000)).getMessage()).contains("64 levels");
    }

    @Test
    void acceptsOnlyAnObject() {
        for (String body : new String[] {"[{\"a\":1}]", "null", "\"text\"", "42"}) {
            assertThat(rejected(body).getMessage()).as(body).isEqualTo("The body must be a JSON object.");
        }
    }

    @Test
    void guardsJsonMediaTypesOnly() {
        assertThat(JsonBodyGuard.isJson(MediaType.APPLICATION_JSON_TYPE)).isTrue();
        assertThat(JsonBodyGuard.isJson(MediaType.valueOf("application/merge-patch+json"))).isTrue();
        assertThat(JsonBodyGuard.isJson(MediaType.valueOf("application/json; charset=UTF-8"))).isTrue();
        assertThat(JsonBodyGuard.isJson(MediaType.TEXT_PLAIN_TYPE)).isFalse();
        assertThat(JsonBodyGuard.isJson(null)).isFalse();
    }

    private static void check(String body) {
        JsonBodyGuard.check(body.getBytes(UTF_8));
    }

    private static ProblemException rejected(String body) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> check(body));
        assertThat(problem).as("rejected: " + body).isNotNull();
        return problem;
    }
}
