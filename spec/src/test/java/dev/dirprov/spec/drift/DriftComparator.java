package dev.dirprov.spec.drift;

import dev.dirprov.spec.drift.Difference.Group;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares every operation of our spec with the operation of the same method and path in Auth0's document:
 * parameters, request and response bodies per status (through {@link SchemaComparator}), documented statuses,
 * security scopes and response headers. Descriptions, summaries, examples and vendor extensions are not drift.
 *
 * <pre>{@code
 * DriftResult result = new DriftComparator(ours, auth0).compare();
 * result.differences().forEach(System.out::println);
 * }</pre>
 *
 * <p>Where Auth0's document is silent, nothing is compared, and the report lists the place as not compared:
 * Auth0 documents no error bodies and no response headers, and its request bodies also accept
 * {@code application/x-www-form-urlencoded}, which a JSON client never sends. A success status without a
 * body upstream is drift, since Auth0 documents the body of every success it answers with one.
 */
final class DriftComparator {

    private static final String JSON = "application/json";

    private final OpenAPI ours;
    private final OpenAPI upstream;
    private final Map<String, Difference> differences = new LinkedHashMap<>();
    private final Map<String, NotCompared> notCompared = new LinkedHashMap<>();
    private int operationsCompared;

    DriftComparator(OpenAPI ours, OpenAPI upstream) {
        this.ours = ours;
        this.upstream = upstream;
    }

    /** Runs the comparison once; the result lists each difference once, with every operation that reaches it. */
    DriftResult compare() {
        if (ours.getPaths() != null) {
            ours.getPaths().forEach(this::comparePath);
        }
        return new DriftResult(List.copyOf(differences.values()), List.copyOf(notCompared.values()),
                operationsCompared);
    }

    private void comparePath(String path, PathItem ourItem) {
        Map.Entry<String, PathItem> upstreamPath = findPath(path);
        Map<PathItem.HttpMethod, Operation> ourOperations = ourItem.readOperationsMap();
        for (Map.Entry<PathItem.HttpMethod, Operation> entry : ourOperations.entrySet()) {
            String method = entry.getKey().name().toLowerCase(Locale.ROOT);
            String name = entry.getKey().name() + " " + path;
            String ourPointer = Pointers.child("#/paths", path, method);
            Operation upstreamOperation = upstreamPath == null ? null
                    : upstreamPath.getValue().readOperationsMap().get(entry.getKey());
            if (upstreamOperation == null) {
                differ(Group.CHANGED, name, ourPointer, Difference.NOWHERE,
                        "Auth0's document has no operation " + name);
                continue;
            }
            operationsCompared++;
            String upstreamPointer = Pointers.child("#/paths", upstreamPath.getKey(), method);
            new OperationComparison(name, ourItem, entry.getValue(), ourPointer,
                    upstreamPath.getValue(), upstreamOperation, upstreamPointer).run();
        }
        if (upstreamPath != null) {
            upstreamPath.getValue().readOperationsMap().forEach((method, operation) -> {
                if (!ourOperations.containsKey(method)) {
                    String name = method.name() + " " + path;
                    differ(Group.UNDESCRIBED, name, Difference.NOWHERE,
                            Pointers.child("#/paths", upstreamPath.getKey(), method.name().toLowerCase(Locale.ROOT)),
                            "Auth0 documents " + name + ", which we do not describe");
                }
            });
        }
    }

    /** The upstream path item whose template is ours once the parameter names are set aside. */
    private Map.Entry<String, PathItem> findPath(String path) {
        if (upstream.getPaths() == null) {
            return null;
        }
        String shape = path.replaceAll("\\{[^}]*}", "{}");
        for (Map.Entry<String, PathItem> entry : upstream.getPaths().entrySet()) {
            if (entry.getKey().replaceAll("\\{[^}]*}", "{}").equals(shape)) {
                return entry;
            }
        }
        return null;
    }

