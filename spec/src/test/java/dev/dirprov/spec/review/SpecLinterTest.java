package dev.dirprov.spec.review;

import static dev.dirprov.spec.review.Specs.OPERATION;
import static dev.dirprov.spec.review.Specs.SCHEMAS;
import static dev.dirprov.spec.review.Specs.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every lint rule rejects a document that breaks it: each case is the gates' fixture
 * ({@code src/test/resources/review/fixture-openapi.yaml}) with one defect, and names the rule and the location
 * the finding must carry. The live spec is only the linter's input, in {@link ReviewGatesTest}.
 */
class SpecLinterTest {

    private static final String PATH_ITEM = "#/paths/~1connections~1{id}~1directory-provisioning";
    private static final String REQUEST_JSON = OPERATION + "/requestBody/content/application~1json";
    private static final String RESPONSE_200_JSON = OPERATION + "/responses/200/content/application~1json";
    private static final String REQUEST = SCHEMAS + "/UpdateRequest";
    private static final String RESPONSE = SCHEMAS + "/DirectoryProvisioning";

    /** The fixture's own camelCase wire names, so a new entry in {@link SpecLinter#AUTH0_WIRE_NAMES} cannot break these tests. */
    private static final Map<String, String> FIXTURE_WIRE_NAMES = Map.of(
            SCHEMAS + "/ErrorResponse/properties/statusCode", "the fixture's error body is camelCase on the wire",
            SCHEMAS + "/ErrorResponse/properties/errorCode", "the fixture's error body is camelCase on the wire");

    private final SpecLinter linter = new SpecLinter(FIXTURE_WIRE_NAMES);

