package org.waypoint.api;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.waypoint.core.referral.ReferralAction;
import org.waypoint.core.referral.ReferralCommand;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.waypoint.core.account.RequiresScope;

/**
 * Completes the generated description in one place: every operation gets the errors any of them
 * can answer (all {@code application/problem+json}), a success status where the server wrote only a
 * {@code default} response, an operation id unique across resources (the server names them after the
 * Java method, so {@code list} and {@code get} repeat), and the examples of {@link ApiExamples}: one
 * on each request and response record's schema, and one on the body or the answer of the operations
 * that differ from their schema's. An example written as text in an annotation is shown as JSON. A
 * page of a list is described with its items' type, and a parameter without the noise the server adds.
 */
public class ApiDescriptionFilter implements OASFilter {

    /** Every API response says where its caller stands against the rate limits (described in {@code openapi.yaml}). */
    private static final List<String> RATE_LIMIT_HEADERS = List.of("RateLimit-Policy", "RateLimit");

    /** Where the API's application lives under the server's root: {@link WaypointApi}'s path. */
    static final String API_PATH = "/api";

    private static final Map<String, String> ERRORS = Map.of(
            "400", "The request is malformed or fails validation; `errors` names the fields.",
            "401", "Not signed in, or the token is unknown, expired or revoked.",
            "403", "Signed in, but the role may not do this, or an API client's token lacks the operation's scope.",
            "404", "No such record, or it belongs to another organisation.",
            "409", "Not allowed in the record's current state, or the Idempotency-Key was used for another request.",
            "412", "If-Match names a version that is no longer current.",
            "413", "The body is larger than 64 KiB.",
            "415", "The body is not application/json.",
            "429", "Too many requests from this token or address; `Retry-After` says when to try again.",
            "500", "Something failed on the server; quote `correlationId`.");

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        APIResponse generated = responses.getDefaultValue();
        if (generated != null && successes(responses).isEmpty()) {
            // A method that returns its record answers 200 with it; the server calls that the default response.
            responses.removeAPIResponse(APIResponses.DEFAULT);
            responses.addAPIResponse("200", generated.description("OK"));
        }
        ERRORS.forEach((status, description) -> {
            if (responses.getAPIResponse(status) == null) {
                responses.addAPIResponse(status, problem(description));
            }
        });
        if (responses.getDefaultValue() == null) {
            // Any other refusal (405, 406, 429, …) is problem+json too.
            responses.setDefaultValue(problem("Any other error, as `status` says."));
        }
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((status, response) -> {
                if (response.getRef() != null) {
                    return;
                }
                RATE_LIMIT_HEADERS.forEach(header -> response.addHeader(header,
                        OASFactory.createHeader().ref("#/components/headers/" + header)));
                if ("429".equals(status)) {
                    response.addHeader("Retry-After", OASFactory.createHeader().ref("#/components/headers/Retry-After"));
                }
            });
        }
        operation.setResponses(responses);
        return operation;
    }

    /**
     * Payara copies the unset members of a {@code @Schema} annotation into the model as values, and
     * {@code maxProperties: 0} would forbid every property. Each such value is OpenAPI's default
     * anyway, so it is dropped. Payara also describes a Java {@code long} as a number, fractions
     * allowed; the API's longs say {@code @Schema(format = "int64")}, and a number of an integer
     * format is shown as the integer it is.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getType() == SchemaType.NUMBER && schema.getFormat() != null && List.of("int32", "int64").contains(schema.getFormat())) {
            schema.setType(SchemaType.INTEGER);
        }
        dropDefault(schema.getMaxProperties(), 0, () -> schema.setMaxProperties(null));
        dropDefault(schema.getMinProperties(), 0, () -> schema.setMinProperties(null));
        dropDefault(schema.getMinLength(), 0, () -> schema.setMinLength(null));
        dropDefault(schema.getExclusiveMaximum(), false, () -> schema.setExclusiveMaximum(null));
        dropDefault(schema.getExclusiveMinimum(), false, () -> schema.setExclusiveMinimum(null));
        dropDefault(schema.getUniqueItems(), false, () -> schema.setUniqueItems(null));
        dropDefault(schema.getNullable(), false, () -> schema.setNullable(null));
        dropDefault(schema.getReadOnly(), false, () -> schema.setReadOnly(null));
        dropDefault(schema.getWriteOnly(), false, () -> schema.setWriteOnly(null));
        dropDefault(schema.getDeprecated(), false, () -> schema.setDeprecated(null));
        return schema;
    }

    /**
     * A parameter with a {@code @Parameter} annotation gets that annotation's unset members as
     * {@code false}, OpenAPI's defaults, which are dropped; and a {@code @DefaultValue} is copied in
     * as text, which is shown as the integer or boolean the parameter is.
     */
    @Override
    public Parameter filterParameter(Parameter parameter) {
        dropDefault(parameter.getRequired(), false, () -> parameter.setRequired(null));
        dropDefault(parameter.getDeprecated(), false, () -> parameter.setDeprecated(null));
        dropDefault(parameter.getAllowEmptyValue(), false, () -> parameter.setAllowEmptyValue(null));
        dropDefault(parameter.getAllowReserved(), false, () -> parameter.setAllowReserved(null));
        Schema schema = parameter.getSchema();
        if (schema != null && schema.getDefaultValue() instanceof String text) {
            if (schema.getType() == SchemaType.INTEGER) {
                schema.setDefaultValue(Long.valueOf(text));
            } else if (schema.getType() == SchemaType.BOOLEAN) {
                schema.setDefaultValue(Boolean.valueOf(text));
            }
        }
        return parameter;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        addSchemaExamples(openAPI);
        parseTextExamples(openAPI);
        identifyIds(openAPI);
        if (openAPI.getPaths() == null) {
            return;
        }
        rebase(openAPI);
        declareConditionalGets(openAPI);
        enumerateActions(openAPI);
        typePages(openAPI);
        addOperationExamples(openAPI);
        declareScopes(openAPI);
        List<Operation> operations = operations(openAPI)
                .filter(operation -> operation.getOperationId() != null)
                .toList();
        Map<String, Long> counts = operations.stream()
                .collect(Collectors.groupingBy(Operation::getOperationId, Collectors.counting()));
        for (Operation operation : operations) {
            if (counts.get(operation.getOperationId()) > 1 && operation.getTags() != null && !operation.getTags().isEmpty()) {
                String tag = operation.getTags().get(0).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
                String id = operation.getOperationId();
                operation.setOperationId(tag + Character.toUpperCase(id.charAt(0)) + id.substring(1));
            }
        }
    }

    /**
     * The server writes each path from the server's root ({@code /api/v1/referrals}) and names the
     * address it was asked at as the server. The description names the public address instead
     * ({@code waypoint.public-url}) with the API's base path, and each path under it ({@code /v1/referrals}).
     */
    private static void rebase(OpenAPI openAPI) {
        String base = ConfigProvider.getConfig().getOptionalValue("waypoint.public-url", String.class)
                .orElse("http://localhost:8080").replaceAll("/+$", "") + API_PATH;
        openAPI.setServers(List.of(OASFactory.createServer().url(base).description("Waypoint")));
        Map<String, PathItem> items = new TreeMap<>(openAPI.getPaths().getPathItems());
        items.keySet().forEach(openAPI.getPaths()::removePathItem);
        items.forEach((path, item) -> {
            int api = path.indexOf(API_PATH + "/");
            openAPI.getPaths().addPathItem(api < 0 ? path : path.substring(api + API_PATH.length()), item);
        });
    }

    /**
     * Every id is a UUID: a property named {@code id} or ending in {@code Id}, and a path parameter
     * named {@code id}.
     */
    private static void identifyIds(OpenAPI openAPI) {
        schemas(openAPI).values().forEach(schema -> {
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((name, property) -> {
                    if ((name.equals("id") || name.endsWith("Id")) && property.getType() == SchemaType.STRING
                            && property.getFormat() == null) {
                        property.setFormat("uuid");
                    }
                });
            }
        });
        if (openAPI.getPaths() != null) {
            operations(openAPI).filter(operation -> operation.getParameters() != null)
                    .flatMap(operation -> operation.getParameters().stream())
                    .filter(parameter -> parameter.getIn() == Parameter.In.PATH && "id".equals(parameter.getName())
                            && parameter.getSchema() != null && parameter.getSchema().getFormat() == null)
                    .forEach(parameter -> parameter.getSchema().setFormat("uuid"));
        }
    }

    /**
     * Every 200 to a GET carries an {@code ETag} (a record's version, or a weak tag of a list; see
     * {@link ConditionalGet}), so every GET takes {@code If-None-Match} and answers 304 with no body
     * when what the caller holds is still current.
     */
    private static void declareConditionalGets(OpenAPI openAPI) {
        openAPI.getPaths().getPathItems().values().stream().map(PathItem::getGET).filter(get -> get != null)
                .filter(get -> get.getResponses() != null && get.getResponses().getAPIResponse("200") != null)
                .forEach(get -> {
                    APIResponse ok = get.getResponses().getAPIResponse("200");
                    if (ok.getHeaders() == null || !ok.getHeaders().containsKey("ETag")) {
                        ok.addHeader("ETag", OASFactory.createHeader().ref("#/components/headers/ETag"));
                    }
                    get.addParameter(OASFactory.createParameter().ref("IfNoneMatch"));
                    get.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                            .description("Not changed since the version `If-None-Match` names; no body."));
                });
    }

    /** The actions of {@code POST /v1/referrals/{id}/{action}}: each lifecycle command's name, nothing else. */
    private static void enumerateActions(OpenAPI openAPI) {
        List<Object> actions = Arrays.stream(ReferralAction.values())
                .filter(action -> ReferralCommand.of(action, null, null, null).isPresent())
                .map(action -> (Object) action.slug())
                .toList();
        operations(openAPI).filter(operation -> operation.getParameters() != null)
                .flatMap(operation -> operation.getParameters().stream())
                .filter(parameter -> parameter.getIn() == Parameter.In.PATH && "action".equals(parameter.getName()))
                .forEach(parameter -> parameter.description("The lifecycle action.").required(true)
                        .schema(OASFactory.createSchema().type(SchemaType.STRING).enumeration(actions)));
    }

    private static void addSchemaExamples(OpenAPI openAPI) {
        Map<String, Schema> schemas = schemas(openAPI);
        // The server names each record's schema after its simple class name.
        ApiExamples.bySchema().forEach((type, example) -> {
            Schema schema = schemas.get(type.getSimpleName());
            if (schema != null && schema.getExample() == null) {
                schema.setExample(example);
            }
        });
    }

    /**
     * An example written as text in a {@code @Schema} annotation (the outbox's records, which the
     * examples here cannot reach) would be shown as one JSON string; it is shown as the JSON it holds.
     */
    private static void parseTextExamples(OpenAPI openAPI) {
        for (Schema schema : schemas(openAPI).values()) {
            if (schema.getExample() instanceof String text && text.startsWith("{")) {
                schema.setExample(ApiExamples.parse(text));
            }
        }
    }

    /**
     * The server describes {@link PageResponse} after its erasure, with items of no type. So a list
     * answers a page named after its items, {@code ReferralSummaryPage} for a page of
     * {@code ReferralSummary}, and that page is described here: PageResponse with its items typed.
     */
    private static void typePages(OpenAPI openAPI) {
        Map<String, Schema> schemas = schemas(openAPI);
        Schema generic = schemas.get(PageResponse.class.getSimpleName());
        if (generic == null) {
            return;
        }
        operations(openAPI)
                .flatMap(operation -> successes(operation.getResponses()).stream())
                .filter(response -> response.getContent() != null && response.getContent().getMediaTypes() != null)
                .flatMap(response -> response.getContent().getMediaTypes().values().stream())
                .map(mediaType -> mediaType.getSchema() == null ? null : mediaType.getSchema().getRef())
                .filter(ref -> ref != null && ref.endsWith("Page"))
                .map(ref -> ref.substring(ref.lastIndexOf('/') + 1))
                .filter(page -> !schemas.containsKey(page))
                .distinct()
                .forEach(page -> {
                    String item = page.substring(0, page.length() - "Page".length());
                    Map<String, Schema> properties = new LinkedHashMap<>(generic.getProperties());
                    properties.put("items", OASFactory.createSchema().type(SchemaType.ARRAY)
                            .items(OASFactory.createSchema().ref(item)));
                    openAPI.getComponents().addSchema(page, OASFactory.createSchema().type(SchemaType.OBJECT)
                            .description(generic.getDescription()).properties(properties).required(generic.getRequired())
                            .example(pageExample(generic.getExample(), schemas.get(item))));
                });
        openAPI.getComponents().removeSchema(PageResponse.class.getSimpleName());
    }

    /** The generic page's example with one item of the page's own kind, when that kind shows an example. */
    private static Object pageExample(Object generic, Schema item) {
        if (!(generic instanceof Map<?, ?> example) || item == null || item.getExample() == null) {
            return generic;
        }
        Map<Object, Object> typed = new LinkedHashMap<>(example);
        typed.put("items", List.of(item.getExample()));
        return typed;
    }

    private static void addOperationExamples(OpenAPI openAPI) {
        Map<String, ApiExamples.ForOperation> examples = ApiExamples.byOperation();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            ApiExamples.ForOperation example = examples.get(method + " " + path.substring(path.indexOf("/v1/") + 1));
            if (example == null) {
                return;
            }
            example.request().filter(body -> operation.getRequestBody() != null)
                    .ifPresent(body -> setExample(operation.getRequestBody().getContent(), body));
            example.response().ifPresent(body -> successes(operation.getResponses()).stream().findFirst()
                    .ifPresent(success -> setExample(success.getContent(), body)));
        }));
    }

    /**
     * An operation with {@link RequiresScope} may also be called with an API client's token holding that
     * scope: its security says so beside the personal token. Read from the resource methods themselves,
     * so the description cannot disagree with the check.
     */
    private static void declareScopes(OpenAPI openAPI) {
        for (Class<?> resource : resources()) {
            String base = "/" + resource.getAnnotation(jakarta.ws.rs.Path.class).value();
            for (Method method : resource.getMethods()) {
                RequiresScope scope = method.getAnnotation(RequiresScope.class);
                String verb = httpMethod(method);
                if (scope == null || verb == null) {
                    continue;
                }
                jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                String path = (sub == null ? base : base + "/" + sub.value()).replaceAll("/+", "/");
                PathItem item = openAPI.getPaths().getPathItem(path);
                Operation operation = item == null ? null : item.getOperations().get(PathItem.HttpMethod.valueOf(verb));
                if (operation != null) {
                    List<SecurityRequirement> security = operation.getSecurity() == null
                            ? new java.util.ArrayList<>() : new java.util.ArrayList<>(operation.getSecurity());
                    if (security.isEmpty()) {
                        security.add(OASFactory.createSecurityRequirement().addScheme("bearer"));
                    }
                    security.add(OASFactory.createSecurityRequirement().addScheme("apiClient", scope.value().value()));
                    operation.setSecurity(security);
                }
            }
        }
    }

    /** The API's resource classes, every module's: the beans whose class has a {@code @Path}. */
    private static java.util.Set<Class<?>> resources() {
        jakarta.enterprise.inject.spi.BeanManager beans = jakarta.enterprise.inject.spi.CDI.current().getBeanManager();
        return beans.getBeans(Object.class, jakarta.enterprise.inject.Any.Literal.INSTANCE).stream()
                .map(jakarta.enterprise.inject.spi.Bean::getBeanClass)
                .filter(type -> type.isAnnotationPresent(jakarta.ws.rs.Path.class))
                .collect(Collectors.toSet());
    }

    private static String httpMethod(Method method) {
        for (java.lang.annotation.Annotation annotation : method.getAnnotations()) {
            jakarta.ws.rs.HttpMethod verb = annotation.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static void setExample(Content content, Object example) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(mediaType -> mediaType.setExample(example));
        }
    }

    /** The schemas among the components, none when there are no components. */
    private static Map<String, Schema> schemas(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents() == null ? null : openAPI.getComponents().getSchemas();
        return schemas == null ? Map.of() : schemas;
    }

    /** Every operation of every path. */
    private static Stream<Operation> operations(OpenAPI openAPI) {
        return openAPI.getPaths().getPathItems().values().stream().flatMap(item -> item.getOperations().values().stream());
    }

    /** The 2xx responses, lowest status first. */
    private static List<APIResponse> successes(APIResponses responses) {
        if (responses == null || responses.getAPIResponses() == null) {
            return List.of();
        }
        return responses.getAPIResponses().entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("2"))
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .toList();
    }

    /** Drops a value that is OpenAPI's default for its member: saying it is noise. */
    private static void dropDefault(Object value, Object openApiDefault, Runnable drop) {
        if (openApiDefault.equals(value)) {
            drop.run();
        }
    }

    private static APIResponse problem(String description) {
        Content content = OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