    void differ(Group group, String operation, String ourPointer, String upstreamPointer, String what) {
        String key = group + "|" + ourPointer + "|" + upstreamPointer + "|" + what;
        Difference known = differences.get(key);
        Set<String> operations = new TreeSet<>(known == null ? Set.of() : known.operations());
        operations.add(operation);
        differences.put(key, new Difference(group, ourPointer, upstreamPointer, what, operations));
    }

    private void skip(String where, String why) {
        notCompared.putIfAbsent(where + "|" + why, new NotCompared(where, why));
    }

    /** One operation pair: every comparison below names the operation it was reached from. */
    private final class OperationComparison {

        private final String name;
        private final PathItem ourItem;
        private final Operation ourOperation;
        private final String ourPointer;
        private final PathItem upstreamItem;
        private final Operation upstreamOperation;
        private final String upstreamPointer;
        private final SchemaComparator schemas;

        OperationComparison(String name, PathItem ourItem, Operation ourOperation, String ourPointer,
                PathItem upstreamItem, Operation upstreamOperation, String upstreamPointer) {
            this.name = name;
            this.ourItem = ourItem;
            this.ourOperation = ourOperation;
            this.ourPointer = ourPointer;
            this.upstreamItem = upstreamItem;
            this.upstreamOperation = upstreamOperation;
            this.upstreamPointer = upstreamPointer;
            this.schemas = new SchemaComparator(ours, upstream,
                    (group, oursAt, upstreamAt, what) -> DriftComparator.this.differ(group, name, oursAt, upstreamAt,
                            what));
        }

        void run() {
            compareParameters();
            compareRequestBody();
            compareResponses();
            compareSecurity();
        }

        private void differ(Group group, String oursAt, String upstreamAt, String what) {
            DriftComparator.this.differ(group, name, oursAt, upstreamAt, what);
        }

        private void compareParameters() {
            Map<String, Located<Parameter>> ourParameters = parameters(ours, ourItem, ourOperation, ourPointer);
            Map<String, Located<Parameter>> upstreamParameters =
                    parameters(upstream, upstreamItem, upstreamOperation, upstreamPointer);
            ourParameters.forEach((key, our) -> {
                Located<Parameter> their = upstreamParameters.get(key);
                String label = our.value().getIn() + " parameter `" + our.value().getName() + "`";
                if (their == null) {
                    differ(Group.CHANGED, our.pointer(), Difference.NOWHERE, "Auth0 documents no " + label);
                    return;
                }
                boolean ourRequired = Boolean.TRUE.equals(our.value().getRequired());
                boolean theirRequired = Boolean.TRUE.equals(their.value().getRequired());
                if (ourRequired != theirRequired) {
                    differ(Group.CHANGED, Pointers.child(our.pointer(), "required"),
                            Pointers.child(their.pointer(), "required"),
                            label + " required: " + ourRequired + " -> " + theirRequired);
                }
                schemas.compare(our.value().getSchema(), Pointers.child(our.pointer(), "schema"),
                        their.value().getSchema(), Pointers.child(their.pointer(), "schema"));
            });
            upstreamParameters.forEach((key, their) -> {
                if (!ourParameters.containsKey(key)) {
                    boolean required = Boolean.TRUE.equals(their.value().getRequired());
                    differ(Group.UNDESCRIBED, Difference.NOWHERE, their.pointer(), "Auth0 documents "
                            + (required ? "a required " : "") + their.value().getIn() + " parameter `"
                            + their.value().getName() + "`");
                }
            });
        }

