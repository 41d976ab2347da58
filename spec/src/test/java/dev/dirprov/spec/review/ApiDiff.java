package dev.dirprov.spec.review;

import static dev.dirprov.spec.review.OpenApiTree.child;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changed between two versions of the spec, change by change: where (a JSON pointer), in which
 * operations, on which side of the wire, before and after, and whether it breaks the dirprov client or other
 * consumers.
 *
 * <pre>{@code
 * for (ApiDiff.Change change : ApiDiff.between(baseline, current)) {
 *     System.out.println(change.kind() + " " + change.subject() + " " + change.change());
 * }
 * }</pre>
 *
 * <p>Operations are matched by method and path with parameter names ignored, as on the wire: renaming
 * {@code {id}} is not a new path. A schema reached from several operations is reported once per side, with
 * every operation that reaches it.
 */
final class ApiDiff {

    /** How a change affects consumers. */
    enum Kind {
        /** Breaks the dirprov client or other consumers built against the baseline. */
        BREAKING,
        /** Compatible for the dirprov client; other consumers may have to act. */
        NOTE,
        /** Compatible for every consumer. */
        COMPATIBLE
    }

    /** Which way the changed part travels. */
    enum Side {
        REQUEST("request"), RESPONSE("response"), OPERATION("operation");

        final String label;

        Side(String label) {
            this.label = label;
        }
    }

