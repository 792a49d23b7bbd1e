package org.waypoint.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Bad input drawn from the API's own description: for every operation in {@code /openapi}, a valid
 * request built from its schemas (examples where given, real ids where it names one), then broken —
 * a body with a field missing, null, of the wrong type, a huge array or string, an enum value that
 * does not exist, a field too many, or no JSON at all; a path parameter that is no id, an encoded
 * slash or dot segment; query parameters of the wrong type, too long or unknown; odd headers. The
 * same seed gives the same requests.
 */
final class GeneratedRequests {

    /** One request: who sends it (a role), and what. */
    record Call(String role, String method, String path, Map<String, String> headers, String contentType, byte[] body,
                String mutation) {

        @Override
        public String toString() {
            String text = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return role + " " + method + " " + path + " [" + mutation + "] " + headers + " " + text;
        }
    }

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private final OpenAPI api;
    private final Map<String, String> ids;
    private final Random random;

    /**
     * @param ids real values for path parameters and body fields, by the resource a path names
     *            ({@code referrals}, {@code clients}…) and by field name ({@code clientId}…)
     */
    GeneratedRequests(OpenAPI api, Map<String, String> ids, long seed) {
        this.api = api;
        this.ids = ids;
        this.random = new Random(seed);
    }

    /** {@code perOperationAndRole} requests for each operation of the description and each role. */
    List<Call> calls(List<String> roles, int perOperationAndRole) {
        List<Call> calls = new ArrayList<>();
        // The paths are relative to the description's server, whose address ends in the API's root (/api).
        String root = java.net.URI.create(api.getServers().get(0).getUrl()).getPath().replaceAll("/+$", "");
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().readOperationsMap().entrySet()) {
                String method = operation.getKey().name();
                if (!METHODS.contains(method.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                if (path.getValue().getParameters() != null) {
                    parameters.addAll(path.getValue().getParameters());
                }
                if (operation.getValue().getParameters() != null) {
                    parameters.addAll(operation.getValue().getParameters());
                }
                for (String role : roles) {
                    for (int i = 0; i < perOperationAndRole; i++) {
                        calls.add(call(role, method, root + path.getKey(), parameters, operation.getValue()));
                    }
                }
            }
        }
        java.util.Collections.shuffle(calls, random);
        return calls;
    }

    private Call call(String role, String method, String template, List<Parameter> parameters, Operation operation) {
        List<String> mutations = new ArrayList<>();
        // Most requests break one part and keep the rest valid, so that the broken part is what is tested.
        int part = random.nextInt(10);
        String path = path(template, parameters, part < 2, mutations);
        String query = query(parameters, part == 2 || part == 3, mutations);
        Map<String, String> headers = headers(parameters, part == 4, mutations);
        String contentType = null;
        byte[] body = null;
        Schema<?> bodySchema = bodySchema(operation);
        if (bodySchema != null || part == 5) {
            contentType = "application/json";
            JsonValue valid = bodySchema == null ? JsonValue.EMPTY_JSON_OBJECT : valid(bodySchema, null, 0);
            String text;
            if (part >= 5 || bodySchema == null) {
                text = brokenBody(bodySchema, valid, mutations);
                if (random.nextInt(12) == 0) {
                    contentType = pick("text/plain", "application/xml", "application/x-www-form-urlencoded",
                            "application/json; charset=latin-1", "application/merge-patch+json", "multipart/form-data");
                    mutations.add("content type " + contentType);
                }
            } else {
                text = valid.toString();
            }
            body = text.getBytes(StandardCharsets.UTF_8);
        }
        if (mutations.isEmpty()) {
            mutations.add("valid");
        }
        return new Call(role, method, path + query, headers, contentType, body, String.join(", ", mutations));
    }

