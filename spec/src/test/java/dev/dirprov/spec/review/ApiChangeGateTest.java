package dev.dirprov.spec.review;

import static dev.dirprov.spec.review.Specs.OPERATION;
import static dev.dirprov.spec.review.Specs.SCHEMAS;
import static dev.dirprov.spec.review.Specs.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openapitools.openapidiff.core.model.DiffResult;

/**
 * The breaking-change gate on the fixture it owns ({@code src/test/resources/review/fixture-openapi.yaml}) as
 * baseline, against one change at a time. Each case names the change the report must list (subject, before →
 * after, side, kind) and whether openapi-diff-core on its own calls it incompatible.
 */
class ApiChangeGateTest {

    private static final String REQUEST = SCHEMAS + "/UpdateRequest";
    private static final String RESPONSE = SCHEMAS + "/DirectoryProvisioning";
    private static final String ITEM = SCHEMAS + "/MappingItem";
    private static final String GROUPS_ENUM = SCHEMAS + "/SynchronizeGroupsEnum";

    /**
     * One change to the fixture and the entry the gate must report for it.
     *
     * @param name the change, as a pull request would title it
     * @param kind how the entry must be judged
     * @param subject the entry's subject
     * @param change the entry's before → after
     * @param side the entry's side
     * @param openApiDiffAgrees whether openapi-diff-core alone calls the change incompatible (breaking cases)
     * @param edit the change
     */
    record Case(String name, ApiDiff.Kind kind, String subject, String change, ApiDiff.Side side,
            boolean openApiDiffAgrees, Consumer<ObjectNode> edit) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> breakingChanges() {
        ApiDiff.Kind breaking = ApiDiff.Kind.BREAKING;
        ApiDiff.Side request = ApiDiff.Side.REQUEST;
        ApiDiff.Side response = ApiDiff.Side.RESPONSE;
        return Stream.of(
                new Case("a removed enum value", breaking, "synchronize_groups", "enum: -selected", request, true,
                        spec -> removeValue(spec, GROUPS_ENUM + "/enum", "selected")),
                new Case("a new required request field", breaking, "synchronize_automatically",
                        "required: +synchronize_automatically",
                        request, true, spec -> object(spec, REQUEST).putArray("required").add("synchronize_automatically")),
                new Case("a new required field in a request array item", breaking, "mapping[].transform",
                        "required property: added", request, true, spec -> {
                            object(spec, ITEM + "/properties").putObject("transform")
                                    .put("type", "string").put("description", "How to transform the value.");
                            ((ArrayNode) spec.at(ITEM.substring(1) + "/required")).add("transform");
                        }),
                new Case("a removed required response field", breaking, "connection_id", "property: removed", response,
                        true, spec -> {
                            object(spec, RESPONSE + "/properties").remove("connection_id");
                            removeValue(spec, RESPONSE + "/required", "connection_id");
                        }),
                new Case("a removed optional response field", breaking, "last_synchronization_status",
                        "property: removed", response, false,
                        spec -> object(spec, RESPONSE + "/properties").remove("last_synchronization_status")),
                new Case("a removed request field", breaking, "synchronize_automatically", "property: removed", request,
                        false, spec -> object(spec, REQUEST + "/properties").remove("synchronize_automatically")),
                new Case("a retyped response field", breaking, "strategy", "type: string → integer", response, true,
                        spec -> object(spec, RESPONSE + "/properties/strategy").put("type", "integer")),
                new Case("a response timestamp that is no longer a date-time", breaking, "created_at",
                        "format: date-time → none", response, true,
                        spec -> object(spec, RESPONSE + "/properties/created_at").remove("format")),
                new Case("a new maxLength on a request field", breaking, "mapping[].idp", "maxLength: none → 64", request,
                        true, spec -> object(spec, ITEM + "/properties/idp").put("maxLength", 64)),
                new Case("a new minLength on a request field", breaking, "mapping[].idp", "minLength: none → 3", request,
                        true, spec -> object(spec, ITEM + "/properties/idp").put("minLength", 3)),
                new Case("a new pattern on a request field", breaking, "mapping[].idp", "pattern: none → ^[a-z.]+$",
                        request, true, spec -> object(spec, ITEM + "/properties/idp").put("pattern", "^[a-z.]+$")),
                new Case("a raised minItems on a request array", breaking, "mapping", "minItems: 1 → 2", request, true,
                        spec -> object(spec, REQUEST + "/properties/mapping").put("minItems", 2)),
                new Case("a new maxItems on a request array", breaking, "mapping", "maxItems: none → 20", request, false,
                        spec -> object(spec, REQUEST + "/properties/mapping").put("maxItems", 20)),
                new Case("a removed status code", breaking, "response 404", "status 404: removed", response, true,
                        spec -> object(spec, OPERATION + "/responses").remove("404")),
                new Case("a removed response header", breaking, "response 429 header Retry-After", "header: removed",
                        response, true,
                        spec -> object(spec, "#/components/responses/TooManyRequests/headers").remove("Retry-After")),
                new Case("a renamed operationId, the generated method's name", breaking,
                        "PATCH /connections/{id}/directory-provisioning",
                        "operationId: updateDirectoryProvisioning → patchDirectoryProvisioning", ApiDiff.Side.OPERATION,
                        true, spec -> object(spec, OPERATION).put("operationId", "patchDirectoryProvisioning")),
                new Case("a new required query parameter", breaking, "query parameter dry_run",
                        "required parameter: added", request, true,
                        spec -> ((ArrayNode) spec.at(OPERATION.substring(1) + "/parameters")).addObject()
                                .put("name", "dry_run").put("in", "query").put("required", true)
                                .put("description", "Validate only.").putObject("schema").put("type", "boolean")),
                new Case("a removed operation", breaking, "GET /connections/{id}/directory-provisioning",
                        "operation: removed", ApiDiff.Side.OPERATION, true,
                        spec -> object(spec, "#/paths/~1connections~1{id}~1directory-provisioning").remove("get")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakingChanges")
    void failsTheBuildOnABreakingChangeAndSaysWhatChanged(Case change) {
        ApiChangeGate.Outcome outcome = ApiChangeGate.evaluate(Specs.fixture(), Specs.fixtureWith(change.edit()), false);

        assertThat(outcome.verdict()).as(outcome.report()).isEqualTo(ApiChangeGate.Verdict.BREAKING);
        assertThat(outcome.failsTheBuild()).isTrue();
        assertReported(outcome, change);
        assertThat(outcome.openApiDiff() == DiffResult.INCOMPATIBLE)
                .as("openapi-diff-core alone calls it incompatible").isEqualTo(change.openApiDiffAgrees());
    }

    static Stream<Case> compatibleChanges() {
        ApiDiff.Kind compatible = ApiDiff.Kind.COMPATIBLE;
        ApiDiff.Kind note = ApiDiff.Kind.NOTE;
        ApiDiff.Side request = ApiDiff.Side.REQUEST;
        ApiDiff.Side response = ApiDiff.Side.RESPONSE;
        return Stream.of(
                new Case("a changed description", compatible, "strategy", "description: changed", response, false,
                        spec -> object(spec, RESPONSE + "/properties/strategy").put("description", "Such as `okta`.")),
                new Case("a removed description", compatible, "strategy", "description: removed", response, false,
                        spec -> object(spec, RESPONSE + "/properties/strategy").remove("description")),
                new Case("a new optional response field, where the baseline forbade other fields", note,
                        "last_synchronization_id", "optional property: added", response, false,
                        spec -> object(spec, RESPONSE + "/properties").putObject("last_synchronization_id")
                                .put("type", "string").put("description", "The last synchronization.")),
                new Case("a new optional request field", compatible, "synchronize_deletions", "optional property: added",
                        request, false, spec -> object(spec, REQUEST + "/properties").putObject("synchronize_deletions")
                                .put("type", "boolean").put("description", "Whether deletions are synchronized.")),
                new Case("a relaxed constraint on a request array", compatible, "mapping", "minItems: 1 → none", request,
                        false, spec -> object(spec, REQUEST + "/properties/mapping").remove("minItems")),
                new Case("a new value in a response-only enum", note, "last_synchronization_status", "enum: +pending",
                        response, false, spec -> ((ArrayNode) spec.at(SCHEMAS.substring(1)
                                + "/SynchronizationStatus/enum")).add("pending")),
                new Case("a new value in an enum of both sides: compatible on the request side", compatible,
                        "synchronize_groups", "enum: +some", request, false,
                        spec -> ((ArrayNode) spec.at(GROUPS_ENUM.substring(1) + "/enum")).add("some")),
                new Case("a new value in an enum of both sides: a note on the response side", note,
                        "synchronize_groups", "enum: +some", response, false,
                        spec -> ((ArrayNode) spec.at(GROUPS_ENUM.substring(1) + "/enum")).add("some")),
                new Case("a new bound on a response field: the server promises more", compatible, "strategy",
                        "maxLength: none → 64", response, false,
                        spec -> object(spec, RESPONSE + "/properties/strategy").put("maxLength", 64)),
                new Case("a removed bound on a response field", note, "statusCode", "maximum: 599 → none", response,
                        false, spec -> object(spec, SCHEMAS + "/ErrorResponse/properties/statusCode").remove("maximum")),
                new Case("a renamed path parameter, the same on the wire", compatible, "path parameter id",
                        "name: id → connection_id", request, false, spec -> {
                            ObjectNode paths = object(spec, "#/paths");
                            paths.set("/connections/{connection_id}/directory-provisioning",
                                    paths.remove("/connections/{id}/directory-provisioning"));
                            object(spec, "#/components/parameters/ConnectionId").put("name", "connection_id");
                        }),
                new Case("a request body made optional (openapi-diff-core alone calls any change of it incompatible)",
                        compatible, "request body", "required: true → false", request, false,
                        spec -> object(spec, OPERATION + "/requestBody").remove("required")),
                new Case("a newly documented status", compatible, "response 403", "status 403: added", response, false,
                        spec -> object(spec, OPERATION + "/responses").set("403",
                                object(spec, OPERATION + "/responses/401").deepCopy())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compatibleChanges")
    void passesACompatibleChangeAndSaysWhatChanged(Case change) {
        ApiChangeGate.Outcome outcome = ApiChangeGate.evaluate(Specs.fixture(), Specs.fixtureWith(change.edit()), false);

        assertThat(outcome.verdict()).as(outcome.report()).isEqualTo(ApiChangeGate.Verdict.COMPATIBLE);
        assertThat(outcome.changes(ApiDiff.Kind.BREAKING)).isEmpty();
        assertThat(outcome.openApiDiff()).isNotEqualTo(DiffResult.INCOMPATIBLE);
        assertReported(outcome, change);
    }

    @Test
    void breaksOnWhatOpenApiDiffCallsIncompatibleEvenIfItsOwnChecksSeeNothing() {
        OpenApiTree next = Specs.fixtureWith(spec -> object(spec, "#/components/parameters/ConnectionId")
                .put("style", "matrix"));

        ApiChangeGate.Outcome outcome = ApiChangeGate.evaluate(Specs.fixture(), next, false);

        assertThat(outcome.verdict()).isEqualTo(ApiChangeGate.Verdict.BREAKING);
        assertThat(outcome.changes(ApiDiff.Kind.BREAKING)).singleElement()
                .extracting(ApiDiff.Change::change).isEqualTo("openapi-diff-core: incompatible");
    }

    @Test
    void reportsNoChangesForAnIdenticalSpec() {
        ApiChangeGate.Outcome outcome = ApiChangeGate.evaluate(Specs.fixture(), Specs.fixture(), false);

        assertThat(outcome.verdict()).isEqualTo(ApiChangeGate.Verdict.NO_CHANGES);
        assertThat(outcome.changes()).isEmpty();
        assertThat(outcome.report()).startsWith("# API changes\n\n**No changes to the API since the baseline.**");
    }

    @Test
    void acceptsABreakingChangeThatRaisesTheMajorVersion() {
        OpenApiTree next = Specs.fixtureWith(spec -> {
            object(spec, OPERATION + "/responses").remove("404");
            object(spec, "#/info").put("version", "2.0.0");
        });

        ApiChangeGate.Outcome outcome = ApiChangeGate.evaluate(Specs.fixture(), next, false);

        assertThat(outcome.verdict()).isEqualTo(ApiChangeGate.Verdict.BREAKING_WITH_NEW_MAJOR_VERSION);
        assertThat(outcome.failsTheBuild()).isFalse();
        assertThat(outcome.changes(ApiDiff.Kind.BREAKING)).isNotEmpty();
    }

    @Test
    void aMinorVersionBumpDoesNotExcuseABreakingChange() {
        OpenApiTree next = Specs.fixtureWith(spec -> {
            object(spec, OPERATION + "/responses").remove("404");
            object(spec, "#/info").put("version", "1.5.0");
        });

        assertThat(ApiChangeGate.evaluate(Specs.fixture(), next, false).failsTheBuild()).isTrue();
    }

    @Test
    void acceptsAnAcknowledgedBreakingChangeAndSaysSoInTheReport() {
        OpenApiTree next = Specs.fixtureWith(spec -> object(spec, OPERATION + "/responses").remove("404"));

        ApiChangeGate.Outcome outcome = ApiChangeGate.evaluate(Specs.fixture(), next, true);

        assertThat(outcome.verdict()).isEqualTo(ApiChangeGate.Verdict.BREAKING_ACKNOWLEDGED);
        assertThat(outcome.failsTheBuild()).isFalse();
        assertThat(outcome.report()).contains("acknowledged with -Ddirprov.acceptBreakingChanges=true");
    }

    @Test
    void theReportLeadsWithTheVerdictAndSaysWhereWhatAndWhy() throws IOException {
        String text = fixtureText();
        String idpType = "          description: The field in the identity provider's user schema.\n";
        assertThat(text).contains(idpType);
        OpenApiTree baseline = OpenApiTree.parse(text, "spec/baseline/openapi.yaml");
        OpenApiTree current = OpenApiTree.parse(text.replace(idpType, idpType + "          maxLength: 64\n"),
                "spec/openapi.yaml");
        int maxLengthLine = lineOf(text, idpType) + 1;

        String report = ApiChangeGate.evaluate(baseline, current, false).report();

        assertThat(report).startsWith("# API changes\n\n**Breaking: the build fails.** 1 breaking, 0 notes,")
                .contains("raise the major version in info.version (1.4.0 → 2.0.0), or run the build with"
                        + " -Ddirprov.acceptBreakingChanges=true")
                .contains("### `mapping[].idp`: maxLength: none → 64\n\n"
                        + "- Where: `" + ITEM + "/properties/idp/maxLength`, spec/openapi.yaml:" + maxLengthLine + ":11\n"
                        + "- Operations: `updateDirectoryProvisioning`\n"
                        + "- Side: request\n"
                        + "- For the dirprov client: calls with a longer value are now rejected by the server\n"
                        + "- For other consumers: requests with a longer value are now rejected\n")
                .contains("## openapi-diff-core's view");
        assertThat(report.indexOf("## Breaking")).isLessThan(report.indexOf("## Compatible"));
    }

    @Test
    void aRemovedPartIsLocatedInTheBaseline() throws IOException {
        String text = fixtureText();
        String notFound = "        '404':\n          $ref: '#/components/responses/NotFound'\n        '429':";
        assertThat(text).contains(notFound);
        OpenApiTree baseline = OpenApiTree.parse(text, "spec/baseline/openapi.yaml");
        OpenApiTree current = OpenApiTree.parse(text.replace(notFound, "        '429':"), "spec/openapi.yaml");

        ApiChangeGate.Outcome outcome = ApiChangeGate.evaluate(baseline, current, false);

        assertThat(outcome.report()).contains("- Where: `" + OPERATION + "/responses/404`, spec/baseline/openapi.yaml:"
                + lineOf(text, notFound) + ":9 (the baseline: it is gone from this build)");
    }

    @Test
    void theLogSummaryLeadsWithTheVerdictAndStaysWithinAScreenful() {
        OpenApiTree gutted = Specs.fixtureWith(spec -> {
            ArrayNode parameters = (ArrayNode) spec.at(OPERATION.substring(1) + "/parameters");
            for (int i = 0; i < ApiChangeGate.SUMMARY_LINES + 5; i++) {
                parameters.addObject().put("name", "flag_" + i).put("in", "query").put("required", true)
                        .put("description", "A new flag.").putObject("schema").put("type", "boolean");
            }
        });

        ApiChangeGate.Outcome outcome = ApiChangeGate.evaluate(Specs.fixture(), gutted, false);
        List<String> lines = outcome.summary().lines().toList();

        assertThat(outcome.changes(ApiDiff.Kind.BREAKING)).hasSizeGreaterThan(ApiChangeGate.SUMMARY_LINES);
        assertThat(lines.get(0)).startsWith("API change gate: Breaking: the build fails. (1.4.0 → 1.4.0: ");
        assertThat(lines.get(1)).startsWith("  BREAKING review/fixture-openapi.yaml (edited) " + OPERATION + "/parameters/1: ");
        assertThat(lines).hasSize(ApiChangeGate.SUMMARY_LINES + 4)
                .contains("  … and " + (outcome.changes().size() - outcome.changes(ApiDiff.Kind.COMPATIBLE).size()
                        - ApiChangeGate.SUMMARY_LINES) + " more")
                .anyMatch(line -> line.startsWith("To accept a breaking change: raise the major version"))
                .last().isEqualTo("Every change, with why: spec/target/api-changes.md");
    }

    @Test
    void readsTheMajorNumberOfAVersion() {
        assertThat(ApiChangeGate.major("0.1.0")).isZero();
        assertThat(ApiChangeGate.major("12.0.3-rc.1")).isEqualTo(12);
        assertThat(ApiChangeGate.major("next")).isEqualTo(-1);
    }

    private static void assertReported(ApiChangeGate.Outcome outcome, Case expected) {
        assertThat(outcome.changes()).as(outcome.report()).anySatisfy(change -> {
            assertThat(change.kind()).isEqualTo(expected.kind());
            assertThat(change.subject()).isEqualTo(expected.subject());
            assertThat(change.change()).isEqualTo(expected.change());
            assertThat(change.side()).isEqualTo(expected.side());
            assertThat(change.operations()).isNotEmpty();
            assertThat(change.forDirprov()).isNotBlank();
            assertThat(change.forOthers()).isNotBlank();
        });
    }

    private static void removeValue(ObjectNode spec, String location, String value) {
        ArrayNode values = (ArrayNode) spec.at(location.substring(1));
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).asText().equals(value)) {
                values.remove(i);
                return;
            }
        }
        throw new IllegalStateException("no " + value + " in " + location);
    }

    private static int lineOf(String text, String part) {
        return (int) text.substring(0, text.indexOf(part)).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String fixtureText() throws IOException {
        try (InputStream in = ApiChangeGateTest.class.getClassLoader()
                .getResourceAsStream("review/fixture-openapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