    /**
     * One change.
     *
     * @param kind how it affects consumers
     * @param location JSON pointer of the changed part: in the current spec, or in the baseline when the part was removed
     * @param inBaseline whether {@code location} points into the baseline (the part is gone from the current spec)
     * @param side which way the part travels
     * @param operations the operationIds that reach the part
     * @param subject the part, as a reviewer names it: {@code mapping[].idp}, {@code response 429}
     * @param change before → after: {@code maxLength: none → 64}, {@code enum: -selected}
     * @param forDirprov what it means for the dirprov client
     * @param forOthers what it means for other consumers of the API
     */
    record Change(Kind kind, String location, boolean inBaseline, Side side, Set<String> operations, String subject,
            String change, String forDirprov, String forOthers) {
    }

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[^{}]*}");

    /** Keywords that bound a value; tightening a bound on a request rejects what used to pass. */
    private enum Bound {
        MAX_LENGTH("maxLength", true, "a longer value"), MIN_LENGTH("minLength", false, "a shorter value"),
        MAX_ITEMS("maxItems", true, "more items"), MIN_ITEMS("minItems", false, "fewer items"),
        MAXIMUM("maximum", true, "a greater value"), MINIMUM("minimum", false, "a smaller value");

        final String keyword;
        final boolean upper;
        final String beyond;

        Bound(String keyword, boolean upper, String beyond) {
            this.keyword = keyword;
            this.upper = upper;
            this.beyond = beyond;
        }

        /** Whether {@code after} admits fewer values than {@code before}; a missing bound is unbounded. */
        boolean tightened(JsonNode before, JsonNode after) {
            if (after.isMissingNode()) {
                return false;
            }
            if (before.isMissingNode()) {
                return upper || after.asDouble() > 0;
            }
            return upper ? after.asDouble() < before.asDouble() : after.asDouble() > before.asDouble();
        }
    }

    private final OpenApiTree baseline;
    private final OpenApiTree current;
    private final Map<String, Change> changes = new LinkedHashMap<>();

    private ApiDiff(OpenApiTree baseline, OpenApiTree current) {
        this.baseline = baseline;
        this.current = current;
    }

    /** Every change from {@code baseline} to {@code current}, breaking ones first. */
    static List<Change> between(OpenApiTree baseline, OpenApiTree current) {
        ApiDiff diff = new ApiDiff(baseline, current);
        Map<String, OpenApiTree.Operation> currentOperations = new HashMap<>();
        current.operations().forEach(operation -> currentOperations.put(wireKey(operation), operation));
        Set<String> matched = new HashSet<>();
        for (OpenApiTree.Operation before : baseline.operations()) {
            OpenApiTree.Operation after = currentOperations.get(wireKey(before));
            if (after == null) {
                diff.add(Kind.BREAKING, before.location(), true, Side.OPERATION, name(before), before.title(),
                        "operation: removed", "the generated method disappears; code that calls it no longer compiles",
                        "calls to it fail");
            } else {
                matched.add(wireKey(after));
                diff.compareOperation(before, after);
            }
        }
        for (OpenApiTree.Operation added : current.operations()) {
            if (!matched.contains(wireKey(added))) {
                diff.add(Kind.COMPATIBLE, added.location(), false, Side.OPERATION, name(added), added.title(),
                        "operation: added", "a new generated method", "nothing to do");
            }
        }
        List<Change> sorted = new ArrayList<>(diff.changes.values());
        sorted.sort((a, b) -> a.kind().compareTo(b.kind()));
        return List.copyOf(sorted);
    }

    private static String wireKey(OpenApiTree.Operation operation) {
        return operation.method() + " " + PATH_PARAMETER.matcher(operation.path()).replaceAll("{}");
    }

    private static String name(OpenApiTree.Operation operation) {
        return operation.node().path("operationId").asText(operation.title());
    }

    private void compareOperation(OpenApiTree.Operation before, OpenApiTree.Operation after) {
        String operation = name(after);
        String oldId = before.node().path("operationId").asText("");
        String newId = after.node().path("operationId").asText("");
        if (!oldId.equals(newId)) {
            add(Kind.BREAKING, child(after.location(), "operationId"), false, Side.OPERATION, operation,
                    after.title(), "operationId: " + show(oldId) + " → " + show(newId),
                    "the generated method is renamed; code that calls " + show(oldId) + " no longer compiles",
                    "generated clients rename the method too");
        }
        compareParameters(before, after, operation);
        compareRequestBody(before, after, operation);
        compareResponses(before, after, operation);
    }

    // ----- parameters

    private record Parameter(String location, JsonNode node) {
        String in() {
            return node.path("in").asText();
        }

        String name() {
            return node.path("name").asText();
        }
    }

    /** The parameters in effect for an operation, keyed as on the wire (a path parameter by its place). */
    private static Map<String, Parameter> parameters(OpenApiTree spec, OpenApiTree.Operation operation) {
        List<String> pathNames = new ArrayList<>();
        Matcher names = PATH_PARAMETER.matcher(operation.path());
        while (names.find()) {
            pathNames.add(names.group().substring(1, names.group().length() - 1));
        }
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        for (String owner : List.of(operation.pathLocation(), operation.location())) {
            JsonNode list = spec.at(owner).path("parameters");
            for (int i = 0; i < list.size(); i++) {
                String at = spec.resolvedLocation(child(child(owner, "parameters"), i), list.get(i));
                Parameter parameter = new Parameter(at, spec.at(at));
                String key = "path".equals(parameter.in()) && pathNames.contains(parameter.name())
                        ? "path #" + pathNames.indexOf(parameter.name())
                        : parameter.in() + " " + parameter.name();
                parameters.put(key, parameter);
            }
        }
        return parameters;
    }

    private void compareParameters(OpenApiTree.Operation before, OpenApiTree.Operation after, String operation) {
        Map<String, Parameter> oldParameters = parameters(baseline, before);
        Map<String, Parameter> newParameters = parameters(current, after);
        oldParameters.forEach((key, old) -> {
            Parameter now = newParameters.get(key);
            String subject = old.in() + " parameter " + old.name();
            if (now == null) {
                add(Kind.BREAKING, old.location(), true, Side.REQUEST, operation, subject, "parameter: removed",
                        "the generated method loses the argument; code that passes it no longer compiles",
                        "requests that send it may be rejected");
                return;
            }
            if (!old.name().equals(now.name())) {
                add(Kind.COMPATIBLE, child(now.location(), "name"), false, Side.REQUEST, operation, subject,
                        "name: " + old.name() + " → " + now.name(),
                        "no change on the wire; only the generated argument's name changes",
                        "no change on the wire");
            }
            if (!old.node().path("required").asBoolean(false) && now.node().path("required").asBoolean(false)) {
                add(Kind.BREAKING, child(now.location(), "required"), false, Side.REQUEST, operation, subject,
                        "required: false → true", "calls that leave it out are now rejected",
                        "requests without it are now rejected");
            }
            compareSchemas(child(old.location(), "schema"), child(now.location(), "schema"), Side.REQUEST,
                    operation, subject, new HashSet<>());
        });
        newParameters.forEach((key, now) -> {
            if (!oldParameters.containsKey(key)) {
                boolean required = now.node().path("required").asBoolean(false);
                add(required ? Kind.BREAKING : Kind.COMPATIBLE, now.location(), false, Side.REQUEST, operation,
                        now.in() + " parameter " + now.name(),
                        (required ? "required" : "optional") + " parameter: added",
                        required ? "the generated method gains an argument; existing calls no longer compile"
                                : "the generated method gains an optional argument",
                        required ? "requests without it are rejected" : "nothing to do");
            }
        });
    }

    // ----- bodies

    private void compareRequestBody(OpenApiTree.Operation before, OpenApiTree.Operation after, String operation) {
        String oldAt = baseline.resolvedLocation(child(before.location(), "requestBody"),
                baseline.at(child(before.location(), "requestBody")));
        String newAt = current.resolvedLocation(child(after.location(), "requestBody"),
                current.at(child(after.location(), "requestBody")));
        JsonNode oldBody = baseline.at(oldAt);
        JsonNode newBody = current.at(newAt);
        if (!oldBody.path("required").asBoolean(false) && newBody.path("required").asBoolean(false)) {
            add(Kind.BREAKING, child(newAt, "required"), false, Side.REQUEST, operation, "request body",
                    "required: false → true", "calls without a body are now rejected",
                    "requests without a body are now rejected");
        } else if (oldBody.path("required").asBoolean(false) && !newBody.path("required").asBoolean(false)
                && !newBody.isMissingNode()) {
            add(Kind.COMPATIBLE, child(newAt, "required"), false, Side.REQUEST, operation, "request body",
                    "required: true → false", "the generated method still takes and sends a body",
                    "requests may now leave the body out; requests that send one are unaffected");
        }
        compareContent(oldAt, newAt, Side.REQUEST, operation, "request body");
    }

    private void compareResponses(OpenApiTree.Operation before, OpenApiTree.Operation after, String operation) {
        JsonNode newResponses = after.node().path("responses");
        before.node().path("responses").fieldNames().forEachRemaining(code -> {
            String oldAt = child(child(before.location(), "responses"), code);
            String subject = "response " + code;
            if (!newResponses.has(code)) {
                add(Kind.BREAKING, oldAt, true, Side.RESPONSE, operation, subject, "status " + code + ": removed",
                        "still mapped to its exception if it happens, but callers lose the documented outcome"
                                + " they handle",
                        "clients generated per status lose the response type; handling written for it is left"
                                + " undocumented");
                return;
            }
            String oldResolved = baseline.resolvedLocation(oldAt, baseline.at(oldAt));
            String newAt = child(child(after.location(), "responses"), code);
            String newResolved = current.resolvedLocation(newAt, current.at(newAt));
            JsonNode newHeaders = current.at(newResolved).path("headers");
            baseline.at(oldResolved).path("headers").fieldNames().forEachRemaining(header -> {
                if (!newHeaders.has(header)) {
                    add(Kind.BREAKING, child(child(oldResolved, "headers"), header), true, Side.RESPONSE, operation,
                            subject + " header " + header, "header: removed",
                            "code that reads the header gets nothing", "consumers that read the header get nothing");
                }
            });
            compareContent(oldResolved, newResolved, Side.RESPONSE, operation, subject);
        });
        after.node().path("responses").fieldNames().forEachRemaining(code -> {
            if (!before.node().path("responses").has(code)) {
                add(Kind.COMPATIBLE, child(child(after.location(), "responses"), code), false, Side.RESPONSE,
                        operation, "response " + code, "status " + code + ": added",
                        "mapped to its exception like any other status", "a newly documented outcome to handle");
            }
        });
    }

    private void compareContent(String oldAt, String newAt, Side side, String operation, String subject) {
        JsonNode newContent = current.at(newAt).path("content");
        baseline.at(oldAt).path("content").fieldNames().forEachRemaining(mediaType -> {
            String oldMedia = child(child(oldAt, "content"), mediaType);
            if (!newContent.has(mediaType)) {
                add(Kind.BREAKING, oldMedia, true, side, operation, subject, "media type " + mediaType + ": removed",
                        "the client can no longer " + (side == Side.REQUEST ? "send" : "read") + " it",
                        "consumers using " + mediaType + " break");
                return;
            }
            compareSchemas(child(oldMedia, "schema"), child(child(child(newAt, "content"), mediaType), "schema"),
                    side, operation, "", new HashSet<>());
        });
    }

    // ----- schemas

    private void compareSchemas(String oldAt, String newAt, Side side, String operation, String field,
            Set<String> visited) {
        String oldResolved = baseline.resolvedLocation(oldAt, baseline.at(oldAt));
        String newResolved = current.resolvedLocation(newAt, current.at(newAt));
        JsonNode before = baseline.at(oldResolved);
        JsonNode after = current.at(newResolved);
        if (!before.isObject() || !after.isObject() || !visited.add(oldResolved + " -> " + newResolved)) {
            return;
        }
        String subject = field.isEmpty() ? (side == Side.REQUEST ? "request body" : "response body") : field;
        SchemaChange at = new SchemaChange(newResolved, side, operation, subject);

        compareType(at, before, after);
        compareEnum(at, before, after);
        for (Bound bound : Bound.values()) {
            compareBound(at, bound, before.path(bound.keyword), after.path(bound.keyword));
        }
        comparePattern(at, before, after);
        compareNullable(at, before, after);
        if (!before.path("description").equals(after.path("description"))) {
            at.add(Kind.COMPATIBLE, "description", "description: " + (before.has("description")
                    ? (after.has("description") ? "changed" : "removed") : "added"),
                    "documentation only", "documentation only");
        }
        compareProperties(at, oldResolved, newResolved, before, after, visited);
        if (before.has("items") && after.has("items")) {
            compareSchemas(child(oldResolved, "items"), child(newResolved, "items"), side, operation,
                    (field.isEmpty() ? "" : field) + "[]", visited);
        }
    }

    /** Where a schema change is reported: the schema's location in the current spec and how it is reached. */
    private final class SchemaChange {
        final String location;
        final Side side;
        final String operation;
        final String subject;

        SchemaChange(String location, Side side, String operation, String subject) {
            this.location = location;
            this.side = side;
            this.operation = operation;
            this.subject = subject;
        }

        /** Reports at the keyword when the current schema has it, else at the schema. */
        void add(Kind kind, String keyword, String change, String forDirprov, String forOthers) {
            String at = current.at(child(location, keyword)).isMissingNode() ? location : child(location, keyword);
            ApiDiff.this.add(kind, at, false, side, operation, subject, change, forDirprov, forOthers);
        }
    }

    private void compareType(SchemaChange at, JsonNode before, JsonNode after) {
        String direction = at.side == Side.REQUEST ? "requests with the old type are rejected"
                : "a client built on the baseline fails to read the new value";
        for (String keyword : List.of("type", "format")) {
            if (!before.path(keyword).equals(after.path(keyword))) {
                at.add(Kind.BREAKING, keyword, keyword + ": " + text(before.path(keyword)) + " → "
                        + text(after.path(keyword)), "the generated field's Java type changes; code using it no"
                        + " longer compiles, and " + direction, direction);
            }
        }
    }

    private void compareEnum(SchemaChange at, JsonNode before, JsonNode after) {
        if (!before.has("enum") && !after.has("enum")) {
            return;
        }
        if (!after.has("enum")) {
            at.add(at.side == Side.REQUEST ? Kind.COMPATIBLE : Kind.NOTE, "enum", "enum: removed (any value)",
                    "the generated enum becomes a string", "any value may now " + (at.side == Side.REQUEST
                            ? "be sent" : "arrive"));
            return;
        }
        Set<String> oldValues = values(before.path("enum"));
        Set<String> newValues = values(after.path("enum"));
        if (!before.has("enum")) {
            at.add(at.side == Side.REQUEST ? Kind.BREAKING : Kind.COMPATIBLE, "enum", "enum: added "
                    + String.join(", ", newValues), "the field becomes a generated enum",
                    at.side == Side.REQUEST ? "requests with other values are rejected" : "nothing to do");
            return;
        }
        Set<String> removed = new LinkedHashSet<>(oldValues);
        removed.removeAll(newValues);
        Set<String> added = new LinkedHashSet<>(newValues);
        added.removeAll(oldValues);
        if (!removed.isEmpty()) {
            at.add(Kind.BREAKING, "enum", "enum: -" + String.join(" -", removed),
                    "the generated enum loses the constant; code that uses it no longer compiles"
                            + (at.side == Side.REQUEST ? ", and requests that send it are rejected" : ""),
                    at.side == Side.REQUEST ? "requests that send it are rejected" : "the value no longer arrives");
        }
        if (!added.isEmpty()) {
            if (at.side == Side.REQUEST) {
                at.add(Kind.COMPATIBLE, "enum", "enum: +" + String.join(" +", added),
                        "the client may send the new value once regenerated", "nothing to do");
            } else {
                at.add(Kind.NOTE, "enum", "enum: +" + String.join(" +", added),
                        "compatible: the generated client reads values it does not know as its unknown-default"
                                + " case (enumUnknownDefaultCase)",
                        "a consumer that validates responses or switches over every value meets one it does not"
                                + " know");
            }
        }
    }

    private void compareBound(SchemaChange at, Bound bound, JsonNode before, JsonNode after) {
        if (before.equals(after)) {
            return;
        }
        String change = bound.keyword + ": " + text(before) + " → " + text(after);
        boolean tightened = bound.tightened(before, after);
        if (at.side == Side.REQUEST) {
            if (tightened) {
                at.add(Kind.BREAKING, bound.keyword, change, "calls with " + bound.beyond
                        + " are now rejected by the server", "requests with " + bound.beyond + " are now rejected");
            } else {
                at.add(Kind.COMPATIBLE, bound.keyword, change, "more requests are accepted", "nothing to do");
            }
        } else if (tightened) {
            at.add(Kind.COMPATIBLE, bound.keyword, change, "nothing to do", "nothing to do");
        } else {
            at.add(Kind.NOTE, bound.keyword, change, "compatible: the generated model does not enforce bounds",
                    "responses with " + bound.beyond + " than before may arrive; storage or validation sized to"
                            + " the old bound must widen");
        }
    }

    private void comparePattern(SchemaChange at, JsonNode before, JsonNode after) {
        if (before.path("pattern").equals(after.path("pattern"))) {
            return;
        }
        String change = "pattern: " + text(before.path("pattern")) + " → " + text(after.path("pattern"));
        if (at.side == Side.REQUEST && after.has("pattern")) {
            at.add(Kind.BREAKING, "pattern", change, "calls with values that no longer match are rejected",
                    "requests with values that no longer match are rejected");
        } else if (at.side == Side.RESPONSE && before.has("pattern")) {
            at.add(Kind.NOTE, "pattern", change, "compatible: the generated model does not check patterns",
                    "values that did not match the old pattern may arrive");
        } else {
            at.add(Kind.COMPATIBLE, "pattern", change, "nothing to do", "nothing to do");
        }
    }

    private void compareNullable(SchemaChange at, JsonNode before, JsonNode after) {
        boolean was = before.path("nullable").asBoolean(false);
        boolean is = after.path("nullable").asBoolean(false);
        if (was == is) {
            return;
        }
        boolean breaks = at.side == Side.REQUEST ? was : is;
        at.add(breaks ? Kind.BREAKING : Kind.COMPATIBLE, "nullable", "nullable: " + was + " → " + is,
                breaks ? (at.side == Side.REQUEST ? "calls that send null are rejected"
                        : "the field may now be null where code expected a value") : "nothing to do",
                breaks ? (at.side == Side.REQUEST ? "requests that send null are rejected"
                        : "consumers may now read null") : "nothing to do");
    }

    private void compareProperties(SchemaChange at, String oldAt, String newAt, JsonNode before, JsonNode after,
            Set<String> visited) {
        String prefix = at.subject.endsWith(" body") ? "" : at.subject + ".";
        Set<String> oldRequired = values(before.path("required"));
        Set<String> newRequired = values(after.path("required"));
        before.path("properties").fieldNames().forEachRemaining(name -> {
            String field = prefix + name;
            String oldProperty = child(child(oldAt, "properties"), name);
            if (!after.path("properties").has(name)) {
                add(Kind.BREAKING, oldProperty, true, at.side, at.operation, field, "property: removed",
                        "its accessor disappears from the generated model; code that uses it no longer compiles",
                        at.side == Side.REQUEST ? "requests that still send it are rejected where unknown fields are"
                                : "consumers that read it get nothing");
                return;
            }
            compareSchemas(oldProperty, child(child(newAt, "properties"), name), at.side, at.operation, field,
                    visited);
        });
        after.path("properties").fieldNames().forEachRemaining(name -> {
            if (!before.path("properties").has(name)) {
                String location = child(child(newAt, "properties"), name);
                boolean required = newRequired.contains(name);
                if (at.side == Side.REQUEST && required) {
                    add(Kind.BREAKING, location, false, at.side, at.operation, prefix + name,
                            "required property: added", "calls without it are rejected; the generated model gains"
                                    + " a field existing code does not set", "requests without it are rejected");
                    return;
                }
                boolean strict = !before.path("additionalProperties").asBoolean(true);
                Kind kind = at.side == Side.RESPONSE && strict ? Kind.NOTE : Kind.COMPATIBLE;
                add(kind, location, false, at.side, at.operation, prefix + name,
                        (required ? "required" : "optional") + " property: added",
                        at.side == Side.REQUEST ? "the generated model gains a field"
                                : "compatible: the generated client ignores fields it does not know",
                        kind == Kind.NOTE ? "the baseline forbade other fields (additionalProperties: false):"
                                + " a consumer validating responses against it rejects the new field"
                                : "nothing to do");
            }
        });
        for (String name : newRequired) {
            if (!oldRequired.contains(name) && before.path("properties").has(name)) {
                requiredChanged(at, name, prefix + name, true);
            }
        }
        for (String name : oldRequired) {
            if (!newRequired.contains(name) && after.path("properties").has(name)) {
                requiredChanged(at, name, prefix + name, false);
            }
        }
    }

    private void requiredChanged(SchemaChange at, String name, String field, boolean nowRequired) {
        boolean breaks = nowRequired == (at.side == Side.REQUEST);
        String change = "required: " + (nowRequired ? "+" : "-") + name;
        String forDirprov;
        String forOthers;
        if (!breaks) {
            forDirprov = "nothing to do";
            forOthers = "nothing to do";
        } else if (nowRequired) {
            forDirprov = "calls that leave " + name + " out are now rejected; the generated model does not force it";
            forOthers = "requests without " + name + " are now rejected";
        } else {
            forDirprov = "the generated getter may now return null where code expected a value";
            forOthers = "the field may now be absent";
        }
        ApiDiff.this.add(breaks ? Kind.BREAKING : Kind.COMPATIBLE, child(at.location, "required"), false, at.side,
                at.operation, field, change, forDirprov, forOthers);
    }

    // ----- helpers

    private void add(Kind kind, String location, boolean inBaseline, Side side, String operation, String subject,
            String change, String forDirprov, String forOthers) {
        String key = kind + " " + location + " " + side + " " + change;
        Change existing = changes.get(key);
        Set<String> operations = new LinkedHashSet<>();
        if (existing != null) {
            operations.addAll(existing.operations());
        }
        operations.add(operation);
        changes.put(key, new Change(kind, location, inBaseline, side, Collections.unmodifiableSet(operations),
                existing != null ? existing.subject() : subject, change, forDirprov, forOthers));
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static String text(JsonNode value) {
        return value.isMissingNode() ? "none" : value.isTextual() ? value.asText() : value.toString();
    }

    private static String show(String value) {
        return value.isEmpty() ? "none" : value;
    }
}