    private String path(String template, List<Parameter> parameters, boolean broken, List<String> mutations) {
        String path = template;
        for (Parameter parameter : parameters) {
            if (!"path".equals(parameter.getIn())) {
                continue;
            }
            String value = validPathValue(template, parameter);
            if (broken) {
                value = pick(
                        "not-an-id", UUID.randomUUID().toString(), "%2e%2e", "%2E", ".%2e", "a%2Fb", "%2F", "..%2F..%2Fetc",
                        "x".repeat(2000), "%E2%80%AE%F0%9F%98%80", "%C0%AF", "%FF%FE", "%20", "null", "-1", "1e999",
                        value + "%2F..", value + ";jsessionid=1", value.toUpperCase(Locale.ROOT), "'--", "%3Cscript%3E");
                mutations.add("path " + parameter.getName());
            }
            path = path.replace("{" + parameter.getName() + "}", value);
        }
        if (broken && random.nextInt(4) == 0) {
            // A dot segment in the middle of the path; one at its very end is answered by Payara before the application.
            int slash = path.indexOf('/', "/api/v1/".length());
            if (slash > 0) {
                path = path.substring(0, slash) + pick("/.", "/./x/..", "/%2e", "//") + path.substring(slash);
                mutations.add("dot segment");
            }
        }
        return path.substring(1);
    }

    private String validPathValue(String template, Parameter parameter) {
        Schema<?> schema = resolve(parameter.getSchema());
        if (schema != null && schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return String.valueOf(schema.getEnum().get(random.nextInt(schema.getEnum().size())));
        }
        if ("action".equals(parameter.getName())) {
            return pick("accept", "reject", "start", "hold", "resume", "complete", "fail", "cancel", "entered-in-error",
                    "business-status", "acknowledge", "ACCEPT", "nothing");
        }
        String[] segments = template.split("/");
        for (int i = segments.length - 1; i > 0; i--) {
            if (segments[i].equals("{" + parameter.getName() + "}")) {
                String id = ids.get(segments[i - 1]);
                if (id != null) {
                    return id;
                }
            }
        }
        return UUID.randomUUID().toString();
    }

    private String query(List<Parameter> parameters, boolean broken, List<String> mutations) {
        StringBuilder query = new StringBuilder();
        for (Parameter parameter : parameters) {
            if (!"query".equals(parameter.getIn())) {
                continue;
            }
            boolean include = Boolean.TRUE.equals(parameter.getRequired()) || random.nextInt(3) == 0;
            String value = include ? validScalar(resolve(parameter.getSchema()), parameter.getName()) : null;
            if (broken && random.nextInt(2) == 0) {
                value = pick("", "abc", "-1", "99999999999999999999", "1.5", "true", "NaN", "x".repeat(3000),
                        "%00", "%E2%80%AE", "[]", "{}", "M14 5RT", "nothing-like-it");
                include = true;
                mutations.add("query " + parameter.getName());
            }
            if (include && value != null) {
                append(query, parameter.getName(), value);
                if (broken && random.nextInt(5) == 0) {
                    append(query, parameter.getName(), value);
                    mutations.add("repeated " + parameter.getName());
                }
            }
        }
        if (broken && (query.length() == 0 || random.nextInt(3) == 0)) {
            append(query, pick("unknown", "updatedSince", "sort", "limit", "__proto__", "page[size]"), pick("1", "x", ""));
            mutations.add("unknown query parameter");
        }
        return query.length() == 0 ? "" : "?" + query;
    }

