package org.waypoint.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds to every operation the errors any of them can answer, all {@code application/problem+json},
 * so the description is complete without repeating them on each resource method.
 */
public class ApiDescriptionFilter implements OASFilter {

    private static final Map<String, String> ERRORS = Map.of(
            "400", "The request is malformed or fails validation; `errors` names the fields.",
            "401", "Not signed in, or the token is unknown, expired or revoked.",
            "403", "Signed in, but the role may not do this.",
            "404", "No such record, or it belongs to another organisation.",
            "409", "Not allowed in the record's current state, or the Idempotency-Key was used for another request.",
            "412", "If-Match names a version that is no longer current.",
            "413", "The body is larger than 64 KiB.",
            "415", "The body is not application/json.",
            "500", "Something failed on the server; quote `correlationId`.");

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        ERRORS.forEach((status, description) -> {
            if (responses.getAPIResponse(status) == null) {
                responses.addAPIResponse(status, problem(description));
            }
        });
        operation.setResponses(responses);
        return operation;
    }

    private static APIResponse problem(String description) {
        Content content = OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
