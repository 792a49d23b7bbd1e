package org.waypoint.web.http;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.waypoint.api.problem.Problem;
import org.waypoint.api.problem.ProblemType;

/**
 * {@code /openapi} as OpenAPI and HTTP say it should be: YAML ({@code application/yaml}) unless the
 * caller asks for JSON ({@code Accept: application/json} or {@code ?format=JSON}), each with its own
 * content type (the server answers {@code text/plain} for YAML), and a problem+json 406 when neither
 * is acceptable. The server's top-level {@code endpoints} member, which is not OpenAPI and which
 * generators refuse, is left out; and an operation open to anyone says so with {@code security: []},
 * which the server cannot write (it drops an empty list). The server is always asked for JSON, which
 * is then written in the format chosen.
 */
public class ApiDescriptionDocument extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String YAML = "application/yaml";
    static final String JSON = "application/json";
    /** The members the server adds that OpenAPI does not define. */
    private static final List<String> NOT_OPENAPI = List.of("endpoints");
    private static final List<String> OPERATIONS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod()) || request instanceof AskingForJson) {
            // Another method is the server's to refuse; and a request this filter already asked for JSON
            // (the container applies it once for each of its addresses) goes straight on.
            chain.doFilter(request, response);
            return;
        }
        Optional<String> format = format(request.getParameter("format"), request.getHeader("Accept"));
        if (format.isEmpty()) {
            ServletProblems.write(response, Problem.of(ProblemType.NOT_ACCEPTABLE,
                    "The API description is served as " + YAML + " or " + JSON + "."));
            return;
        }
        Captured captured = new Captured(response);
        chain.doFilter(new AskingForJson(request), captured);
        if (captured.getStatus() != HttpServletResponse.SC_OK) {
            response.getOutputStream().write(captured.body());
            return;
        }
        JsonObject document;
        try (JsonReader reader = Json.createReader(new StringReader(new String(captured.body(), StandardCharsets.UTF_8)))) {
            document = reader.readObject();
        }
        JsonObject openApi = declarePublic(document);
        for (String member : NOT_OPENAPI) {
            openApi = Json.createObjectBuilder(openApi).remove(member).build();
        }
        String text = format.get().equals(JSON) ? openApi.toString() : Yaml.write(openApi);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        response.setContentType(format.get() + ";charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /**
     * An operation that names no security requirement is open to anyone (every operation that needs
     * a token names {@code bearer}), and says so with an empty one.
     */
    static JsonObject declarePublic(JsonObject document) {
        JsonObject paths = document.getJsonObject("paths");
        if (paths == null) {
            return document;
        }
        var newPaths = Json.createObjectBuilder();
        paths.forEach((path, item) -> {
            var newItem = Json.createObjectBuilder();
            item.asJsonObject().forEach((method, operation) -> newItem.add(method,
                    operation instanceof JsonObject object && OPERATIONS.contains(method) && !object.containsKey("security")
                            ? Json.createObjectBuilder(object).add("security", JsonValue.EMPTY_JSON_ARRAY).build()
                            : operation));
            newPaths.add(path, newItem);
        });
        return Json.createObjectBuilder(document).add("paths", newPaths).build();
    }

    /**
     * The format asked for: {@code format=JSON|YAML} first, as the server reads it; else the
     * acceptable type of highest quality; YAML when anything goes. Empty when nothing offered is acceptable.
     */
    static Optional<String> format(String formatParameter, String accept) {
        if (formatParameter != null) {
            return switch (formatParameter.strip().toUpperCase(Locale.ROOT)) {
                case "JSON" -> Optional.of(JSON);
                case "YAML" -> Optional.of(YAML);
                default -> Optional.empty();
            };
        }
        if (accept == null || accept.isBlank()) {
            return Optional.of(YAML);
        }
        record Range(String type, double quality) {
        }
        return java.util.Arrays.stream(accept.split(","))
                .map(range -> {
                    String[] parts = range.split(";");
                    double quality = 1;
                    for (int i = 1; i < parts.length; i++) {
                        String parameter = parts[i].strip();
                        if (parameter.startsWith("q=")) {
                            try {
                                quality = Double.parseDouble(parameter.substring(2));
                            } catch (NumberFormatException e) {
                                quality = 0;
                            }
                        }
                    }
                    return new Range(parts[0].strip().toLowerCase(Locale.ROOT), quality);
                })
                .filter(range -> range.quality() > 0)
                .sorted(Comparator.comparingDouble(Range::quality).reversed())
                .map(range -> switch (range.type()) {
                    case JSON -> JSON;
                    case YAML, "application/x-yaml", "text/yaml", "application/*", "*/*" -> YAML;
                    default -> null;
                })
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    /** The request as if it asked for JSON: the server's own choice of format is made here instead. */
    private static final class AskingForJson extends HttpServletRequestWrapper {

        AskingForJson(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return "Accept".equalsIgnoreCase(name) ? JSON : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Accept".equalsIgnoreCase(name) ? Collections.enumeration(List.of(JSON)) : super.getHeaders(name);
        }

        /** The server reads the headers it is given by name: a request that sent no Accept has one now. */
        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new java.util.ArrayList<>(Collections.list(super.getHeaderNames()));
            names.removeIf("Accept"::equalsIgnoreCase);
            names.add("Accept");
            return Collections.enumeration(names);
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }

    /** Keeps what the server writes, to be rewritten before it is sent. */
    private static final class Captured extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void write(int b) {
                bytes.write(b);
            }
        };
        private PrintWriter writer;

        Captured(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void setContentLength(int length) {
        }

        @Override
        public void setContentLengthLong(long length) {
        }

        @Override
        public void flushBuffer() {
        }

        byte[] body() {
            if (writer != null) {
                writer.flush();
            }
            return bytes.toByteArray();
        }
    }

    /**
     * JSON written as block-style YAML. Every string value is written as a JSON string, which is a
     * YAML double-quoted scalar with the same escapes, so nothing a description holds can be read back
     * as another type; a key is written plain when it is a plain word or path that YAML reads as text.
     */
    static final class Yaml {

        private Yaml() {
        }

        static String write(JsonValue value) {
            StringBuilder out = new StringBuilder();
            if (value instanceof JsonStructure structure && !isEmpty(structure)) {
                block(structure, 0, out);
            } else {
                out.append(scalar(value)).append('\n');
            }
            return out.toString();
        }

        private static void block(JsonStructure structure, int indent, StringBuilder out) {
            String pad = " ".repeat(indent);
            if (structure instanceof JsonObject object) {
                object.forEach((key, member) -> {
                    out.append(pad).append(key(key)).append(':');
                    nested(member, indent, out);
                });
            } else {
                structure.asJsonArray().forEach(item -> {
                    if (item instanceof JsonObject object && !object.isEmpty()) {
                        StringBuilder items = new StringBuilder();
                        block(object, indent + 2, items);
                        out.append(pad).append("- ").append(items.substring(indent + 2));
                    } else {
                        out.append(pad).append('-');
                        nested(item, indent, out);
                    }
                });
            }
        }

        private static void nested(JsonValue member, int indent, StringBuilder out) {
            if (member instanceof JsonStructure structure && !isEmpty(structure)) {
                out.append('\n');
                block(structure, indent + 2, out);
            } else {
                out.append(' ').append(scalar(member)).append('\n');
            }
        }

        private static String key(String key) {
            boolean plain = key.matches("[A-Za-z_$/][A-Za-z0-9_$./{}+-]*")
                    && !List.of("y", "n", "yes", "no", "on", "off", "true", "false", "null")
                            .contains(key.toLowerCase(Locale.ROOT));
            return plain ? key : Json.createValue(key).toString();
        }

        private static boolean isEmpty(JsonStructure structure) {
            return structure instanceof JsonObject object ? object.isEmpty() : structure.asJsonArray().isEmpty();
        }

        private static String scalar(JsonValue value) {
            return switch (value.getValueType()) {
                case OBJECT -> "{}";
                case ARRAY -> "[]";
                case STRING -> Json.createValue(((JsonString) value).getString()).toString();
                default -> value.toString();
            };
        }
    }
}