        private void compareRequestBody() {
            Located<RequestBody> our = resolve(ours, ourOperation.getRequestBody(),
                    Pointers.child(ourPointer, "requestBody"), RequestBody::get$ref,
                    Components::getRequestBodies, "requestBodies");
            Located<RequestBody> their = resolve(upstream, upstreamOperation.getRequestBody(),
                    Pointers.child(upstreamPointer, "requestBody"), RequestBody::get$ref,
                    Components::getRequestBodies, "requestBodies");
            if (our == null && their == null) {
                return;
            }
            if (their == null) {
                differ(Group.CHANGED, our.pointer(), Difference.NOWHERE, "Auth0 documents no request body");
                return;
            }
            if (our == null) {
                differ(Group.UNDESCRIBED, Difference.NOWHERE, their.pointer(), "Auth0 documents a request body");
                return;
            }
            boolean ourRequired = Boolean.TRUE.equals(our.value().getRequired());
            boolean theirRequired = Boolean.TRUE.equals(their.value().getRequired());
            if (ourRequired != theirRequired) {
                // Auth0 requiring a body we may leave out breaks us; Auth0 accepting none is what we do not describe.
                differ(theirRequired ? Group.CHANGED : Group.UNDESCRIBED, Pointers.child(our.pointer(), "required"),
                        Pointers.child(their.pointer(), "required"), theirRequired
                                ? "Auth0 now requires a request body (required: false -> true)"
                                : "Auth0 also accepts a request without a body (required: true -> false)");
            }
            compareContent(our.value().getContent(), Pointers.child(our.pointer(), "content"),
                    their.value().getContent(), Pointers.child(their.pointer(), "content"), "request body");
        }

        private void compareResponses() {
            ApiResponses ourResponses = orEmpty(ourOperation.getResponses());
            ApiResponses theirResponses = orEmpty(upstreamOperation.getResponses());
            ourResponses.forEach((status, response) -> {
                String ourAt = Pointers.child(ourPointer, "responses", status);
                Located<ApiResponse> our = resolve(ours, response, ourAt, ApiResponse::get$ref,
                        Components::getResponses, "responses");
                ApiResponse theirs = theirResponses.get(status);
                if (theirs == null) {
                    differ(Group.CHANGED, ourAt, Difference.NOWHERE, "Auth0 no longer documents status " + status);
                    return;
                }
                Located<ApiResponse> their = resolve(upstream, theirs,
                        Pointers.child(upstreamPointer, "responses", status), ApiResponse::get$ref,
                        Components::getResponses, "responses");
                if (our == null || their == null) {
                    return;
                }
                compareResponse(status, our, their);
            });
            theirResponses.forEach((status, response) -> {
                if (!ourResponses.containsKey(status)) {
                    differ(Group.UNDESCRIBED, Difference.NOWHERE,
                            Pointers.child(upstreamPointer, "responses", status),
                            "Auth0 documents status " + status + ", which we do not");
                }
            });
        }

        private void compareResponse(String status, Located<ApiResponse> our, Located<ApiResponse> their) {
            String body = "status " + status + " body";
            boolean theirsHasBody = their.value().getContent() != null && !their.value().getContent().isEmpty();
            boolean oursHasBody = our.value().getContent() != null && !our.value().getContent().isEmpty();
            if (oursHasBody && !theirsHasBody && !status.startsWith("2")) {
                skip(Pointers.child(our.pointer(), "content"),
                        "Auth0 documents no body for status " + status + " (its document defines no error body)");
            } else {
                compareContent(our.value().getContent(), Pointers.child(our.pointer(), "content"),
                        their.value().getContent(), Pointers.child(their.pointer(), "content"), body);
            }
            compareHeaders(status, our, their);
        }

