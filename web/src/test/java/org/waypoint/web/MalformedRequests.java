package org.waypoint.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated malformed requests for the API's JSON endpoints (jqwik arbitraries): each takes a valid
 * body and breaks it at least once — bad syntax, an unknown field, a wrong type, a missing field, a
 * null, a huge or odd-unicode string, deep nesting, a duplicate key, a wrong content type — so that
 * none of them may be accepted, and none may fail the server.
 */
final class MalformedRequests {

    /** One endpoint: where, as whom, and a valid body as a list of fields (name, JSON value). */
    record Target(String method, String path, String signedInAs, List<Map.Entry<String, String>> fields) {
    }

    record Request(Target target, String contentType, byte[] body, String mutation) {
        @Override
        public String toString() {
            return target.method() + " " + target.path() + " [" + mutation + "] "
                    + new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
        }
    }

    private MalformedRequests() {
    }

    static Arbitrary<Request> requests(List<Target> targets) {
        return Combinators.combine(Arbitraries.of(targets), mutation(), Arbitraries.integers().between(0, 1000))
                .as((target, mutation, seed) -> mutation.apply(target, seed));
    }

    private interface Mutation {
        Request apply(Target target, int seed);
    }

    private static Arbitrary<Mutation> mutation() {
        Arbitrary<String> oddText = Arbitraries.strings().ofMinLength(0).ofMaxLength(300)
                .withCharRange('\u0000', '\u036f').withChars("\u202e\u200b\ufeff\ud83d\ude00\u0301\"\\{}[]<>&'");
        Arbitrary<String> wrongValue = Arbitraries.oneOf(
                Arbitraries.just("null"), Arbitraries.just("true"), Arbitraries.integers().map(String::valueOf),
                Arbitraries.just("1e999"), Arbitraries.just("[]"), Arbitraries.just("{}"),
                Arbitraries.just("[1,\"a\",null]"), oddText.map(MalformedRequests::quote));
        return Arbitraries.oneOf(
                Arbitraries.integers().between(1, 40).map(cut -> (Mutation) (t, seed) -> {
                    String body = json(t.fields());
                    String truncated = body.substring(0, body.length() - Math.max(1, cut % body.length()));
                    return request(t, truncated + (seed % 2 == 0 ? "" : "}}]"), "truncated");
                }),
                Combinators.combine(oddText, wrongValue).as((name, value) -> (Mutation) (t, seed) ->
                        request(t, json(with(t.fields(), "zz" + name.hashCode(), value)), "unknown field")),
                wrongValue.filter(v -> !v.startsWith("\"")).map(value -> (Mutation) (t, seed) ->
                        request(t, json(with(replace(t.fields(), seed, value), "__also", "0")), "wrong type + extra")),
                Arbitraries.just((Mutation) (t, seed) -> request(t, json(remove(t.fields(), seed)) + " x", "missing field + junk")),
                oddText.map(text -> (Mutation) (t, seed) ->
                        request(t, json(with(replace(t.fields(), seed, quote(text)), "__extra", "1")), "odd unicode + extra")),
                Arbitraries.integers().between(70_000, 200_000).map(size -> (Mutation) (t, seed) ->
                        request(t, json(with(t.fields(), "padding", quote("x".repeat(size)))), "huge")),
                Arbitraries.integers().between(65, 20_000).map(depth -> (Mutation) (t, seed) ->
                        request(t, json(with(t.fields(), "nested", "[".repeat(depth) + "]".repeat(depth))), "deep nesting")),
                Arbitraries.just((Mutation) (t, seed) -> {
                    List<Map.Entry<String, String>> fields = t.fields();
                    Map.Entry<String, String> first = fields.isEmpty() ? Map.entry("a", "1") : fields.get(0);
                    return request(t, json(with(with(fields, first.getKey(), "[]"), "unknownToo", "2")), "duplicate key");
                }),
                Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded").map(type ->
                        (Mutation) (t, seed) -> new Request(t, type, json(t.fields()).getBytes(StandardCharsets.UTF_8),
                                "wrong content type")),
                Arbitraries.just((Mutation) (t, seed) -> request(t, "null", "null body")),
                Arbitraries.just((Mutation) (t, seed) -> request(t, "[" + json(t.fields()) + "]", "array body")));
    }

    private static Request request(Target target, String body, String mutation) {
        return new Request(target, "application/json", body.getBytes(StandardCharsets.UTF_8), mutation);
    }

    private static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> fields, String name, String value) {
        List<Map.Entry<String, String>> copy = new java.util.ArrayList<>(fields);
        copy.add(Map.entry(name, value));
        return copy;
    }

    private static List<Map.Entry<String, String>> replace(List<Map.Entry<String, String>> fields, int seed, String value) {
        if (fields.isEmpty()) {
            return with(fields, "unexpected", value);
        }
        List<Map.Entry<String, String>> copy = new java.util.ArrayList<>(fields);
        int index = seed % copy.size();
        copy.set(index, Map.entry(copy.get(index).getKey(), value));
        return copy;
    }

    private static List<Map.Entry<String, String>> remove(List<Map.Entry<String, String>> fields, int seed) {
        if (fields.isEmpty()) {
            return fields;
        }
        List<Map.Entry<String, String>> copy = new java.util.ArrayList<>(fields);
        copy.remove(seed % copy.size());
        return copy;
    }

    static String json(List<Map.Entry<String, String>> fields) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, String> field : fields) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(quote(field.getKey())).append(':').append(field.getValue());
        }
        return json.append('}').toString();
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
