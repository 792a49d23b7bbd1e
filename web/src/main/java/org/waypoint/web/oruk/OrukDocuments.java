package org.waypoint.web.oruk;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.waypoint.core.directory.Capacity;
import org.waypoint.core.directory.DirectoryExport;
import org.waypoint.core.directory.OpeningTime;
import org.waypoint.core.directory.PublishedTaxonomy;
import org.waypoint.core.directory.PublishedTaxonomy.Facet;
import org.waypoint.core.directory.PublishedTaxonomy.Term;
import org.waypoint.core.directory.ServiceProfile;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.shared.LanguageCode;

/**
 * Waypoint's directory written as Open Referral UK 3.0 documents (the shapes of the profile's JSON
 * Schemas). Only what the public directory shows goes out: never a referral inbox, a capacity note
 * or anyone's e-mail address, and a confidential location has no address at all. Waypoint keeps no
 * public contacts, fees or funding, so those lists are empty. Opening times are weekly schedules, one
 * a weekday, in UK local time.
 * <p>
 * The nested records (areas, languages, the location, attributes) have no ids of their own in
 * Waypoint: theirs are name-based UUIDs of the service's id and what they stand for, so they are the
 * same on every read and every export.
 */
final class OrukDocuments {

    static final String VERSION = "3.0";
    /** The profile's own page and its OpenAPI, as the profile's API details name them. */
    static final String PROFILE = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md";
    static final String OPENAPI = "https://docs.openreferraluk.org/en/latest/openapi30.json";

    private static final DateTimeFormatter MILLISECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern UK_POSTCODE = Pattern.compile("\\b([A-Z]{1,2}[0-9][0-9A-Z]?\\s*[0-9][A-Z]{2})\\b",
            Pattern.CASE_INSENSITIVE);

    private OrukDocuments() {
    }

    static JsonObject metadata() {
        return Json.createObjectBuilder().add("version", VERSION).add("profile", PROFILE).add("openapi_url", OPENAPI).build();
    }

    /** A page in the profile's shape: {@code page} counts from 1. */
    static JsonObject page(List<JsonObject> contents, long total, int page, int perPage) {
        long pages = total == 0 ? 0 : (total + perPage - 1) / perPage;
        JsonArrayBuilder items = Json.createArrayBuilder();
        contents.forEach(items::add);
        return Json.createObjectBuilder()
                .add("total_items", total)
                .add("total_pages", pages)
                .add("page_number", page)
                .add("size", contents.size())
                .add("first_page", page == 1)
                .add("last_page", page >= pages)
                .add("empty", contents.isEmpty())
                .add("contents", items)
                .build();
    }

    /** The one-to-one fields of a service and its organisation: an item of {@code GET /services}. */
    static JsonObject serviceSummary(SupportService service) {
        return serviceFields(service).add("organization", organisation(service.organisation())).build();
    }

    /** Every service in full, as {@code GET /services/{id}} answers each: what the export holds. */
    static List<JsonObject> inFull(DirectoryExport.Directory directory) {
        return directory.services().stream().map(service -> service(service, PublishedTaxonomy.termsOf(service),
                directory.openingTimes(service))).toList();
    }

    /** The export's JSON package: one page whose contents are every service in full. */
    static JsonObject exportPackage(List<JsonObject> inFull) {
        return page(inFull, inFull.size(), 1, Math.max(1, inFull.size()));
    }

    /** A service with everything it is linked to, its opening times given: {@code GET /services/{id}} and the export. */
    static JsonObject service(SupportService service, Collection<Term> terms, List<OpeningTime> openingTimes) {
        JsonArrayBuilder locations = Json.createArrayBuilder();
        location(service).ifPresent(location -> locations.add(Json.createObjectBuilder()
                .add("id", serviceAtLocationId(service))
                .add("service_id", service.id())
                .add("location_id", location.getString("id"))
                .add("location", location)));
        return serviceFields(service)
                .add("schedules", schedules(service, openingTimes))
                .add("service_areas", areas(service))
                .add("service_at_locations", locations)
                .add("languages", languages(service))
                .add("organization", organisation(service.organisation()))
                .add("funding", Json.createArrayBuilder())
                .add("cost_options", Json.createArrayBuilder())
                .add("contacts", Json.createArrayBuilder())
                .add("attributes", attributes(service, terms))
                .build();
    }