        private void compareHeaders(String status, Located<ApiResponse> our, Located<ApiResponse> their) {
            Map<String, Header> ourHeaders = lowerCaseKeys(our.value().getHeaders());
            Map<String, Header> theirHeaders = lowerCaseKeys(their.value().getHeaders());
            if (theirHeaders.isEmpty()) {
                if (!ourHeaders.isEmpty()) {
                    skip(Pointers.child(our.pointer(), "headers"),
                            "Auth0 documents no response headers for status " + status);
                }
                return;
            }
            ourHeaders.forEach((name, header) -> {
                Located<Header> ourHeader = resolve(ours, header, Pointers.child(our.pointer(), "headers", name),
                        Header::get$ref, Components::getHeaders, "headers");
                Header theirs = theirHeaders.get(name);
                if (theirs == null) {
                    differ(Group.CHANGED, ourHeader == null ? our.pointer() : ourHeader.pointer(), Difference.NOWHERE,
                            "Auth0 no longer documents response header `" + name + "` on status " + status);
                    return;
                }
                Located<Header> theirHeader = resolve(upstream, theirs,
                        Pointers.child(their.pointer(), "headers", name), Header::get$ref,
                        Components::getHeaders, "headers");
                if (ourHeader == null || theirHeader == null) {
                    return;
                }
                schemas.compare(ourHeader.value().getSchema(), Pointers.child(ourHeader.pointer(), "schema"),
                        theirHeader.value().getSchema(), Pointers.child(theirHeader.pointer(), "schema"));
            });
            theirHeaders.keySet().forEach(name -> {
                if (!ourHeaders.containsKey(name)) {
                    differ(Group.UNDESCRIBED, Difference.NOWHERE, Pointers.child(their.pointer(), "headers", name),
                            "Auth0 documents response header `" + name + "` on status " + status);
                }
            });
        }

        /** Compares the JSON media types of two bodies; Auth0's other media types are listed as not compared. */
        private void compareContent(Content our, String ourAt, Content their, String theirAt, String what) {
            Map<String, MediaType> ourMedia = json(our);
            Map<String, MediaType> theirMedia = json(their);
            ourMedia.forEach((type, media) -> {
                MediaType theirs = theirMedia.get(type);
                if (theirs == null) {
                    differ(Group.CHANGED, Pointers.child(ourAt, type), Difference.NOWHERE,
                            "Auth0 documents no " + type + " " + what);
                    return;
                }
                schemas.compare(media.getSchema(), Pointers.child(ourAt, type, "schema"),
                        theirs.getSchema(), Pointers.child(theirAt, type, "schema"));
            });
            theirMedia.keySet().forEach(type -> {
                if (!ourMedia.containsKey(type)) {
                    differ(Group.UNDESCRIBED, Difference.NOWHERE, Pointers.child(theirAt, type),
                            "Auth0 documents a " + type + " " + what);
                }
            });
            if (their != null) {
                their.keySet().stream().filter(type -> !isJson(type)).forEach(type -> skip(
                        Pointers.child(theirAt, type), "Auth0 also documents a " + type + " " + what
                                + "; only JSON, which the client sends and reads, is compared"));
            }
        }

        private void compareSecurity() {
            Set<String> our = alternatives(ourOperation.getSecurity() != null ? ourOperation.getSecurity()
                    : ours.getSecurity());
            Set<String> their = alternatives(upstreamOperation.getSecurity() != null
                    ? upstreamOperation.getSecurity() : upstream.getSecurity());
            for (String alternative : our) {
                if (!their.contains(alternative)) {
                    differ(Group.CHANGED, Pointers.child(ourPointer, "security"),
                            Pointers.child(upstreamPointer, "security"),
                            "Auth0 no longer accepts " + alternative + " (it accepts " + describe(their) + ")");
                }
            }
            for (String alternative : their) {
                if (!our.contains(alternative)) {
                    differ(Group.UNDESCRIBED, Pointers.child(ourPointer, "security"),
                            Pointers.child(upstreamPointer, "security"),
                            "Auth0 accepts " + alternative + ", which we do not describe");
                }
            }
        }
    }

    /** Each security alternative as one line: its schemes, each with its scopes sorted. */
    private static Set<String> alternatives(List<SecurityRequirement> requirements) {
        Set<String> alternatives = new TreeSet<>();
        if (requirements == null) {
            return alternatives;
        }
        for (SecurityRequirement requirement : requirements) {
            List<String> schemes = new ArrayList<>();
            new TreeSet<>(requirement.keySet()).forEach(scheme -> {
                List<String> scopes = requirement.get(scheme);
                schemes.add("`" + scheme + "`" + (scopes == null || scopes.isEmpty() ? ""
                        : " with scopes " + new TreeSet<>(scopes)));
            });
            alternatives.add(schemes.isEmpty() ? "no authentication" : String.join(" and ", schemes));
        }
        return alternatives;
    }

