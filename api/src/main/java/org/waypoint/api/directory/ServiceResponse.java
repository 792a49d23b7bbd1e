package org.waypoint.api.directory;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waypoint.core.directory.Capacity;
import org.waypoint.core.directory.OpeningTime;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.LanguageCode;
import org.waypoint.core.shared.RiskLevel;

/**
 * The public face of a support service. The referral inbox and anything meant only for referrers
 * never appear here; a confidential location has no public address.
 */
@Schema(description = "The public face of a support service: never its referral inbox. Genders, crime types and "
        + "risk levels it is limited to (empty for any); opening times at most once a weekday, in UK local time "
        + "(empty when not stated); languages as ISO 639-1 codes.",
        requiredProperties = {"id", "name", "categories", "postcodeAreas", "capacity", "genders", "crimeTypes",
                "riskLevels", "openingTimes", "languages", "interpretersAvailable", "lastModified"})
public record ServiceResponse(
        String id,
        String name,
        String description,
        String organisation,
        List<Category> categories,
        List<String> postcodeAreas,
        @Schema(implementation = Capacity.class) String capacity,
        Integer waitWeeks,
        @Schema(description = "The youngest age seen, in years; none for no lower limit.") Integer minimumAge,
        @Schema(description = "The oldest age seen, in years; none for no upper limit.") Integer maximumAge,
        List<Gender> genders,
        List<CrimeType> crimeTypes,
        List<RiskLevel> riskLevels,
        List<OpeningHours> openingTimes,
        List<String> languages,
        boolean interpretersAvailable,
        @Schema(description = "None for a confidential location, or when the service gives none.") String publicAddress,
        @Schema(description = "When the service's entry last changed.") Instant lastModified) {

    public record Category(String code, String label) {
    }

    /** One weekday's opening, times on the 24-hour clock ({@code 09:00}). */
    @Schema(requiredProperties = {"day", "opens", "closes"})
    public record OpeningHours(@Schema(enumeration = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
                                       "SUNDAY"}) String day,
                               @Schema(example = "09:00") String opens, @Schema(example = "17:30") String closes) {

        static OpeningHours of(OpeningTime time) {
            return new OpeningHours(time.day().name(), time.opensText(), time.closesText());
        }
    }

    static ServiceResponse of(SupportService service) {
        var ages = service.eligibility().ages();
        return new ServiceResponse(
                service.id(),
                service.name(),
                service.description(),
                service.organisation().name(),
                service.categories().stream().map(c -> new Category(c.code(), c.label())).toList(),
                service.postcodePrefixes(),
                service.capacity().name(),
                service.waitWeeks().isPresent() ? service.waitWeeks().getAsInt() : null,
                ages.minAge().isPresent() ? ages.minAge().getAsInt() : null,
                ages.maxAge().isPresent() ? ages.maxAge().getAsInt() : null,
                List.copyOf(service.eligibility().genders()),
                List.copyOf(service.eligibility().crimeTypes()),
                List.copyOf(service.eligibility().riskLevels()),
                service.openingTimes().stream().map(OpeningHours::of).toList(),
                service.languages().stream().map(LanguageCode::value).toList(),
                service.interpretersAvailable(),
                service.confidentialLocation() ? null : service.publicAddress().orElse(null),
                service.lastModified());
    }
}
