package dev.dirprov.contract.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import dev.dirprov.contract.spec.SpecExamples.Example;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example in the spec is valid against its schema, and a broken copy of one is not. */
class SpecExamplesTest {

  private static final String PATCH = "/paths/~1connections~1{id}~1directory-provisioning/patch";
  private static final String REQUEST_EXAMPLES = PATCH + "/requestBody/content/application~1json/examples/";

  private static SpecExamples spec;

  @BeforeAll
  static void readTheSpec() {
    spec = SpecExamples.ofPublishedSpec();
  }

  static Stream<Example> examples() {
    return SpecExamples.ofPublishedSpec().examples().stream();
  }

  private static String describe(List<Error> errors) {
    return errors.stream()
        .map(e -> e.getKeyword() + " at /" + e.getInstanceLocation().toString().replaceFirst("^/", "") + ": " + e.getMessage())
        .collect(Collectors.joining("\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void isValidAgainstItsSchema(Example example) {
    List<Error> errors = spec.validate(example.value(), example.schemaPointer());

    assertThat(errors).withFailMessage(() -> example.pointer() + " is not valid against " + example.schemaPointer()
        + ":\n" + describe(errors)).isEmpty();
  }

  @Test
  void hasAnExampleForTheRequestAndForEveryResponse() {
    List<String> pointers = spec.examples().stream().map(Example::pointer).toList();
    JsonNode responses = spec.spec().at(PATCH + "/responses");

    assertThat(pointers).anyMatch(p -> p.startsWith(REQUEST_EXAMPLES));
    assertThat(responses.size()).isPositive();
    responses.properties().forEach(response -> assertThat(pointers)
        .as("examples of the %s response", response.getKey())
        .anyMatch(p -> p.startsWith(PATCH + "/responses/" + response.getKey() + "/content/")));
  }

  /**
   * A copy of an example of the spec broken in one way.
   *
   * @param name what is broken
   * @param pointer the example that is copied
   * @param mutation what is done to the copy
   * @param keyword the schema keyword that must reject it
   * @param instanceLocation JSON pointer of where in the example the error must point ({@code ""}: the whole)
   */
  record Mutant(String name, String pointer, Consumer<JsonNode> mutation, String keyword, String instanceLocation) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Mutant> mutants() {
    String updated = PATCH + "/responses/200/content/application~1json/examples/updated";
    return Stream.of(
        new Mutant("a required field is missing", updated,
            e -> ((ObjectNode) e).remove("connection_id"), "required", ""),
        new Mutant("a value is not in the enum", updated,
            e -> ((ObjectNode) e).put("synchronize_groups", "sometimes"), "enum", "/synchronize_groups"),
        new Mutant("a field is not in the schema", REQUEST_EXAMPLES + "fullUpdate",
            e -> ((ObjectNode) e).put("enabled", true), "additionalProperties", ""),
        new Mutant("a mapping item lacks its idp", REQUEST_EXAMPLES + "fullUpdate",
            e -> ((ObjectNode) e.get("mapping").get(0)).remove("idp"), "required", "/mapping/0"),
        new Mutant("the mapping is empty", REQUEST_EXAMPLES + "fullUpdate",
            e -> ((ObjectNode) e).putArray("mapping"), "minItems", "/mapping"),
        new Mutant("a timestamp is not a date-time", updated,
            e -> ((ObjectNode) e).put("created_at", "yesterday"), "format", "/created_at"),
        new Mutant("a boolean is null", REQUEST_EXAMPLES + "turnOffAutomaticSynchronization",
            e -> ((ObjectNode) e).putNull("synchronize_automatically"), "type", "/synchronize_automatically"),
        new Mutant("an error's statusCode is not an error status",
            PATCH + "/responses/400/content/application~1json/examples/payloadValidationError",
            e -> ((ObjectNode) e).put("statusCode", 200), "minimum", "/statusCode"));
  }

  @ParameterizedTest(name = "rejects an example where {0}")
  @MethodSource("mutants")
  void rejectsABrokenCopyOfAnExample(Mutant mutant) {
    Example original = spec.examples().stream().filter(e -> e.pointer().equals(mutant.pointer())).findFirst()
        .orElseThrow(() -> new AssertionError("no example at " + mutant.pointer()));
    JsonNode copy = original.value().deepCopy();
    mutant.mutation().accept(copy);

    List<Error> errors = spec.validate(copy, original.schemaPointer());

    assertThat(errors).as("errors:\n%s", describe(errors)).anySatisfy(error -> {
      assertThat(error.getKeyword()).isEqualTo(mutant.keyword());
      assertThat(error.getInstanceLocation().toString()).isEqualTo(mutant.instanceLocation());
    });
  }

  @Test
  void rejectsAHeaderExampleOutsideItsRange() {
    Map<String, Example> headers = spec.examples().stream()
        .filter(e -> e.pointer().startsWith("/components/headers/"))
        .collect(Collectors.toMap(Example::pointer, e -> e));

    Example limit = headers.get("/components/headers/RateLimitLimit/example");
    assertThat(limit).isNotNull();
    assertThat(spec.validate(limit.value(), limit.schemaPointer())).isEmpty();
    assertThat(spec.validate(IntNode.valueOf(-1), limit.schemaPointer()))
        .extracting(Error::getKeyword).contains("minimum");
  }
}
