package org.waypoint.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemJsonTest {

    @Test
    void writesTheMembersInRfcOrderAndLeavesOutWhatIsAbsent() {
        String json = ProblemJson.write(Problem.of(ProblemType.NOT_FOUND, "referral not found").withInstance("/api/v1/referrals/R-1"));

        assertThat(json).isEqualTo("{\"type\":\"https://waypoint.example/problems/not-found\",\"title\":\"Not found\","
                + "\"status\":404,\"detail\":\"referral not found\",\"instance\":\"/api/v1/referrals/R-1\"}");
    }

    @Test
    void writesFieldErrors() {
        String json = ProblemJson.write(Problem.of(ProblemType.VALIDATION, "1 field is invalid")
                .withErrors(List.of(new FieldError("/dateOfBirth", "must be in the past"))));

        assertThat(json).endsWith("\"errors\":[{\"pointer\":\"/dateOfBirth\",\"detail\":\"must be in the past\"}]}");
    }
}