    private static String describe(Set<String> alternatives) {
        return alternatives.isEmpty() ? "nothing" : String.join(" or ", alternatives);
    }

    /** Path-item and operation parameters (the operation's win), keyed by location and name. */
    private static Map<String, Located<Parameter>> parameters(OpenAPI document, PathItem item, Operation operation,
            String operationPointer) {
        Map<String, Located<Parameter>> parameters = new LinkedHashMap<>();
        String itemPointer = operationPointer.substring(0, operationPointer.lastIndexOf('/'));
        addParameters(document, item.getParameters(), Pointers.child(itemPointer, "parameters"), parameters);
        addParameters(document, operation.getParameters(), Pointers.child(operationPointer, "parameters"),
                parameters);
        return parameters;
    }

    private static void addParameters(OpenAPI document, List<Parameter> list, String listPointer,
            Map<String, Located<Parameter>> into) {
        if (list == null) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            Located<Parameter> parameter = resolve(document, list.get(i), Pointers.child(listPointer,
                    Integer.toString(i)), Parameter::get$ref, Components::getParameters, "parameters");
            if (parameter != null && parameter.value().getName() != null) {
                String name = parameter.value().getName();
                String in = String.valueOf(parameter.value().getIn());
                into.put(in + ":" + ("header".equals(in) ? name.toLowerCase(Locale.ROOT) : name), parameter);
            }
        }
    }

    /**
     * Follows a component {@code $ref} ({@code #/components/<kind>/<name>}, chains included) through the
     * parser's components; {@code null} for a missing object or a reference that does not resolve.
     */
    private static <T> Located<T> resolve(OpenAPI document, T value, String pointer, Function<T, String> ref,
            Function<Components, Map<String, T>> kind, String kindName) {
        T current = value;
        String at = pointer;
        for (int hops = 0; current != null && ref.apply(current) != null && hops < 32; hops++) {
            String reference = ref.apply(current);
            String prefix = "#/components/" + kindName + "/";
            Map<String, T> components = document.getComponents() == null ? null
                    : kind.apply(document.getComponents());
            if (!reference.startsWith(prefix) || components == null) {
                return null;
            }
            String name = reference.substring(prefix.length());
            current = components.get(name);
            at = Pointers.child("#/components/" + kindName, name);
        }
        return current == null ? null : new Located<>(current, at);
    }

    private static Map<String, MediaType> json(Content content) {
        Map<String, MediaType> json = new LinkedHashMap<>();
        if (content != null) {
            content.forEach((type, media) -> {
                if (isJson(type)) {
                    json.put(type.toLowerCase(Locale.ROOT), media);
                }
            });
        }
        return json;
    }

    private static boolean isJson(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        return type.equals(JSON) || type.startsWith(JSON + ";") || type.matches("application/[^;]*\\+json.*");
    }

    private static Map<String, Header> lowerCaseKeys(Map<String, Header> headers) {
        Map<String, Header> lowerCase = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, header) -> lowerCase.put(name.toLowerCase(Locale.ROOT), header));
        }
        return lowerCase;
    }

    private static ApiResponses orEmpty(ApiResponses responses) {
        return responses == null ? new ApiResponses() : responses;
    }

    /** A value and the JSON pointer where it is defined (after following its references). */
    record Located<T>(T value, String pointer) {
    }

    /**
     * What one comparison found.
     *
     * @param differences every difference, once each, in the order found
     * @param notCompared the parts of our spec Auth0's document is silent about
     * @param operationsCompared how many of our operations were found upstream and compared
     */
    record DriftResult(List<Difference> differences, List<NotCompared> notCompared, int operationsCompared) {

        boolean drifted() {
            return !differences.isEmpty();
        }

        List<Difference> in(Group group) {
            return differences.stream().filter(difference -> difference.group() == group).toList();
        }

        Set<String> operations() {
            Set<String> operations = new LinkedHashSet<>();
            differences.forEach(difference -> operations.addAll(difference.operations()));
            return operations;
        }
    }
}
