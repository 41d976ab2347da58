package dev.dirprov.spec.review;

import static dev.dirprov.spec.review.OpenApiTree.child;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The breaking changes openapi-diff-core 2.1.7 does not report, checked body by body for every operation and
 * media type the baseline and the current spec share.
 *
 * <ul>
 *   <li>{@code property-removed}: a property of a request or response body is gone. openapi-diff calls this
 *       compatible unless the property was required, but the generated model loses its accessor, so code
 *       that used it no longer compiles; and a server that rejects unknown fields now rejects the old request.
 *   <li>{@code array-bounds-tightened}: a request array gained a {@code maxItems}, or its {@code minItems}
 *       rose or its {@code maxItems} fell. openapi-diff misses a newly added {@code maxItems}.
 * </ul>
 *
 * <pre>{@code
 * List<Finding> breaking = SchemaCompatibility.breakingChanges(baseline, current);
 * }</pre>
 */
final class SchemaCompatibility {

    private enum Direction { REQUEST, RESPONSE }

    private final OpenApiTree baseline;
    private final OpenApiTree current;
    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();

    private SchemaCompatibility(OpenApiTree baseline, OpenApiTree current) {
        this.baseline = baseline;
        this.current = current;
    }

    static List<Finding> breakingChanges(OpenApiTree baseline, OpenApiTree current) {
        SchemaCompatibility check = new SchemaCompatibility(baseline, current);
        for (OpenApiTree.Operation operation : baseline.operations()) {
            if (current.at(operation.location()).isObject()) {
                check.compareOperation(operation);
            }
        }
        return List.copyOf(check.findings);
    }

    private void compareOperation(OpenApiTree.Operation operation) {
        compareContent(child(operation.location(), "requestBody"), Direction.REQUEST,
                operation.title() + " request body");
        baseline.at(operation.location()).path("responses").fieldNames().forEachRemaining(code -> compareContent(
                child(child(operation.location(), "responses"), code), Direction.RESPONSE,
                operation.title() + " response " + code));
    }

    private void compareContent(String at, Direction direction, String context) {
        String oldAt = baseline.resolvedLocation(at, baseline.at(at));
        String newAt = current.resolvedLocation(at, current.at(at));
        baseline.at(oldAt).path("content").fieldNames().forEachRemaining(mediaType -> {
            String oldSchema = child(child(child(oldAt, "content"), mediaType), "schema");
            String newSchema = child(child(child(newAt, "content"), mediaType), "schema");
            if (baseline.at(oldSchema).isObject() && current.at(newSchema).isObject()) {
                compareSchemas(oldSchema, newSchema, direction, context + " (" + mediaType + ")", new HashSet<>());
            }
        });
    }

    private void compareSchemas(String oldAt, String newAt, Direction direction, String context,
            Set<String> visited) {
        String oldResolved = baseline.resolvedLocation(oldAt, baseline.at(oldAt));
        String newResolved = current.resolvedLocation(newAt, current.at(newAt));
        if (!visited.add(oldResolved + " -> " + newResolved)) {
            return;
        }
        JsonNode oldSchema = baseline.at(oldResolved);
        JsonNode newSchema = current.at(newResolved);

        oldSchema.path("properties").fieldNames().forEachRemaining(name -> {
            String oldProperty = child(child(oldResolved, "properties"), name);
            if (!newSchema.path("properties").has(name)) {
                report(oldProperty, direction, "property-removed", "property '" + name
                        + "' was removed from the " + context + "; its accessor disappears from the generated model");
            } else {
                compareSchemas(oldProperty, child(child(newResolved, "properties"), name), direction, context,
                        visited);
            }
        });
        if (oldSchema.has("items") && newSchema.has("items")) {
            compareSchemas(child(oldResolved, "items"), child(newResolved, "items"), direction, context, visited);
        }
        if (direction == Direction.REQUEST && "array".equals(newSchema.path("type").asText())) {
            compareArrayBounds(oldResolved, oldSchema, newSchema, context);
        }
    }

    private void compareArrayBounds(String at, JsonNode oldSchema, JsonNode newSchema, String context) {
        long oldMin = oldSchema.path("minItems").asLong(0);
        long newMin = newSchema.path("minItems").asLong(0);
        if (newMin > oldMin) {
            report(at, Direction.REQUEST, "array-bounds-tightened", "minItems rose from " + oldMin + " to " + newMin
                    + " in the " + context + "; requests with fewer items are now rejected");
        }
        if (newSchema.has("maxItems")
                && (!oldSchema.has("maxItems") || newSchema.get("maxItems").asLong() < oldSchema.get("maxItems").asLong())) {
            report(at, Direction.REQUEST, "array-bounds-tightened", "maxItems "
                    + (oldSchema.has("maxItems") ? "fell from " + oldSchema.get("maxItems").asLong() : "was added")
                    + " to " + newSchema.get("maxItems").asLong() + " in the " + context
                    + "; requests with more items are now rejected");
        }
    }

    /** A shared schema is reached from many bodies: each change is reported once per direction. */
    private void report(String at, Direction direction, String rule, String message) {
        if (reported.add(rule + " " + direction + " " + at)) {
            findings.add(new Finding(at, rule, message));
        }
    }
}
