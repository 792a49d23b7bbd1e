package org.waypoint.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the generated description in one place: every operation gets the errors any of them
 * can answer (all {@code application/problem+json}), and an operation id unique across resources
 * (the server names them after the Java method, so {@code list} and {@code get} repeat).
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

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        List<Operation> operations = openAPI.getPaths().getPathItems().values().stream()
                .flatMap(item -> item.getOperations().values().stream())
                .filter(operation -> operation.getOperationId() != null)
                .toList();
        Map<String, Long> counts = operations.stream()
                .collect(Collectors.groupingBy(Operation::getOperationId, Collectors.counting()));
        for (Operation operation : operations) {
            if (counts.get(operation.getOperationId()) > 1 && operation.getTags() != null && !operation.getTags().isEmpty()) {
                String tag = operation.getTags().get(0).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
                String id = operation.getOperationId();
                operation.setOperationId(tag + Character.toUpperCase(id.charAt(0)) + id.substring(1));
            }
        }
    }

    private static APIResponse problem(String description) {
        Content content = OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
