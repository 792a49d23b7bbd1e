package org.waypoint.web.oruk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * The Open Referral UK profile as the tests' contract: its OpenAPI and JSON Schemas, read unchanged
 * from {@code ../shared/standards/oruk} beside the repository (where CI lays {@code shared/} too),
 * and networknt's validator with formats asserted (uuid, uri, email, date-time).
 */
public final class OrukProfile {

    /** The profile's OpenAPI names its schemas by these public addresses. */
    private static final String PUBLISHED = "https://raw.githubusercontent.com/openreferral/uk-profile/main/";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every schema the profile publishes is read from the local copy, by its published address. */
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemas(OrukProfile::localCopy));

    private OrukProfile() {
    }

    /** The folder: {@code waypoint.it.oruk-standard} (set by the build), else found from the module's folder. */
    public static Path folder() {
        return Path.of(System.getProperty("waypoint.it.oruk-standard", "../../shared/standards/oruk")).toAbsolutePath().normalize();
    }

    public static JsonNode openapi() {
        return read(folder().resolve("openapi30.json"));
    }

    /** One of the profile's schema files, such as {@code schema/compiled/service.json}. */
    public static Schema schema(String file) {
        return SCHEMAS.getSchema(SchemaLocation.of(PUBLISHED + file));
    }

    /**
     * The schema of the operation's 200 answer in the profile's OpenAPI, its references to the
     * profile's published files (read from the local copy). One exception: the profile's OpenAPI names
     * {@code compiled/service.json} for {@code /service_at_locations/{id}}, whose description (and the
     * profile's own {@code compiled/service_at_location.json}) is a service at a location.
     */
    public static Schema answerOf(String operation) {
        if (operation.equals("/service_at_locations/{id}")) {
            return schema("schema/compiled/service_at_location.json");
        }
        JsonNode openapi = openapi();
        ObjectNode schema = openapi.get("paths").get(operation).get("get").get("responses").get("200").get("content")
                .get("application/json").get("schema").deepCopy();
        localise(schema, openapi.get("components").get("schemas"));
        return SCHEMAS.getSchema(SchemaLocation.of(PUBLISHED + "openapi30.json#" + operation), schema);
    }

    /** What is wrong with the document, as "where: what"; empty when it is valid. */
    public static List<String> validate(Schema schema, JsonNode document) {
        return schema.validate(document,
                        (ExecutionContext context) -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))
                .stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("the Open Referral UK profile is expected at " + file, e);
        }
    }

    private static void localise(JsonNode node, JsonNode components) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.asText().startsWith("#/components/schemas/")) {
                object.remove("$ref");
                object.setAll((ObjectNode) components.get(ref.asText().substring("#/components/schemas/".length())).deepCopy());
            }
            for (Iterator<JsonNode> children = object.elements(); children.hasNext(); ) {
                localise(children.next(), components);
            }
        } else if (node != null && node.isArray()) {
            node.forEach(child -> localise(child, components));
        }
    }

    private static String localCopy(String address) {
        if (!address.startsWith(PUBLISHED)) {
            return null;
        }
        Path path = folder().resolve(address.substring(PUBLISHED.length()).replaceAll("#.*", ""));
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("the Open Referral UK profile has no " + path, e);
        }
    }
}