    /** A service at its public location, in short ({@code GET /service_at_locations}) or in full. */
    static JsonObject serviceAtLocation(SupportService service, boolean full, Collection<Term> terms) {
        JsonObject location = location(service).orElseThrow();
        JsonObjectBuilder linked = full ? Json.createObjectBuilder(service(service, terms, service.openingTimes())) : serviceFields(service)
                .add("organization", organisation(service.organisation()));
        if (full) {
            linked.remove("service_at_locations");
        } else {
            location = Json.createObjectBuilder(location).remove("addresses").build();
        }
        return Json.createObjectBuilder()
                .add("id", serviceAtLocationId(service))
                .add("service_id", service.id())
                .add("location_id", location.getString("id"))
                .add("location", location)
                .add("service", linked)
                .build();
    }

    static JsonObject taxonomy(Facet facet) {
        return Json.createObjectBuilder().add("id", facet.id()).add("name", facet.title())
                .add("description", facet.definition()).add("version", "1").build();
    }

    static JsonObject term(Term term) {
        return Json.createObjectBuilder()
                .add("id", term.id())
                .add("name", term.name())
                .add("description", term.definition())
                .add("taxonomy", term.facet().title())
                .add("taxonomy_id", term.taxonomyId())
                .add("term", term.code())
                .build();
    }

    /** The id of the service at its public location; a service with no public address has none. */
    static String serviceAtLocationId(SupportService service) {
        return serviceAtLocationId(service.id());
    }

    static String serviceAtLocationId(String serviceId) {
        return id(serviceId, "service_at_location");
    }

    static boolean hasPublicLocation(SupportService service) {
        return !service.confidentialLocation() && service.publicAddress().isPresent();
    }

    static boolean hasPublicLocation(ServiceProfile service) {
        return !service.confidentialLocation() && service.publicAddress().isPresent();
    }

    private static JsonObjectBuilder serviceFields(SupportService service) {
        JsonObjectBuilder fields = Json.createObjectBuilder()
                .add("id", service.id())
                .add("organization_id", service.organisation().id())
                .add("name", service.name())
                .add("description", service.description())
                .add("status", service.capacity() == Capacity.CLOSED ? "temporarily closed" : "active");
        var ages = service.eligibility().ages();
        ages.minAge().ifPresent(min -> fields.add("minimum_age", min));
        ages.maxAge().ifPresent(max -> fields.add("maximum_age", max));
        alert(service).ifPresent(alert -> fields.add("alert", alert));
        return fields.add("last_modified", lastModified(service.lastModified()));
    }

    /** To the millisecond, in UTC, as the profile's example writes it ({@code 2023-03-15T10:30:45.123Z}). */
    static String lastModified(Instant time) {
        return MILLISECONDS.format(time);
    }

    private static JsonArrayBuilder schedules(SupportService service, List<OpeningTime> openingTimes) {
        JsonArrayBuilder schedules = Json.createArrayBuilder();
        for (OpeningTime time : openingTimes) {
            String day = time.day().getDisplayName(TextStyle.FULL, Locale.UK);
            schedules.add(Json.createObjectBuilder()
                    .add("id", id(service, "schedule:" + time.day()))
                    .add("service_id", service.id())
                    .add("freq", "WEEKLY")
                    .add("byday", time.day().name().substring(0, 2))
                    .add("opens_at", time.opensText())
                    .add("closes_at", time.closesText())
                    .add("description", day + "s, " + time.opensText() + " to " + time.closesText() + " (UK time)."));
        }
        return schedules;
    }

    private static Optional<String> alert(SupportService service) {
        return switch (service.capacity()) {
            case OPEN -> Optional.empty();
            case WAITING_LIST -> Optional.of("Waiting list: about " + service.waitWeeks().orElse(1) + " weeks.");
            case CLOSED -> Optional.of("Not taking new referrals at present.");
        };
    }

