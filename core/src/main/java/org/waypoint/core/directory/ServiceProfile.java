package org.waypoint.core.directory;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.waypoint.core.shared.LanguageCode;
import org.waypoint.core.shared.RuleViolation;

/**
 * An immutable copy of what matching and the pages showing its results need of one support
 * service, taken from the entity so that matching never touches the database; also what an import
 * compares a source with, without loading entities, and what the public lists filter on (the
 * organisation's id, when the entry last changed). The capacity note is for referrers only; the
 * referral inbox is left out.
 */
public record ServiceProfile(String id, String name, String description, String organisationId, String organisation,
                             Set<String> categoryCodes, Set<String> postcodePrefixes,
                             Capacity capacity, OptionalInt waitWeeks, Eligibility eligibility,
                             Set<LanguageCode> languages, boolean interpretersAvailable,
                             Set<DeliveryMode> deliveryModes, boolean confidentialLocation,
                             Optional<String> publicAddress, Optional<String> capacityNote, Instant lastModified) {

    public ServiceProfile {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(name, "name is required");
        Objects.requireNonNull(description, "description is required");
        Objects.requireNonNull(organisationId, "organisationId is required");
        Objects.requireNonNull(organisation, "organisation is required");
        categoryCodes = Set.copyOf(categoryCodes);
        postcodePrefixes = Set.copyOf(postcodePrefixes);
        Objects.requireNonNull(capacity, "capacity is required");
        Objects.requireNonNull(waitWeeks, "waitWeeks is empty unless there is a waiting list, never null");
        Objects.requireNonNull(eligibility, "eligibility is required");
        languages = Set.copyOf(languages);
        deliveryModes = Set.copyOf(deliveryModes);
        Objects.requireNonNull(publicAddress, "publicAddress is empty when there is none, never null");
        Objects.requireNonNull(capacityNote, "capacityNote is empty when there is none, never null");
        Objects.requireNonNull(lastModified, "lastModified is required");
        if (confidentialLocation && publicAddress.isPresent()) {
            throw new RuleViolation("error.service.confidentialAddress", "a confidential location has no public address");
        }
    }

    public static ServiceProfile of(SupportService service) {
        return new ServiceProfile(
                service.id(),
                service.name(),
                service.description(),
                service.organisation().id(),
                service.organisation().name(),
                service.categories().stream().map(ServiceCategory::code).collect(Collectors.toSet()),
                Set.copyOf(service.postcodePrefixes()),
                service.capacity(),
                service.waitWeeks(),
                service.eligibility(),
                Set.copyOf(service.languages()),
                service.interpretersAvailable(),
                Set.copyOf(service.deliveryModes()),
                service.confidentialLocation(),
                service.publicAddress(),
                service.capacityNote(),
                service.lastModified());
    }
}
