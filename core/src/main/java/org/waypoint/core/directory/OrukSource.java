package org.waypoint.core.directory;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Services read from an Open Referral UK 3.0 source: one or more documents, each a page of services
 * ({@code {"contents": [...]}}, as {@code GET /services} and Waypoint's export answer) or an array of
 * services. The documents are read as a stream, one service at a time, so a large directory is never
 * held as JSON in memory.
 * <p>
 * What makes the source unusable as a whole is a {@linkplain #problems() problem}: not JSON, not a
 * page or an array, more than the size allowed, a text of absurd length, a service that breaks the
 * profile's schema where Waypoint reads it, or two services with one id. An import with a problem
 * changes nothing. A service that is valid ORUK but lacks what Waypoint needs is judged later, by
 * {@link DirectoryImport}, and skipped with its reason.
 */
public final class OrukSource {

    /** No field Waypoint reads is near this long; a longer text is a broken or hostile source. */
    static final int MAX_TEXT = 100_000;
    private static final int MAX_PROBLEMS = 20;
    private static final Set<String> STATUSES = Set.of("active", "inactive", "defunct", "temporarily closed");

    private final long maxBytes;
    private final List<Service> services = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private final List<String> problems = new ArrayList<>();
    /** The terms, areas, languages, statuses and organisations services share, held once however many services name them. */
    private final Map<Object, Object> pool = new HashMap<>();
    private long bytesRead;
    private boolean tooLarge;
    private int position;
    private int moreProblems;

    /** A source whose documents together may be at most {@code maxBytes} long. */
    public OrukSource(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** A taxonomy term as the source names it. */
    public record SourceTerm(String id, String name) {
    }

    /** A public address as the source gives it. */
    public record SourceAddress(String street, String city, String postcode) {

        /** One line, as Waypoint keeps a public address: "street, city POSTCODE". */
        String line() {
            String place = String.join(", ", Stream.of(street, city).filter(s -> !s.isBlank()).toList());
            return (place + (postcode.isBlank() ? "" : " " + postcode)).strip();
        }
    }

    /** A schedule as the source gives it: Waypoint keeps weekly ones, {@code byday} naming the days ({@code MO,TU}). */
    public record SourceSchedule(String freq, String byday, String opensAt, String closesAt) {
    }

    /**
     * One service as the source describes it, reduced to what Waypoint reads. {@code index} is its
     * place in the source, counting from 0 across every document read.
     */
    public record Service(int index, String sourceId, String name, String description, String status,
                          String organisationId, String organisationName, OptionalInt minimumAge,
                          OptionalInt maximumAge, List<SourceTerm> terms, List<String> areas, List<String> languages,
                          Optional<SourceAddress> address, List<SourceSchedule> schedules) {

        /** The id it has in Waypoint: its own when it is a UUID, else a name-based UUID of it. */
        public String waypointId() {
            return waypointId("service", sourceId);
        }

        public String waypointOrganisationId() {
            return waypointId("organization", organisationId);
        }

        static String waypointId(String kind, String sourceId) {
            try {
                UUID uuid = UUID.fromString(sourceId);
                String canonical = uuid.toString();
                if (canonical.equals(sourceId)) {
                    // the source's own string: the import keeps this id for each of 50,000 services
                    return sourceId;
                }
                if (canonical.equalsIgnoreCase(sourceId)) {
                    return canonical;
                }
            } catch (IllegalArgumentException notAUuid) {
                // fall through: a source may use any string as an id
            }
            return PublishedTaxonomy.nameUuid("oruk:" + kind + ":" + sourceId).toString();
        }
    }

    /**
     * Reads one document. Answers its {@code total_pages} when it is a page that says so (a source
     * read page by page stops when it has read that many).
     */
    public OptionalInt read(InputStream document) {
        return parse(document, this::readDocument);
    }

    /** Reads one service in full, as another directory's {@code GET /services/{id}} answers it. */
    public void readService(InputStream document) {
        parse(document, parser -> {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                problem("A service the directory answered is not an object.");
                return OptionalInt.empty();
            }
            JsonObject object = parser.getObject();
            int index = position++;
            requireShortText(object, "service " + (index + 1));
            service(index, object);
            return OptionalInt.empty();
        });
    }

    private OptionalInt parse(InputStream document, java.util.function.Function<JsonParser, OptionalInt> reading) {
        if (!problems.isEmpty()) {
            return OptionalInt.empty();
        }
        try (JsonParser parser = Json.createParser(new Limited(document))) {
            return reading.apply(parser);
        } catch (TooLarge over) {
            tooLarge = true;
            problem("The source is larger than " + maxBytes / (1024 * 1024) + " MB, the most an import takes.");
        } catch (JsonParsingException notJson) {
            problem("The source is not valid JSON (line " + notJson.getLocation().getLineNumber() + ", column "
                    + notJson.getLocation().getColumnNumber() + ").");
        } catch (JsonException | UncheckedIOException unreadable) {
            problem("The source could not be read to its end as JSON.");
        } catch (TextTooLong tooLong) {
            problem("A text at " + tooLong.where + " is longer than " + MAX_TEXT + " characters.");
        } catch (RuntimeException tooDeep) {
            // Parsson refuses JSON nested deeper than its limit with a bare RuntimeException; anything else is ours.
            if (tooDeep.getClass() != RuntimeException.class) {
                throw tooDeep;
            }
            problem("The source is nested deeper than a directory can be.");
        }
        return OptionalInt.empty();
    }

    private OptionalInt readDocument(JsonParser parser) {
        OptionalInt totalPages = OptionalInt.empty();
        JsonParser.Event first = parser.hasNext() ? parser.next() : null;
        if (first == JsonParser.Event.START_ARRAY) {
            readServices(parser);
        } else if (first == JsonParser.Event.START_OBJECT) {
            boolean contents = false;
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.END_OBJECT) {
                    break;
                }
                String key = parser.getString();
                JsonParser.Event value = parser.next();
                if ("contents".equals(key) && value == JsonParser.Event.START_ARRAY) {
                    contents = true;
                    readServices(parser);
                } else if ("total_pages".equals(key) && value == JsonParser.Event.VALUE_NUMBER && parser.isIntegralNumber()) {
                    totalPages = OptionalInt.of((int) Math.min(Integer.MAX_VALUE, Math.max(0, parser.getLong())));
                } else {
                    requireShortText(parser.getValue(), key);
                }
            }
            if (!contents) {
                problem("The file is not a page of services: it has no \"contents\" list.");
            }
        } else {
            problem("The file is neither a page of services ({\"contents\": [...]}) nor a list of services.");
        }
        return totalPages;
    }

    /** Whether the source was refused for being larger than allowed. */
    public boolean tooLarge() {
        return tooLarge;
    }

    /** The services read, in the order read; empty once there is a problem. */
    public List<Service> services() {
        return problems.isEmpty() ? List.copyOf(services) : List.of();
    }

    /** What makes the source unusable as a whole, in words an administrator can act on. */
    public List<String> problems() {
        if (moreProblems == 0) {
            return List.copyOf(problems);
        }
        List<String> all = new ArrayList<>(problems);
        all.add("… and " + moreProblems + " more.");
        return all;
    }

    /** Notes a problem that is not the source's content, such as an address that did not answer. */
    public void problem(String problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        } else {
            moreProblems++;
        }
    }

    private void readServices(JsonParser parser) {
        while (parser.hasNext()) {
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.END_ARRAY) {
                return;
            }
            int index = position++;
            if (event != JsonParser.Event.START_OBJECT) {
                parser.getValue();
                problem("Service " + (index + 1) + " is not an object.");
                continue;
            }
            JsonObject object = parser.getObject();
            requireShortText(object, "service " + (index + 1));
            service(index, object);
        }
    }

    private void service(int index, JsonObject json) {
        Violations at = new Violations(index);
        String id = at.text(json, "id", true);
        String name = at.text(json, "name", true);
        String status = at.text(json, "status", true);
        if (status != null && !STATUSES.contains(status)) {
            at.add("status", "is not one of active, inactive, defunct, temporarily closed");
        }
        String description = at.text(json, "description", false);
        OptionalInt minimumAge = at.integer(json, "minimum_age");
        OptionalInt maximumAge = at.integer(json, "maximum_age");
        String organisationId = at.text(json, "organization_id", false);
        String organisationName = null;
        JsonObject organisation = at.object(json, "organization");
        if (organisation != null) {
            String nestedId = at.text(organisation, "organization/id", "id", true);
            organisationName = at.text(organisation, "organization/name", "name", true);
            if (organisationId != null && nestedId != null && !organisationId.equals(nestedId)) {
                at.add("organization/id", "differs from organization_id");
            }
            organisationId = organisationId == null ? nestedId : organisationId;
        }
        List<SourceTerm> terms = new ArrayList<>();
        for (JsonObject attribute : at.objects(json, "attributes")) {
            JsonObject term = at.object(attribute, "taxonomy_term");
            String termId = at.text(attribute, "attributes/taxonomy_term_id", "taxonomy_term_id", false);
            String termName = null;
            if (term != null) {
                String nestedId = at.text(term, "attributes/taxonomy_term/id", "id", true);
                termName = at.text(term, "attributes/taxonomy_term/name", "name", true);
                termId = termId == null ? nestedId : termId;
            }
            if (termId != null) {
                terms.add(pooled(new SourceTerm(termId, termName == null ? termId : termName)));
            }
        }
        List<String> areas = new ArrayList<>();
        for (JsonObject area : at.objects(json, "service_areas")) {
            String type = at.text(area, "service_areas/extent_type", "extent_type", false);
            String extent = at.text(area, "service_areas/extent", "extent", false);
            String areaName = at.text(area, "service_areas/name", "name", false);
            if (extent != null && type != null && type.startsWith("postcode")) {
                areas.add(pooled(extent));
            } else if (areaName != null) {
                areas.add(pooled(areaName));
            }
        }
        List<String> languages = new ArrayList<>();
        for (JsonObject language : at.objects(json, "languages")) {
            String code = at.text(language, "languages/code", "code", false);
            if (code != null) {
                languages.add(pooled(code));
            }
        }
        Optional<SourceAddress> address = Optional.empty();
        for (JsonObject atLocation : at.objects(json, "service_at_locations")) {
            JsonObject location = at.object(atLocation, "location");
            if (location == null || address.isPresent()) {
                continue;
            }
            for (JsonObject line : at.objects(location, "addresses")) {
                if (address.isEmpty()) {
                    // The profile asks for these three, empty when unknown (as Waypoint writes a town it cannot tell).
                    String street = at.text(line, "addresses/address_1", "address_1", false);
                    String city = at.text(line, "addresses/city", "city", false);
                    String postcode = at.text(line, "addresses/postal_code", "postal_code", false);
                    if (street != null && !street.isBlank()) {
                        address = Optional.of(new SourceAddress(street.strip(), city == null ? "" : city.strip(),
                                postcode == null ? "" : postcode.strip()));
                    }
                }
            }
        }
        List<SourceSchedule> schedules = new ArrayList<>();
        for (JsonObject schedule : at.objects(json, "schedules")) {
            schedules.add(pooled(new SourceSchedule(at.text(schedule, "schedules/freq", "freq", false),
                    at.text(schedule, "schedules/byday", "byday", false),
                    at.text(schedule, "schedules/opens_at", "opens_at", false),
                    at.text(schedule, "schedules/closes_at", "closes_at", false))));
        }
        if (at.any()) {
            return;
        }
        // Two spellings of one UUID are one id.
        if (!ids.add(Service.waypointId("service", id))) {
            problem("Two services have the id " + id + ": ids must be unique.");
            return;
        }
        services.add(new Service(index, id, name, description, pooled(status), pooled(organisationId), pooled(organisationName),
                minimumAge, maximumAge, List.copyOf(terms), List.copyOf(areas), List.copyOf(languages), address,
                List.copyOf(schedules)));
    }

    @SuppressWarnings("unchecked")
    private <T> T pooled(T value) {
        return (T) pool.computeIfAbsent(value, v -> v);
    }

    private void requireShortText(JsonValue value, String where) {
        switch (value.getValueType()) {
            case STRING -> {
                if (((JsonString) value).getString().length() > MAX_TEXT) {
                    throw new TextTooLong(where);
                }
            }
            case OBJECT -> ((JsonObject) value).forEach((key, member) -> requireShortText(member, where + "/" + key));
            case ARRAY -> ((JsonArray) value).forEach(member -> requireShortText(member, where));
            default -> {
                // numbers, booleans and null are short
            }
        }
    }

    /** The schema violations of one service, each noted as a problem of the source. */
    private final class Violations {

        private final int index;
        private boolean any;

        Violations(int index) {
            this.index = index;
        }

        boolean any() {
            return any;
        }

        void add(String field, String what) {
            any = true;
            problem("Service " + (index + 1) + ": " + field + " " + what + ".");
        }

        String text(JsonObject json, String field, boolean required) {
            return text(json, field, field, required);
        }

        String text(JsonObject json, String path, String field, boolean required) {
            JsonValue value = json.get(field);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                if (required) {
                    add(path, "is missing");
                }
                return null;
            }
            if (value.getValueType() != JsonValue.ValueType.STRING) {
                add(path, "is not a string");
                return null;
            }
            String text = ((JsonString) value).getString();
            if (required && text.isBlank()) {
                add(path, "is empty");
                return null;
            }
            return text;
        }

        OptionalInt integer(JsonObject json, String field) {
            JsonValue value = json.get(field);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                return OptionalInt.empty();
            }
            if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()
                    || ((JsonNumber) value).bigDecimalValue().abs().compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                add(field, "is not a whole number");
                return OptionalInt.empty();
            }
            return OptionalInt.of(((JsonNumber) value).intValue());
        }

        JsonObject object(JsonObject json, String field) {
            JsonValue value = json.get(field);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                add(field, "is not an object");
                return null;
            }
            return (JsonObject) value;
        }

        List<JsonObject> objects(JsonObject json, String field) {
            JsonValue value = json.get(field);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                return List.of();
            }
            if (value.getValueType() != JsonValue.ValueType.ARRAY) {
                add(field, "is not a list");
                return List.of();
            }
            List<JsonObject> objects = new ArrayList<>();
            for (JsonValue member : (JsonArray) value) {
                if (member.getValueType() == JsonValue.ValueType.OBJECT) {
                    objects.add((JsonObject) member);
                } else {
                    add(field, "holds something other than objects");
                }
            }
            return objects;
        }
    }

    /** Counts what is read across every document and stops at the most allowed. */
    private final class Limited extends FilterInputStream {

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            bytesRead += n;
            if (bytesRead > maxBytes) {
                throw new TooLarge();
            }
        }
    }

    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super(null, null, false, false);
        }
    }

    private static final class TextTooLong extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String where;

        TextTooLong(String where) {
            super(null, null, false, false);
            this.where = where;
        }
    }
}
