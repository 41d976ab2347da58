package dev.dirprov.spec.review;

import static dev.dirprov.spec.review.Specs.OPERATION;
import static dev.dirprov.spec.review.Specs.SCHEMAS;
import static dev.dirprov.spec.review.Specs.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openapitools.openapidiff.core.model.DiffResult;

/**
 * The breaking-change gate, on the real spec as baseline against one change at a time. Each breaking case
 * also records which detector catches it: openapi-diff-core 2.1.7 itself, or {@link SchemaCompatibility}
 * where openapi-diff calls the change compatible.
 */
class ApiChangeGateTest {

    private static final String REQUEST = SCHEMAS + "/UpdateDirectoryProvisioningRequestContent";
    private static final String RESPONSE = SCHEMAS + "/UpdateDirectoryProvisioningResponseContent";
    private static final String ITEM = SCHEMAS + "/DirectoryProvisioningMappingItem";

    private enum Detector { OPENAPI_DIFF, OWN_CHECK }

    static Stream<Arguments> breakingChanges() {
        return Stream.of(
                change("a removed enum value", Detector.OPENAPI_DIFF,
                        spec -> ((ArrayNode) spec.at(SCHEMAS.substring(1) + "/SynchronizeGroupsEnum/enum")).remove(2)),
                change("a new required request field", Detector.OPENAPI_DIFF,
                        spec -> object(spec, REQUEST).putArray("required").add("synchronize_automatically")),
                change("a new required field in a request array item", Detector.OPENAPI_DIFF,
                        spec -> {
                            object(spec, ITEM + "/properties").putObject("transform")
                                    .put("type", "string").put("description", "How to transform the value.");
                            ((ArrayNode) spec.at(ITEM.substring(1) + "/required")).add("transform");
                        }),
                change("a removed required response field", Detector.OPENAPI_DIFF,
                        spec -> {
                            object(spec, RESPONSE + "/properties").remove("connection_name");
                            ((ArrayNode) spec.at(RESPONSE.substring(1) + "/required")).remove(1);
                        }),
                change("a removed optional response field", Detector.OWN_CHECK,
                        spec -> object(spec, RESPONSE + "/properties").remove("last_synchronization_status")),
                change("a removed request field", Detector.OWN_CHECK,
                        spec -> object(spec, REQUEST + "/properties").remove("synchronize_automatically")),
                change("a retyped response field", Detector.OPENAPI_DIFF,
                        spec -> object(spec, RESPONSE + "/properties/strategy").put("type", "integer")),
                change("a response timestamp that is no longer a date-time", Detector.OPENAPI_DIFF,
                        spec -> object(spec, RESPONSE + "/properties/created_at").remove("format")),
                change("a new maxLength on a request field", Detector.OPENAPI_DIFF,
                        spec -> object(spec, ITEM + "/properties/idp").put("maxLength", 64)),
                change("a new minLength on a request field", Detector.OPENAPI_DIFF,
                        spec -> object(spec, ITEM + "/properties/idp").put("minLength", 3)),
                change("a new pattern on a request field", Detector.OPENAPI_DIFF,
                        spec -> object(spec, ITEM + "/properties/idp").put("pattern", "^[a-z.]+$")),
                change("a raised minItems on a request array", Detector.OPENAPI_DIFF,
                        spec -> object(spec, REQUEST + "/properties/mapping").put("minItems", 2)),
                change("a new maxItems on a request array", Detector.OWN_CHECK,
                        spec -> object(spec, REQUEST + "/properties/mapping").put("maxItems", 20)),
                change("a removed status code", Detector.OPENAPI_DIFF,
                        spec -> object(spec, OPERATION + "/responses").remove("404")),
                change("a removed response header", Detector.OPENAPI_DIFF,
                        spec -> object(spec, OPERATION + "/responses/429/headers").remove("Retry-After")),
                change("a renamed operationId, the generated method's name", Detector.OPENAPI_DIFF,
                        spec -> object(spec, OPERATION).put("operationId", "patchDirectoryProvisioning")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakingChanges")
    void failsTheBuildOnABreakingChange(String change, Detector detector, Consumer<ObjectNode> mutation) {
        ApiChangeGate.Outcome outcome = ApiChangeGate.evaluate(Specs.current(), Specs.mutant(mutation), false);

        assertThat(outcome.verdict()).as(outcome.report()).isEqualTo(ApiChangeGate.Verdict.BREAKING);
        assertThat(outcome.failsTheBuild()).isTrue();
        if (detector == Detector.OPENAPI_DIFF) {
            assertThat(outcome.openApiDiff()).as("openapi-diff's classification").isEqualTo(DiffResult.INCOMPATIBLE);
        } else {
            assertThat(outcome.openApiDiff()).as("openapi-diff misses it").isNotEqualTo(DiffResult.INCOMPATIBLE);
            assertThat(outcome.ownFindings()).isNotEmpty();
        }
    }

    static Stream<Arguments> compatibleChanges() {
        return Stream.of(
                change("a changed description", null,
                        spec -> object(spec, RESPONSE + "/properties/strategy")
                                .put("description", "The connection's strategy, such as `google-apps` or `okta`.")),
                change("a new optional response field", null,
                        spec -> object(spec, RESPONSE + "/properties").putObject("last_synchronization_id")
                                .put("type", "string").put("description", "The id of the last synchronization.")),
                change("a new optional request field", null,
                        spec -> object(spec, REQUEST + "/properties").putObject("synchronize_deletions")
                                .put("type", "boolean").put("description", "Whether deletions are synchronized.")),
                change("a relaxed constraint on a request array", null,
                        spec -> object(spec, REQUEST + "/properties/mapping").remove("minItems")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compatibleChanges")
    void passesACompatibleChange(String change, Detector unused, Consumer<ObjectNode> mutation) {
        ApiChangeGate.Outcome outcome = ApiChangeGate.evaluate(Specs.current(), Specs.mutant(mutation), false);

        assertThat(outcome.verdict()).as(outcome.report()).isEqualTo(ApiChangeGate.Verdict.COMPATIBLE);
        assertThat(outcome.ownFindings()).isEmpty();
        assertThat(outcome.failsTheBuild()).isFalse();
    }

    @Test
    void reportsNoChangesForAnIdenticalSpec() {
        ApiChangeGate.Outcome outcome = ApiChangeGate.evaluate(Specs.current(), Specs.current(), false);

        assertThat(outcome.verdict()).isEqualTo(ApiChangeGate.Verdict.NO_CHANGES);
        assertThat(outcome.report()).contains("**No changes to the API since the baseline.**");
    }

    @Test
    void acceptsABreakingChangeThatRaisesTheMajorVersion() {
        OpenApiTree next = Specs.mutant(spec -> {
            object(spec, OPERATION + "/responses").remove("404");
            object(spec, "#/info").put("version", "1.0.0");
        });

        ApiChangeGate.Outcome outcome = ApiChangeGate.evaluate(Specs.current(), next, false);

        assertThat(outcome.verdict()).isEqualTo(ApiChangeGate.Verdict.BREAKING_WITH_NEW_MAJOR_VERSION);
        assertThat(outcome.failsTheBuild()).isFalse();
    }

    @Test
    void aMinorVersionBumpDoesNotExcuseABreakingChange() {
        OpenApiTree next = Specs.mutant(spec -> {
            object(spec, OPERATION + "/responses").remove("404");
            object(spec, "#/info").put("version", "0.2.0");
        });

        assertThat(ApiChangeGate.evaluate(Specs.current(), next, false).failsTheBuild()).isTrue();
    }

    @Test
    void acceptsAnAcknowledgedBreakingChangeAndSaysSoInTheReport() {
        OpenApiTree next = Specs.mutant(spec -> object(spec, OPERATION + "/responses").remove("404"));

        ApiChangeGate.Outcome outcome = ApiChangeGate.evaluate(Specs.current(), next, true);

        assertThat(outcome.verdict()).isEqualTo(ApiChangeGate.Verdict.BREAKING_ACKNOWLEDGED);
        assertThat(outcome.failsTheBuild()).isFalse();
        assertThat(outcome.report()).contains("acknowledged with -Ddirprov.acceptBreakingChanges=true");
    }

    @Test
    void theReportNamesWhatBrokeAndHowToProceed() {
        OpenApiTree next = Specs.mutant(spec -> {
            object(spec, OPERATION + "/responses").remove("404");
            object(spec, RESPONSE + "/properties").remove("last_synchronization_status");
        });

        String report = ApiChangeGate.evaluate(Specs.current(), next, false).report();

        assertThat(report)
                .contains("Breaking: the build fails. Raise the major version in info.version")
                .contains("Deleted response : **404 Not Found**")
                .contains("`" + RESPONSE + "/properties/last_synchronization_status` (property-removed)");
    }

    @Test
    void readsTheMajorNumberOfAVersion() {
        assertThat(ApiChangeGate.major("0.1.0")).isZero();
        assertThat(ApiChangeGate.major("12.0.3-rc.1")).isEqualTo(12);
        assertThat(ApiChangeGate.major("next")).isEqualTo(-1);
    }

    private static Arguments change(String name, Detector detector, Consumer<ObjectNode> mutation) {
        return arguments(name, detector, mutation);
    }
}
