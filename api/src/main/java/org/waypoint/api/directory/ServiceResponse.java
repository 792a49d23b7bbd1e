package org.waypoint.api.directory;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waypoint.core.directory.Capacity;
import org.waypoint.core.directory.SupportService;

/**
 * The public face of a support service. The referral inbox and anything meant only for referrers
 * never appear here.
 */
@Schema(description = "The public face of a support service: never its referral inbox.",
        requiredProperties = {"id", "name", "categories", "postcodeAreas", "capacity"})
public record ServiceResponse(
        String id,
        String name,
        String description,
        String organisation,
        List<Category> categories,
        List<String> postcodeAreas,
        @Schema(implementation = Capacity.class) String capacity,
        Integer waitWeeks) {

    public record Category(String code, String label) {
    }

    static ServiceResponse of(SupportService service) {
        return new ServiceResponse(
                service.id(),
                service.name(),
                service.description(),
                service.organisation().name(),
                service.categories().stream().map(c -> new Category(c.code(), c.label())).toList(),
                service.postcodePrefixes(),
                service.capacity().name(),
                service.waitWeeks().isPresent() ? service.waitWeeks().getAsInt() : null);
    }
}