    private static void append(StringBuilder query, String name, String value) {
        if (query.length() > 0) {
            query.append('&');
        }
        String encoded = value.startsWith("%") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8);
        query.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=').append(encoded);
    }

    private Map<String, String> headers(List<Parameter> parameters, boolean broken, List<String> mutations) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            if ("header".equals(parameter.getIn()) && random.nextInt(2) == 0) {
                headers.put(parameter.getName(), parameter.getName().equalsIgnoreCase("If-Match") ? "\"0\"" : UUID.randomUUID().toString());
            }
        }
        if (broken) {
            String name = pick("If-Match", "If-None-Match", "Idempotency-Key", "Accept", "Accept-Language", "Authorization",
                    "X-Forwarded-For", "Accept-Encoding", "Origin", "Range");
            String value = pick("\"", "W/\"1\"", "*", "\"1\", \"2\"", "x".repeat(4000), "\u00e9t\u00e9", "", " ",
                    "application/xml", "///", "*/*;q=abc", "Bearer", "Bearer " + "a".repeat(500), "Basic Zm9vOmJhcg==",
                    "bytes=0-1", "-1", "null", "en;q=2, *");
            headers.put(name, value);
            mutations.add("header " + name);
        }
        return headers;
    }

    private Schema<?> bodySchema(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return null;
        }
        MediaType json = operation.getRequestBody().getContent().get("application/json");
        return json == null ? null : resolve(json.getSchema());
    }

    private String brokenBody(Schema<?> schema, JsonValue valid, List<String> mutations) {
        int kind = random.nextInt(14);
        switch (kind) {
            case 0 -> {
                mutations.add("not JSON");
                return pick("", "{", "}", "nul", "{\"a\":}", "[1,]", "\u0000", "{'a':1}", valid.toString() + " x",
                        valid.toString().substring(0, Math.max(0, valid.toString().length() - 1)));
            }
            case 1 -> {
                mutations.add("not an object");
                return pick("null", "[]", "1", "\"text\"", "true", "[" + valid + "]");
            }
            case 2 -> {
                mutations.add("deep nesting");
                int depth = 60 + random.nextInt(3000);
                return "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
            }
            case 3 -> {
                mutations.add("duplicate key");
                String text = valid.toString();
                return text.length() > 2 && valid instanceof JsonObject o && !o.isEmpty()
                        ? "{\"" + o.keySet().iterator().next() + "\":null," + text.substring(1) : "{\"a\":1,\"a\":2}";
            }
            default -> {
                JsonValue broken = valid;
                int count = 1 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    broken = mutate(broken, schema, mutations, 0);
                }
                return broken.toString();
            }
        }
    }

    /** The value with one thing broken somewhere inside it, following the schema where it leads. */
    private JsonValue mutate(JsonValue value, Schema<?> schema, List<String> mutations, int depth) {
        schema = resolve(schema);
        if (value instanceof JsonObject object && !object.isEmpty() && random.nextInt(3) > 0 && depth < 6) {
            List<String> names = new ArrayList<>(object.keySet());
            String name = names.get(random.nextInt(names.size()));
            Schema<?> property = schema == null || schema.getProperties() == null ? null : schema.getProperties().get(name);
            int what = random.nextInt(4);
            JsonObjectBuilder copy = Json.createObjectBuilder(object);
            if (what == 0) {
                mutations.add("missing " + name);
                return copy.remove(name).build();
            }
            if (what == 1) {
                mutations.add("extra field");
                return copy.add(pick("unknown", "id", "status", "version", "__proto__", name.toUpperCase(Locale.ROOT)), leaf(null, mutations)).build();
            }
            return copy.add(name, mutate(object.get(name), property, mutations, depth + 1)).build();
        }
        if (value instanceof jakarta.json.JsonArray array && !array.isEmpty() && random.nextInt(2) == 0 && depth < 6) {
            Schema<?> items = schema instanceof ArraySchema a ? a.getItems() : schema == null ? null : schema.getItems();
            JsonArrayBuilder copy = Json.createArrayBuilder(array);
            int at = random.nextInt(array.size());
            copy.set(at, mutate(array.get(at), items, mutations, depth + 1));
            return copy.build();
        }
        return leaf(value, schema, mutations);
    }

    private JsonValue leaf(JsonValue value, List<String> mutations) {
        return leaf(value, null, mutations);
    }

    private JsonValue leaf(JsonValue value, Schema<?> schema, List<String> mutations) {
        int what = random.nextInt(10);
        switch (what) {
            case 0 -> {
                mutations.add("null");
                return JsonValue.NULL;
            }
            case 1 -> {
                mutations.add("huge array");
                JsonArrayBuilder huge = Json.createArrayBuilder();
                JsonValue item = value instanceof jakarta.json.JsonArray a && !a.isEmpty() ? a.get(0) : Json.createValue("COUNSELLING");
                int size = pick(50, 500, 5000);
                for (int i = 0; i < size && i * (item.toString().length() + 1) < 60_000; i++) {
                    huge.add(item);
                }
                return huge.build();
            }
            case 2 -> {
                mutations.add("huge string");
                return Json.createValue("x".repeat(pick(41, 101, 2001, 4001, 20_000, 60_000)));
            }
            case 3 -> {
                mutations.add("unknown enum value");
                return Json.createValue(pick("NOT_A_VALUE", "accepted", "", " COUNSELLING", "Counselling", "0"));
            }
            case 4 -> {
                mutations.add("array of null");
                return Json.createArrayBuilder().addNull().build();
            }
            case 5 -> {
                mutations.add("string where an object or array is expected");
                return Json.createValue(pick("abc", "[]", "{}", "null"));
            }
            case 6 -> {
                mutations.add("odd number");
                return Json.createValue(new java.math.BigDecimal(pick("-1", "0", "2147483648", "1e400", "1.5", "-9223372036854775809", "1e-400")));
            }
            case 7 -> {
                mutations.add("object where a value is expected");
                return Json.createObjectBuilder().add("needs", Json.createArrayBuilder().add("x")).build();
            }
            case 8 -> {
                mutations.add("odd text");
                return Json.createValue(pick("\u202e\u200b\ufeff", "\ud83d\ude00", "' OR 1=1 --", "<script>", "2026-02-30",
                        "1900-01-01T00:00:00Z", "not@an@email", "ZZ99 9ZZ", "\\u0000", "\t\n", "\u0000"));
            }
            default -> {
                mutations.add("wrong type");
                return value instanceof JsonString ? JsonValue.TRUE
                        : value instanceof JsonNumber ? Json.createValue("12")
                        : Json.createValue(42);
            }
        }
    }

    /** A valid value for the schema: its example if it has one, real ids for fields that name one. */
    private JsonValue valid(Schema<?> schema, String name, int depth) {
        schema = resolve(schema);
        if (name != null && ids.containsKey(name)) {
            return Json.createValue(ids.get(name));
        }
        if (schema == null || depth > 8) {
            return Json.createValue("x");
        }
        if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
            JsonObjectBuilder object = Json.createObjectBuilder();
            Object example = schema.getExample();
            for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                JsonValue fromExample = fromExample(example, property.getKey());
                object.add(property.getKey(), fromExample != null && !ids.containsKey(property.getKey())
                        ? fromExample : valid(property.getValue(), property.getKey(), depth + 1));
            }
            return object.build();
        }
        if ("array".equals(type(schema))) {
            Schema<?> items = schema instanceof ArraySchema a ? a.getItems() : schema.getItems();
            return Json.createArrayBuilder().add(valid(items, null, depth + 1)).build();
        }
        String scalar = validScalar(schema, name);
        return switch (type(schema)) {
            case "integer", "number" -> scalar.matches("-?\\d{1,18}") ? Json.createValue(Long.parseLong(scalar)) : Json.createValue(scalar);
            case "boolean" -> Boolean.parseBoolean(scalar) ? JsonValue.TRUE : JsonValue.FALSE;
            default -> Json.createValue(scalar);
        };
    }

    private static JsonValue fromExample(Object example, String property) {
        if (example == null) {
            return null;
        }
        try {
            String json = io.swagger.v3.core.util.Json.mapper().writeValueAsString(example);
            JsonObject object = Json.createReader(new java.io.StringReader(json)).readObject();
            return object.get(property);
        } catch (Exception notAnObject) {
            return null;
        }
    }

    private String validScalar(Schema<?> schema, String name) {
        if (schema == null) {
            return "x";
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return String.valueOf(schema.getEnum().get(random.nextInt(schema.getEnum().size())));
        }
        if (schema.getExample() != null) {
            return String.valueOf(schema.getExample());
        }
        return switch (type(schema)) {
            case "integer", "number" -> String.valueOf(random.nextInt(5));
            case "boolean" -> String.valueOf(random.nextBoolean());
            default -> switch (String.valueOf(schema.getFormat())) {
                case "date" -> "2001-01-01";
                case "date-time" -> "2026-01-01T00:00:00Z";
                case "uuid" -> UUID.randomUUID().toString();
                case "email" -> "someone@example.org";
                default -> name != null && name.toLowerCase(Locale.ROOT).contains("email") ? "someone@example.org" : "x";
            };
        };
    }

    private static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes().iterator().next();
        }
        return schema instanceof ArraySchema ? "array" : "object";
    }

    @SuppressWarnings("rawtypes")
    private Schema<?> resolve(Schema<?> schema) {
        for (int i = 0; schema != null && schema.get$ref() != null && i < 10; i++) {
            String ref = schema.get$ref();
            Schema found = api.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
            if (found == null) {
                return null;
            }
            schema = found;
        }
        if (schema != null && schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            return resolve((Schema<?>) schema.getAllOf().get(0));
        }
        return schema;
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