    private static JsonObject organisation(Organisation organisation) {
        return Json.createObjectBuilder()
                .add("id", organisation.id())
                .add("name", organisation.name())
                .add("description", organisation.name() + " provides support services listed in Waypoint.")
                .build();
    }

    private static JsonArrayBuilder areas(SupportService service) {
        JsonArrayBuilder areas = Json.createArrayBuilder();
        for (String prefix : service.postcodePrefixes()) {
            boolean district = prefix.matches(".*[0-9].*");
            areas.add(Json.createObjectBuilder()
                    .add("id", id(service, "service_area:" + prefix))
                    .add("service_id", service.id())
                    .add("name", prefix)
                    .add("service_area", (district ? "Postcode district " : "Postcode area ") + prefix)
                    .add("extent_type", "postcode_" + (district ? "district" : "area"))
                    .add("extent", prefix));
        }
        return areas;
    }

    private static JsonArrayBuilder languages(SupportService service) {
        JsonArrayBuilder languages = Json.createArrayBuilder();
        for (LanguageCode language : service.languages()) {
            JsonObjectBuilder entry = Json.createObjectBuilder()
                    .add("id", id(service, "language:" + language.value()))
                    .add("service_id", service.id())
                    .add("name", Locale.forLanguageTag(language.value()).getDisplayLanguage(Locale.UK))
                    .add("code", language.value());
            if (service.interpretersAvailable()) {
                entry.add("note", "Interpreters can be arranged for other languages.");
            }
            languages.add(entry);
        }
        return languages;
    }

    private static JsonArrayBuilder attributes(SupportService service, Collection<Term> terms) {
        JsonArrayBuilder attributes = Json.createArrayBuilder();
        for (Term term : terms) {
            attributes.add(Json.createObjectBuilder()
                    .add("id", id(service, "attribute:" + term.id()))
                    .add("link_id", service.id())
                    .add("link_type", "service")
                    .add("taxonomy_term_id", term.id())
                    .add("taxonomy_term", term(term)));
        }
        return attributes;
    }

    /** The public address as one location; a confidential location (a refuge) never has one. */
    private static Optional<JsonObject> location(SupportService service) {
        if (!hasPublicLocation(service)) {
            return Optional.empty();
        }
        String text = service.publicAddress().orElseThrow();
        String locationId = id(service, "location");
        Address address = Address.parse(text);
        return Optional.of(Json.createObjectBuilder()
                .add("id", locationId)
                .add("location_type", "physical")
                .add("name", address.firstLine())
                .add("description", text)
                .add("addresses", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("id", id(service, "address"))
                        .add("location_id", locationId)
                        .add("address_1", address.street())
                        .add("city", address.town())
                        .add("state_province", "")
                        .add("postal_code", address.postcode())
                        .add("country", "GB")
                        .add("address_type", "physical")))
                .build());
    }

    private static String id(SupportService service, String what) {
        return id(service.id(), what);
    }

    private static String id(String serviceId, String what) {
        return PublishedTaxonomy.nameUuid("service:" + serviceId + ":" + what).toString();
    }

    /**
     * An address typed as one line ("Willow House, 40 Mill Lane, Northshire M1 2AB") split as ORUK
     * asks: the postcode wherever it is, the last remaining part as the town, the rest as the street.
     */
    record Address(String street, String town, String postcode) {

        static Address parse(String text) {
            String postcode = "";
            String rest = text;
            Matcher matcher = UK_POSTCODE.matcher(text);
            if (matcher.find()) {
                postcode = matcher.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
                rest = (text.substring(0, matcher.start()) + text.substring(matcher.end()));
            }
            List<String> parts = java.util.Arrays.stream(rest.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
            if (parts.isEmpty()) {
                return new Address(text.strip(), "", postcode);
            }
            if (parts.size() == 1) {
                return new Address(parts.get(0), "", postcode);
            }
            return new Address(String.join(", ", parts.subList(0, parts.size() - 1)), parts.get(parts.size() - 1), postcode);
        }

        String firstLine() {
            int comma = street.indexOf(',');
            return comma < 0 ? street : street.substring(0, comma);
        }
    }
}
