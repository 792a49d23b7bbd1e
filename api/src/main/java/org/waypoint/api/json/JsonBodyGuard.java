package org.waypoint.api.json;

import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.waypoint.api.problem.ProblemException;
import org.waypoint.api.problem.ProblemType;

/**
 * Checks a JSON request body before JSON-B binds it: one object (every body the API takes is one;
 * JSON-B would otherwise bind the first element of an array), well-formed, nested at most
 * {@value #MAX_DEPTH} levels (binding recurses, so depth is stack), no name twice in one object
 * (which of two values wins is not defined, and a checker upstream may have seen the other).
 * Binding failures after that (unknown field, wrong type) become 400s too. No detail quotes the
 * body: it may hold personal data. The body is already bounded by the servlet filter that limits
 * request size, so holding it in memory is cheap.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class JsonBodyGuard implements ReaderInterceptor {

    public static final int MAX_DEPTH = 64;

    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
    private static final Set<String> NO_NAMES = Set.of();

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!isJson(context.getMediaType()) || context.getType() == java.io.InputStream.class) {
            // A resource that takes the body as a stream reads and checks it itself (a directory import).
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        if (new String(body, java.nio.charset.StandardCharsets.UTF_8).strip().equals("null")) {
            // JSON's null is no body: what a generated client sends for an optional body left out. A
            // body the operation requires is then refused as missing, like an empty one.
            return null;
        }
        check(body);
        context.setInputStream(new ByteArrayInputStream(body));
        try {
            return context.proceed();
        } catch (JsonbException | ProcessingException | JsonException e) {
            throw new ProblemException(ProblemType.INVALID_BODY,
                    "The body does not match what this address expects: a field it does not know, or a value of the wrong type or format.");
        }
    }

    static boolean isJson(MediaType type) {
        return type != null && ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
    }

    /** Throws a {@link ProblemException} if the body is not JSON of a shape worth binding. */
    static void check(byte[] body) {
        if (body.length == 0) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The body is empty; this address expects JSON.");
        }
        try (JsonParser parser = PARSERS.createParser(new ByteArrayInputStream(body))) {
            Deque<Set<String>> names = new ArrayDeque<>();
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new ProblemException(ProblemType.MALFORMED_JSON, "The body must be a JSON object.");
            }
            open(names, new HashSet<>(), parser);
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT -> open(names, new HashSet<>(), parser);
                    case START_ARRAY -> open(names, NO_NAMES, parser);
                    case END_OBJECT, END_ARRAY -> names.pop();
                    case KEY_NAME -> {
                        if (!names.element().add(parser.getString())) {
                            throw new ProblemException(ProblemType.MALFORMED_JSON,
                                    "The body repeats a name within one object" + at(parser.getLocation()) + ".");
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (JsonParsingException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The body is not well-formed JSON" + at(e.getLocation()) + ".");
        } catch (JsonException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The body is not well-formed JSON.");
        }
    }

    private static void open(Deque<Set<String>> names, Set<String> scope, JsonParser parser) {
        if (names.size() >= MAX_DEPTH) {
            throw new ProblemException(ProblemType.MALFORMED_JSON,
                    "The body nests objects and arrays more than " + MAX_DEPTH + " levels deep" + at(parser.getLocation()) + ".");
        }
        names.push(scope);
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNumber() < 0) {
            return "";
        }
        return " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
    }
}
