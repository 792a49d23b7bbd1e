package org.waypoint.web.oruk;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The profile's tabular package: the same full services as the JSON package, as one CSV file a table
 * (the {@code path} and fields each of the profile's schemas gives its table) and a
 * {@code datapackage.json} naming them, in one ZIP. Every object of the JSON becomes a row of its
 * table, once however often it is linked (an organisation, a taxonomy term); a table's columns are the
 * profile's, in its order, followed by any field Waypoint writes that the profile's table lacks (the
 * profile's language table has no name or code).
 */
final class OrukTabular {

    /** The profile's tables Waypoint writes rows to, by the JSON member holding their objects. */
    private static final Map<String, Table> TABLES = tables(
            table("service", "services.csv", "id", "organization_id", "name", "description", "url", "email", "status",
                    "fees", "accreditations", "minimum_age", "maximum_age", "assured_date", "assurer_email", "alert",
                    "last_modified"),
            table("schedules", "schedule.csv", "id", "service_id", "service_at_location_id", "valid_from", "valid_to",
                    "dtstart", "freq", "interval", "byday", "bymonthday", "description", "opens_at", "closes_at",
                    "schedule_link", "attending_type", "notes"),
            table("service_areas", "service_areas.csv", "id", "service_id", "name", "extent", "extent_type", "uri",
                    "service_area"),
            table("service_at_locations", "service_at_location.csv", "id", "service_id", "location_id"),
            table("location", "locations.csv", "id", "location_type", "name", "description", "latitude", "longitude",
                    "external_identifier", "external_identifier_type"),
            table("addresses", "address.csv", "id", "location_id", "attention", "address_1", "city", "region",
                    "state_province", "postal_code", "country", "address_type"),
            table("attributes", "attribute.csv", "id", "link_id", "taxonomy_term_id", "link_type"),
            table("taxonomy_term", "taxonomy_terms.csv", "id", "name", "description", "parent_id", "taxonomy",
                    "taxonomy_id", "term_uri", "term"),
            table("languages", "languages.csv", "id", "service_id", "phone_id"),
            table("organization", "organizations.csv", "id", "name", "description", "email", "website", "logo", "uri",
                    "parent_organization_id"),
            table("funding", "funding.csv", "id", "service_id", "source"),
            table("cost_options", "cost_options.csv", "id", "service_id", "valid_from", "valid_to", "option", "amount",
                    "amount_description"),
            table("contacts", "contacts.csv", "id", "service_id", "name", "title"));

    private OrukTabular() {
    }

    /** Writes the package of these full services (each as {@link OrukDocuments#service} writes it). */
    static void write(List<JsonObject> services, OutputStream out) throws IOException {
        Map<String, Rows> rows = new LinkedHashMap<>();
        TABLES.values().forEach(table -> rows.put(table.member(), new Rows(table)));
        services.forEach(service -> collect("service", service, rows));
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("datapackage.json"));
        JsonArrayBuilder resources = Json.createArrayBuilder();
        for (Rows table : rows.values()) {
            JsonArrayBuilder fields = Json.createArrayBuilder();
            table.columns().forEach(column -> fields.add(Json.createObjectBuilder().add("name", column)));
            resources.add(Json.createObjectBuilder()
                    .add("name", table.table.path().replace(".csv", ""))
                    .add("path", table.table.path())
                    .add("profile", "tabular-data-resource")
                    .add("format", "csv")
                    .add("mediatype", "text/csv")
                    .add("encoding", "utf-8")
                    .add("schema", Json.createObjectBuilder().add("fields", fields)));
        }
        JsonGenerator descriptor = Json.createGenerator(new NotClosing(zip));
        descriptor.write(Json.createObjectBuilder().add("name", "waypoint-oruk").add("profile", "tabular-data-package")
                .add("resources", resources).build());
        descriptor.close();
        zip.closeEntry();
        for (Rows table : rows.values()) {
            zip.putNextEntry(new ZipEntry(table.table.path()));
            Writer csv = new OutputStreamWriter(new NotClosing(zip), StandardCharsets.UTF_8);
            List<String> columns = table.columns();
            line(csv, columns);
            for (JsonObject row : table.rows.values()) {
                line(csv, columns.stream().map(column -> text(row.get(column))).toList());
            }
            csv.flush();
            zip.closeEntry();
        }
        zip.finish();
    }

    /** The object as a row of the table for its member, and every object within it as rows of theirs. */
    private static void collect(String member, JsonObject object, Map<String, Rows> rows) {
        Rows table = rows.get(member);
        if (table == null) {
            throw new IllegalStateException("no table of the profile holds " + member);
        }
        table.add(object);
        object.forEach((name, value) -> {
            if (value.getValueType() == JsonValue.ValueType.OBJECT) {
                collect(name, value.asJsonObject(), rows);
            } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
                value.asJsonArray().forEach(item -> collect(name, item.asJsonObject(), rows));
            }
        });
    }

    private static String text(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue().toPlainString();
            default -> value.toString();
        };
    }

    /** One line of RFC 4180 CSV: a field with a comma, quote or line break is quoted. */
    private static void line(Writer csv, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            if (i > 0) {
                csv.write(',');
            }
            if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
                csv.write('"' + field.replace("\"", "\"\"") + '"');
            } else {
                csv.write(field);
            }
        }
        csv.write("\r\n");
    }

    private static Table table(String member, String path, String... columns) {
        return new Table(member, path, List.of(columns));
    }

    private static Map<String, Table> tables(Table... tables) {
        Map<String, Table> byMember = new LinkedHashMap<>();
        for (Table table : tables) {
            byMember.put(table.member(), table);
        }
        return byMember;
    }

    private record Table(String member, String path, List<String> columns) {
    }

    /** A table's rows by id, each object once, and the fields they hold beyond the profile's columns. */
    private static final class Rows {

        private final Table table;
        private final Map<String, JsonObject> rows = new LinkedHashMap<>();
        private final Set<String> extra = new LinkedHashSet<>();

        Rows(Table table) {
            this.table = table;
        }

        void add(JsonObject object) {
            rows.putIfAbsent(object.getString("id"), object);
            object.forEach((name, value) -> {
                boolean scalar = value.getValueType() != JsonValue.ValueType.OBJECT
                        && value.getValueType() != JsonValue.ValueType.ARRAY;
                if (scalar && !table.columns().contains(name)) {
                    extra.add(name);
                }
            });
        }

        List<String> columns() {
            List<String> columns = new ArrayList<>(table.columns());
            columns.addAll(extra);
            return columns;
        }
    }

    /** The ZIP stays open when a writer over one of its entries is closed. */
    private static final class NotClosing extends java.io.FilterOutputStream {

        NotClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