    static Stream<Arguments> brokenSpecs() {
        return Stream.of(
                broken("info without description", "info-description", "#/info",
                        spec -> object(spec, "#/info").remove("description")),
                broken("info without contact", "info-contact", "#/info",
                        spec -> object(spec, "#/info").remove("contact")),
                broken("info without license", "info-license", "#/info",
                        spec -> object(spec, "#/info").remove("license")),
                broken("license without url", "info-license", "#/info/license",
                        spec -> object(spec, "#/info/license").remove("url")),
                broken("no servers", "servers", "#", spec -> spec.remove("servers")),
                broken("server url with a trailing slash", "servers", "#/servers/0",
                        spec -> object(spec, "#/servers/0").put("url", "https://{tenantDomain}/api/v2/")),
                broken("server url with an undefined variable", "servers", "#/servers/0",
                        spec -> object(spec, "#/servers/0").put("url", "https://{tenant}/api/v2")),
                broken("no top-level tags", "openapi-tags", "#", spec -> spec.remove("tags")),
                broken("a tag declared twice", "openapi-tags", "#/tags/1",
                        spec -> ((ArrayNode) spec.get("tags")).add(object(spec, "#/tags/0").deepCopy())),
                broken("tag without description", "tag-description", "#/tags/0",
                        spec -> object(spec, "#/tags/0").remove("description")),
                broken("operation without operationId", "operation-operationId", OPERATION,
                        spec -> object(spec, OPERATION).remove("operationId")),
                broken("two operations with one operationId", "operation-operationId-unique", OPERATION,
                        spec -> object(spec, PATH_ITEM).set("put", object(spec, OPERATION).deepCopy())),
                broken("operationId that is not URL-safe", "operation-operationId-valid-in-url", OPERATION,
                        spec -> object(spec, OPERATION).put("operationId", "update directory provisioning")),
                broken("parameter declared twice", "operation-parameters-unique", OPERATION + "/parameters/1",
                        spec -> ((ArrayNode) spec.at(OPERATION.substring(1) + "/parameters"))
                                .addObject().put("$ref", "#/components/parameters/ConnectionId")),
                broken("operation without summary", "operation-summary", OPERATION,
                        spec -> object(spec, OPERATION).remove("summary")),
                broken("operation without description", "operation-description", OPERATION,
                        spec -> object(spec, OPERATION).remove("description")),
                broken("operation without tags", "operation-tags", OPERATION,
                        spec -> object(spec, OPERATION).remove("tags")),
                broken("operation with an undeclared tag", "operation-tag-defined", OPERATION + "/tags/0",
                        spec -> ((ArrayNode) spec.at(OPERATION.substring(1) + "/tags")).set(0, "provisioning")),
                broken("operation without a success response", "operation-success-response", OPERATION + "/responses",
                        spec -> rename(object(spec, OPERATION + "/responses"), "200", "default")),
                broken("operation requiring an undefined security scheme", "operation-security-defined",
                        OPERATION + "/security/0",
                        spec -> object(spec, OPERATION).putArray("security").addObject().putArray("apiKey")),
                broken("camelCase path segment", "path-kebab-case", "#/paths/~1connections~1{id}~1directoryProvisioning",
                        spec -> rename(object(spec, "#/paths"), "/connections/{id}/directory-provisioning",
                                "/connections/{id}/directoryProvisioning")),
                broken("path with a trailing slash", "path-kebab-case", PATH_ITEM + "~1",
                        spec -> rename(object(spec, "#/paths"), "/connections/{id}/directory-provisioning",
                                "/connections/{id}/directory-provisioning/")),
                broken("path template without its parameter", "path-params",
                        "#/paths/~1connections~1{connection_id}~1directory-provisioning/patch",
                        spec -> rename(object(spec, "#/paths"), "/connections/{id}/directory-provisioning",
                                "/connections/{connection_id}/directory-provisioning")),
                broken("path parameter that is not required", "path-params", OPERATION + "/parameters/0",
                        spec -> ((ArrayNode) spec.at(OPERATION.substring(1) + "/parameters")).set(0,
                                object(spec, "#/components/parameters/ConnectionId").deepCopy()
                                        .put("required", false))),
                broken("parameter without description", "parameter-description", "#/components/parameters/ConnectionId",
                        spec -> object(spec, "#/components/parameters/ConnectionId").remove("description")),
                broken("header without description", "header-description", "#/components/headers/RetryAfter",
                        spec -> object(spec, "#/components/headers/RetryAfter").remove("description")),
                broken("schema without description", "schema-description", SCHEMAS + "/ErrorResponse",
                        spec -> object(spec, SCHEMAS + "/ErrorResponse").remove("description")),
                broken("property without description", "property-description", RESPONSE + "/properties/strategy",
                        spec -> object(spec, RESPONSE + "/properties/strategy").remove("description")),
                broken("camelCase property", "property-snake-case", RESPONSE + "/properties/lastSyncedBy",
                        spec -> object(spec, RESPONSE + "/properties").putObject("lastSyncedBy")
                                .put("type", "string").put("description", "Who synchronized last.")),
                broken("an excepted name outside its excepted place", "property-snake-case",
                        RESPONSE + "/properties/statusCode",
                        spec -> object(spec, RESPONSE + "/properties").putObject("statusCode")
                                .put("type", "integer").put("description", "A status.")),
                broken("naming exception that matches nothing", "naming-exception-unused",
                        SCHEMAS + "/ErrorResponse/properties/errorCode",
                        spec -> rename(object(spec, SCHEMAS + "/ErrorResponse/properties"), "errorCode", "error_code")),
                broken("array without items", "array-items", REQUEST + "/properties/mapping",
                        spec -> object(spec, REQUEST + "/properties/mapping").remove("items")),
                broken("enum value listed twice", "enum-values", SCHEMAS + "/SynchronizeGroupsEnum/enum/3",
                        spec -> ((ArrayNode) spec.at(SCHEMAS.substring(1) + "/SynchronizeGroupsEnum/enum")).add("all")),
                broken("enum value of the wrong type", "enum-values", SCHEMAS + "/SynchronizeGroupsEnum/enum/3",
                        spec -> ((ArrayNode) spec.at(SCHEMAS.substring(1) + "/SynchronizeGroupsEnum/enum")).add(false)),
                broken("$ref with a sibling", "no-ref-siblings", REQUEST + "/properties/synchronize_groups",
                        spec -> object(spec, REQUEST + "/properties/synchronize_groups")
                                .put("description", "Ignored in OpenAPI 3.0.")),
                broken("response without example", "media-type-example",
                        OPERATION + "/responses/401/content/application~1json",
                        spec -> object(spec, OPERATION + "/responses/401/content/application~1json")
                                .remove("examples")),
                broken("request example with a value outside the enum", "example-valid",
                        REQUEST_JSON + "/examples/fullUpdate/value",
                        spec -> object(spec, REQUEST_JSON + "/examples/fullUpdate/value")
                                .put("synchronize_groups", "some")),
                broken("request example with an empty mapping", "example-valid",
                        REQUEST_JSON + "/examples/fullUpdate/value",
                        spec -> object(spec, REQUEST_JSON + "/examples/fullUpdate/value").putArray("mapping")),
                broken("response example with a malformed date-time", "example-valid",
                        RESPONSE_200_JSON + "/examples/updated/value",
                        spec -> object(spec, RESPONSE_200_JSON + "/examples/updated/value")
                                .put("created_at", "yesterday")),
                broken("response example without a required field", "example-valid",
                        RESPONSE_200_JSON + "/examples/updated/value",
                        spec -> object(spec, RESPONSE_200_JSON + "/examples/updated/value").remove("strategy")),
                broken("schema example outside its enum", "example-valid", SCHEMAS + "/SynchronizeGroupsEnum/example",
                        spec -> object(spec, SCHEMAS + "/SynchronizeGroupsEnum").put("example", "none")),
                broken("header example below its minimum", "example-valid", "#/components/headers/RateLimitLimit/example",
                        spec -> object(spec, "#/components/headers/RateLimitLimit").put("example", -1)),
                broken("example only available from the network", "example-valid",
                        REQUEST_JSON + "/examples/turnOffAutomaticSynchronization",
                        spec -> object(spec, REQUEST_JSON + "/examples").putObject("turnOffAutomaticSynchronization")
                                .put("externalValue", "https://example.com/example.json")),
                broken("schema nothing uses", "component-unused", SCHEMAS + "/Unused",
                        spec -> object(spec, SCHEMAS).putObject("Unused")
                                .put("type", "string").put("description", "Nobody refers to this.")),
                broken("security scheme nothing requires", "component-unused", "#/components/securitySchemes/apiKey",
                        spec -> object(spec, "#/components/securitySchemes").putObject("apiKey")
                                .put("type", "apiKey").put("in", "header").put("name", "X-Api-Key")
                                .put("description", "Unused.")),
                broken("description loading an image from the network", "description-safe-markdown",
                        "#/info/description",
                        spec -> object(spec, "#/info").put("description", "![diagram](https://cdn.example.com/d.png)")),
                broken("description with a script", "description-safe-markdown", OPERATION + "/description",
                        spec -> object(spec, OPERATION).put("description", "Patch it. <script>alert(1)</script>")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSpecs")
    void rejectsABrokenSpecNamingTheRuleAndTheLocation(String defect, String rule, String location,
            Consumer<ObjectNode> change) {
        List<Finding> findings = linter.lint(Specs.fixtureWith(change));

        assertThat(findings).as("findings for a spec with a %s", defect)
                .anySatisfy(finding -> {
                    assertThat(finding.rule()).isEqualTo(rule);
                    assertThat(finding.location()).isEqualTo(location);
                });
    }

    @Test
    void findsNothingInTheCleanFixture() {
        assertThat(linter.lint(Specs.fixture())).isEmpty();
    }

    static Stream<Arguments> brokenExamples() {
        return Stream.of(
                example("a field the schema does not allow", REQUEST_JSON + "/examples/fullUpdate/value",
                        "enabled", spec -> object(spec, REQUEST_JSON + "/examples/fullUpdate/value").put("enabled", true)),
                example("a mapping item without its idp", REQUEST_JSON + "/examples/fullUpdate/value", "idp",
                        spec -> object(spec, REQUEST_JSON + "/examples/fullUpdate/value/mapping/0").remove("idp")),
                example("a boolean that is null", REQUEST_JSON + "/examples/turnOffAutomaticSynchronization/value",
                        "/synchronize_automatically",
                        spec -> object(spec, REQUEST_JSON + "/examples/turnOffAutomaticSynchronization/value")
                                .putNull("synchronize_automatically")),
                example("an error whose statusCode is not an error status",
                        OPERATION + "/responses/401/content/application~1json/examples/invalidToken/value", "/statusCode",
                        spec -> object(spec, OPERATION + "/responses/401/content/application~1json/examples/invalidToken/value")
                                .put("statusCode", 200)),
                example("a shared response's example without a required field",
                        "#/components/responses/NotFound/content/application~1json/examples/notFound/value", "message",
                        spec -> object(spec, "#/components/responses/NotFound/content/application~1json/examples"
                                + "/notFound/value").remove("message")),
                example("a parameter example of the wrong type", "#/components/parameters/ConnectionId/example", "",
                        spec -> object(spec, "#/components/parameters/ConnectionId").put("example", 42)),
                example("a response-only enum value nobody declared", RESPONSE_200_JSON + "/examples/updated/value",
                        "/last_synchronization_status",
                        spec -> object(spec, RESPONSE_200_JSON + "/examples/updated/value")
                                .put("last_synchronization_status", "pending")));
    }

    /** The example rule is the one place examples are validated, so each kind of broken value has a case here. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenExamples")
    void rejectsAnExampleThatDoesNotMatchItsSchema(String defect, String location, String named,
            Consumer<ObjectNode> change) {
        List<Finding> findings = linter.lint(Specs.fixtureWith(change));

        assertThat(findings).as("findings for an example with %s", defect).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("example-valid");
            assertThat(finding.location()).isEqualTo(location);
            assertThat(finding.message()).contains(named);
        });
    }

    @Test
    void allowsCamelCaseOnlyAtTheDocumentedExceptions() {
        SpecLinter withoutExceptions = new SpecLinter(Map.of());

        assertThat(withoutExceptions.lint(Specs.fixture()))
                .extracting(Finding::location)
                .containsExactlyInAnyOrderElementsOf(FIXTURE_WIRE_NAMES.keySet());
    }

    @Test
    void describesEachFindingAsFileLineColumnPointerRuleAndProblem() throws IOException {
        String text = fixtureText();
        String summaryLine = "      summary: Patch a directory provisioning configuration\n";
        assertThat(text).contains(summaryLine);
        OpenApiTree broken = OpenApiTree.parse(text.replace(summaryLine, ""), "spec/openapi.yaml");
        int patchLine = List.of(text.split("\n", -1)).indexOf("    patch:") + 1;

        String described = SpecLinter.describe(linter.lint(broken), broken);

        assertThat(described).isEqualTo("spec/openapi.yaml:" + patchLine + ":5 " + OPERATION
                + " [operation-summary] PATCH /connections/{id}/directory-provisioning has no summary\n");
    }

    @Test
    void saysSoWhenThereIsNothingToReport() {
        assertThat(SpecLinter.describe(List.of(), Specs.fixture())).isEqualTo("No lint findings.\n");
    }

    private static String fixtureText() throws IOException {
        try (InputStream in = SpecLinterTest.class.getClassLoader()
                .getResourceAsStream("review/fixture-openapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Arguments example(String defect, String location, String named, Consumer<ObjectNode> change) {
        return arguments(defect, location, named, change);
    }

    private static Arguments broken(String defect, String rule, String location, Consumer<ObjectNode> change) {
        return arguments(defect, rule, location, change);
    }

    private static void rename(ObjectNode parent, String from, String to) {
        parent.set(to, parent.remove(from));
    }
}
