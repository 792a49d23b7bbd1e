package org.waypoint.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Jersey's own exceptions, as the mappers answer them. */
class ProblemResponsesTest {

    @Test
    void anUnknownPathIs404ProblemJsonThatIsNeitherCachedNorSniffed() {
        Response response = new WebApplicationExceptionMapper().toResponse(new NotFoundException());

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getHeaderString("X-Content-Type-Options")).isEqualTo("nosniff");
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.type()).isEqualTo(URI.create("https://waypoint.example/problems/not-found"));
        assertThat(problem.detail()).isEqualTo("There is nothing at this address.");
    }

    @Test
    void methodNotAllowedKeepsTheAllowHeader() {
        Response response = new WebApplicationExceptionMapper().toResponse(new NotAllowedException("GET", new String[] {"OPTIONS"}));

        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getHeaderString("Allow")).contains("GET").contains("OPTIONS");
        assertThat(((Problem) response.getEntity()).type()).isEqualTo(URI.create("https://waypoint.example/problems/method-not-allowed"));
    }

    @Test
    void unauthorizedKeepsItsChallenge() {
        Response response = new WebApplicationExceptionMapper().toResponse(new NotAuthorizedException("Bearer realm=\"waypoint\""));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeaderString("WWW-Authenticate")).isEqualTo("Bearer realm=\"waypoint\"");
    }

    @Test
    void theMessageOfAnApplicationsWebExceptionIsNotEchoed() {
        Response response = new WebApplicationExceptionMapper()
                .toResponse(new NotSupportedException("cannot read text/plain for client Jane Doe"));

        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(response.getEntity().toString()).doesNotContain("Jane");
    }

    @Test
    void aServerErrorGetsACorrelationId() {
        Response response = new ThrowableMapper().toResponse(new InternalServerErrorException("db down"));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(((Problem) response.getEntity()).correlationId()).isNotBlank();
        assertThat(response.getEntity().toString()).doesNotContain("db down");
    }
}
