package dev.dirprov.spec.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The review gates on pull requests a team really sends: each row applies one edit to a copy of the real spec
 * and states what a reviewer expects from the build: the gate's verdict, the change it must name, the lint
 * rules the edit makes fire (none, for most; findings the release already had, say under a rule added since,
 * are not the edit's), and for a breaking change that both documented ways of accepting it let it through.
 *
 * <p>The real spec here is the last release's, {@code spec/baseline/openapi.yaml}, not the spec under review:
 * a pull request must meet the gates alone, and an edit of {@code spec/openapi.yaml} (removing the last enum
 * value no example uses, say) must never turn one of these rows red. The baseline changes only at a release.
 * The edits find what they change by meaning (the operation by its operationId, a field by its name or role),
 * never by position; when a release's spec no longer offers what an edit needs, its row fails with
 * {@link EditNoLongerApplies}, naming the pull request and what is missing.
 */
class RealisticPullRequestsTest {

    private static final String UPDATE = "updateDirectoryProvisioning";

    /**
     * One pull request and what the review must say about it.
     *
     * @param title the pull request, as titled
     * @param verdict the gate's verdict without any acknowledgement
     * @param change the before → after the gate must list (its start is enough)
     * @param lintRules exactly the lint rules that must fire
     * @param edit the pull request's change to the spec
     */
    record PullRequest(String title, ApiChangeGate.Verdict verdict, String change, Set<String> lintRules,
            Consumer<ObjectNode> edit) {
        @Override
        public String toString() {
            return title;
        }
    }

    /** The edit's target is gone from the spec: rewrite the pull request against the current spec. */
    static final class EditNoLongerApplies extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        EditNoLongerApplies(String why) {
            super(why);
        }
    }

    static Stream<PullRequest> pullRequests() {
        ApiChangeGate.Verdict compatible = ApiChangeGate.Verdict.COMPATIBLE;
        ApiChangeGate.Verdict breaking = ApiChangeGate.Verdict.BREAKING;
        return Stream.of(
                new PullRequest("a new optional response field", compatible, "optional property: added", Set.of(),
                        spec -> properties(spec, responseSchema(spec, UPDATE, "200")).putObject("last_synchronization_id")
                                .put("type", "string").put("description", "The id of the last synchronization.")),
                new PullRequest("an enum value removed", breaking, "enum: -", Set.of(),
                        spec -> {
                            ArrayNode values = enumValues(spec, property(spec, requestSchema(spec, UPDATE),
                                    "synchronize_groups"));
                            values.remove(lastIndexNotIn(values, valuesInExamples(spec)));
                        }),
                new PullRequest("an enum value added", compatible, "enum: +", Set.of(),
                        spec -> enumValues(spec, property(spec, requestSchema(spec, UPDATE), "synchronize_groups"))
                                .add("scheduled")),
                new PullRequest("an optional request field made required", breaking, "required: +", Set.of(),
                        spec -> {
                            ObjectNode body = requestSchema(spec, UPDATE);
                            String field = optionalFieldEveryRequestExampleSends(spec, body);
                            (body.has("required") ? (ArrayNode) body.get("required") : body.putArray("required"))
                                    .add(field);
                        }),
                new PullRequest("an operationId renamed", breaking, "operationId: " + UPDATE + " → patchDirectoryProvisioning",
                        Set.of(), spec -> operation(spec, UPDATE).put("operationId", "patchDirectoryProvisioning")),
                new PullRequest("a response field retyped", breaking, "type: string → integer", Set.of("example-valid"),
                        spec -> {
                            ObjectNode body = responseSchema(spec, UPDATE, "200");
                            property(spec, body, requiredPlainString(spec, body)).put("type", "integer");
                        }),
                new PullRequest("a documented status dropped", breaking, "status 429: removed", Set.of(),
                        spec -> {
                            ObjectNode responses = (ObjectNode) operation(spec, UPDATE).path("responses");
                            if (responses.remove("429") == null) {
                                throw new EditNoLongerApplies(UPDATE + " documents no 429");
                            }
                        }),
                new PullRequest("a tightened maxLength", breaking, "maxLength: none → 64", Set.of(),
                        spec -> property(spec, items(spec, property(spec, requestSchema(spec, UPDATE), "mapping")), "idp")
                                .put("maxLength", 64)),
                new PullRequest("a tightened maxItems", breaking, "maxItems: none → 20", Set.of(),
                        spec -> property(spec, requestSchema(spec, UPDATE), "mapping").put("maxItems", 20)),
                new PullRequest("a path parameter renamed", compatible, "name: ", Set.of(),
                        spec -> renamePathParameter(spec, UPDATE)),
                new PullRequest("a missing description", compatible, "description: removed",
                        Set.of("property-description"), spec -> {
                            ObjectNode field = property(spec, responseSchema(spec, UPDATE, "200"), "strategy");
                            if (field.remove("description") == null) {
                                throw new EditNoLongerApplies("the response's strategy has no description to remove");
                            }
                        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pullRequests")
    void theReviewSaysWhatAReviewerExpects(PullRequest pullRequest) {
        OpenApiTree released = Specs.baseline();
        OpenApiTree edited = Specs.edited(released, spec -> apply(pullRequest, spec));

        ApiChangeGate.Outcome outcome = ApiChangeGate.evaluate(released, edited, false);
        SpecLinter linter = new SpecLinter(wireNamesOf(released));
        List<Finding> releasedFindings = linter.lint(released);
        List<Finding> findings = linter.lint(edited).stream().filter(finding -> !releasedFindings.contains(finding))
                .toList();

        assertThat(outcome.verdict()).as(outcome.summary()).isEqualTo(pullRequest.verdict());
        assertThat(outcome.changes()).as(outcome.summary())
                .anyMatch(change -> change.change().startsWith(pullRequest.change()));
        Set<String> rules = findings.stream().map(Finding::rule).collect(Collectors.toCollection(TreeSet::new));
        assertThat(rules).as(SpecLinter.describe(findings, edited))
                .containsExactlyInAnyOrderElementsOf(pullRequest.lintRules());
        if (pullRequest.verdict() == ApiChangeGate.Verdict.BREAKING) {
            assertThat(ApiChangeGate.evaluate(released, edited, true).verdict())
                    .isEqualTo(ApiChangeGate.Verdict.BREAKING_ACKNOWLEDGED);
            OpenApiTree nextMajor = Specs.edited(edited, spec -> ((ObjectNode) spec.get("info"))
                    .put("version", (ApiChangeGate.major(released.version()) + 1) + ".0.0"));
            assertThat(ApiChangeGate.evaluate(released, nextMajor, false).verdict())
                    .isEqualTo(ApiChangeGate.Verdict.BREAKING_WITH_NEW_MAJOR_VERSION);
        }
    }

    /**
     * The documented camelCase exceptions that apply to the released spec: one added for the spec under review
     * names a property the release does not have yet.
     */
    private static Map<String, String> wireNamesOf(OpenApiTree released) {
        return SpecLinter.AUTH0_WIRE_NAMES.entrySet().stream()
                .filter(entry -> !released.at(entry.getKey()).isMissingNode())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static void apply(PullRequest pullRequest, ObjectNode spec) {
        try {
            pullRequest.edit().accept(spec);
        } catch (EditNoLongerApplies e) {
            throw new EditNoLongerApplies("the pull request '" + pullRequest.title() + "' no longer applies to "
                    + Specs.displayName(Specs.baselineFile()) + ": " + e.getMessage() + "; rewrite it in "
                    + RealisticPullRequestsTest.class.getSimpleName() + " against the released spec");
        }
    }

    // ----- finding things by meaning

    private static ObjectNode operation(ObjectNode spec, String operationId) {
        for (JsonNode pathItem : spec.path("paths")) {
            for (String method : OpenApiTree.HTTP_METHODS) {
                if (operationId.equals(pathItem.path(method).path("operationId").asText())) {
                    return (ObjectNode) pathItem.get(method);
                }
            }
        }
        throw new EditNoLongerApplies("no operation has operationId " + operationId);
    }

    /** The node a {@code $ref} points at, or the node itself. */
    private static ObjectNode resolve(ObjectNode spec, JsonNode node, String what) {
        JsonNode target = node;
        for (int hops = 0; target.isObject() && target.has("$ref") && hops < 10; hops++) {
            target = spec.at(target.get("$ref").asText().substring(1));
        }
        if (!target.isObject()) {
            throw new EditNoLongerApplies("no " + what);
        }
        return (ObjectNode) target;
    }

    private static ObjectNode requestSchema(ObjectNode spec, String operationId) {
        JsonNode body = resolve(spec, operation(spec, operationId).path("requestBody"), operationId + " request body");
        return resolve(spec, body.path("content").path("application/json").path("schema"),
                operationId + " JSON request schema");
    }

    private static ObjectNode responseSchema(ObjectNode spec, String operationId, String status) {
        JsonNode response = resolve(spec, operation(spec, operationId).path("responses").path(status),
                operationId + " response " + status);
        return resolve(spec, response.path("content").path("application/json").path("schema"),
                operationId + " JSON schema of response " + status);
    }

    private static ObjectNode properties(ObjectNode spec, ObjectNode schema) {
        if (!schema.path("properties").isObject()) {
            throw new EditNoLongerApplies("the schema has no properties");
        }
        return (ObjectNode) schema.get("properties");
    }

    private static ObjectNode property(ObjectNode spec, ObjectNode schema, String name) {
        return resolve(spec, properties(spec, schema).path(name), "property " + name);
    }

    private static ObjectNode items(ObjectNode spec, ObjectNode array) {
        return resolve(spec, array.path("items"), "items of the array");
    }

    private static ArrayNode enumValues(ObjectNode spec, ObjectNode schema) {
        if (!schema.path("enum").isArray()) {
            throw new EditNoLongerApplies("the field has no enum");
        }
        return (ArrayNode) schema.get("enum");
    }

    /** Every text value in any example, so an edit can avoid invalidating an example it does not mean to. */
    private static Set<String> valuesInExamples(ObjectNode spec) {
        Set<String> values = new HashSet<>();
        List<JsonNode> pending = new ArrayList<>(List.of(spec));
        while (!pending.isEmpty()) {
            JsonNode node = pending.remove(pending.size() - 1);
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (member.getKey().equals("example") || member.getKey().equals("examples")) {
                    collectText(member.getValue(), values);
                } else {
                    pending.add(member.getValue());
                }
            }
            if (node.isArray()) {
                node.forEach(pending::add);
            }
        }
        return values;
    }

    private static void collectText(JsonNode node, Set<String> values) {
        if (node.isTextual()) {
            values.add(node.asText());
        }
        node.forEach(child -> collectText(child, values));
    }

    private static int lastIndexNotIn(ArrayNode values, Set<String> used) {
        for (int i = values.size() - 1; i >= 0; i--) {
            if (!used.contains(values.get(i).asText())) {
                return i;
            }
        }
        throw new EditNoLongerApplies("every value of the enum appears in an example");
    }

    private static String optionalFieldEveryRequestExampleSends(ObjectNode spec, ObjectNode body) {
        Set<String> required = new HashSet<>();
        body.path("required").forEach(name -> required.add(name.asText()));
        JsonNode examples = resolve(spec, operation(spec, UPDATE).path("requestBody"), "request body")
                .path("content").path("application/json").path("examples");
        for (Iterator<String> names = properties(spec, body).fieldNames(); names.hasNext(); ) {
            String name = names.next();
            boolean everyExampleSendsIt = true;
            for (JsonNode example : examples) {
                everyExampleSendsIt &= resolve(spec, example, "example").path("value").has(name);
            }
            if (!required.contains(name) && everyExampleSendsIt && !examples.isEmpty()) {
                return name;
            }
        }
        throw new EditNoLongerApplies("no optional request field is sent by every request example");
    }

    private static String requiredPlainString(ObjectNode spec, ObjectNode body) {
        for (JsonNode name : body.path("required")) {
            JsonNode field = properties(spec, body).path(name.asText());
            if ("string".equals(field.path("type").asText()) && !field.has("format") && !field.has("enum")) {
                return name.asText();
            }
        }
        throw new EditNoLongerApplies("the response has no required plain string field");
    }

    /** Renames the operation's first path parameter everywhere it is declared and templated. */
    private static void renamePathParameter(ObjectNode spec, String operationId) {
        String name = null;
        for (JsonNode parameter : operation(spec, operationId).path("parameters")) {
            ObjectNode resolved = resolve(spec, parameter, "parameter");
            if ("path".equals(resolved.path("in").asText())) {
                name = resolved.path("name").asText();
                break;
            }
        }
        if (name == null) {
            throw new EditNoLongerApplies(operationId + " has no path parameter");
        }
        String renamed = name.equals("connection_id") ? "id" : "connection_id";
        String template = "{" + name + "}";
        List<JsonNode> parameters = new ArrayList<>();
        spec.path("components").path("parameters").forEach(parameters::add);
        ObjectNode paths = (ObjectNode) spec.get("paths");
        for (String path : new ArrayList<>(iterable(paths.fieldNames()))) {
            JsonNode pathItem = paths.get(path);
            pathItem.path("parameters").forEach(parameters::add);
            for (String method : OpenApiTree.HTTP_METHODS) {
                pathItem.path(method).path("parameters").forEach(parameters::add);
            }
            if (path.contains(template)) {
                paths.set(path.replace(template, "{" + renamed + "}"), paths.remove(path));
            }
        }
        for (JsonNode parameter : parameters) {
            if ("path".equals(parameter.path("in").asText()) && name.equals(parameter.path("name").asText())) {
                ((ObjectNode) parameter).put("name", renamed);
            }
        }
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
