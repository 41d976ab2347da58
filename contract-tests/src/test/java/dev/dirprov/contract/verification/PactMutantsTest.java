package dev.dirprov.contract.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The validation of the pact is itself proven: small mutations of the pact file this build wrote, each
 * breaking one rule of the spec, are each rejected with a message naming the interaction, where in it the
 * spec is broken, and the rule.
 */
class PactMutantsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String FULL_UPDATE =
      "a request to replace the mapping and turn on automatic synchronization of every group";
  private static final String PARTIAL_UPDATE = "a request to turn off automatic synchronization only";
  private static final String SELECTED_GROUPS = "a request to synchronize only selected groups";
  private static final String CONNECTION_NOT_FOUND = "a request to update a connection that does not exist";
  private static final String RATE_LIMITED =
      "a request to update the directory provisioning configuration of a connection while the tenant's rate limit"
          + " is used up";

  private static final String FIRST_PAGE =
      "a request for the first page of the tenant's directory provisioning configurations";
  private static final String CREATE = "a request to create a configuration with a mapping that synchronizes selected"
      + " groups automatically";
  private static final String DELETE =
      "a request to delete the directory provisioning configuration of a connection that has one";
  private static final String SYNCHRONIZE = "a request to synchronize the directory of a connection now";
  private static final String REPLACE_GROUPS =
      "a request to replace the synchronized groups of a connection with two groups";

  private static PactSpecValidator validator;
  private static ObjectNode generated;
  /** What the pact as generated already breaks (nothing, unless GeneratedPactConformsToSpecTest fails too). */
  private static List<Finding> baseline;

  @BeforeAll
  static void readThePactAndTheSpec() throws Exception {
    validator = PactSpecValidator.forPublishedSpec();
    generated = (ObjectNode) JSON.readTree(PactSpecValidator.generatedPactJson());
    baseline = validator.validate(generated.toString());
  }

  /**
   * One broken copy of the pact.
   *
   * @param name what is broken, as the test report names the case
   * @param interaction the description of the interaction that is mutated
   * @param mutation what is done to that interaction's JSON
   * @param rule the key of the rule that must reject it
   * @param location where the finding must point
   */
  record Mutant(String name, String interaction, Consumer<ObjectNode> mutation, String rule, String location) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Mutant> mutants() {
    return Stream.of(
        new Mutant("a required response field is missing", FULL_UPDATE,
            i -> responseBody(i).remove("created_at"),
            "validation.response.body.schema.required", "response body /"),
        new Mutant("a response carries an unknown enum value", FULL_UPDATE,
            i -> responseBody(i).put("synchronize_groups", "sometimes"),
            "validation.response.body.schema.enum", "response body /synchronize_groups"),
        new Mutant("a request carries an unknown enum value", SELECTED_GROUPS,
            i -> requestBody(i).put("synchronize_groups", "some"),
            "validation.request.body.schema.enum", "request body /synchronize_groups"),
        new Mutant("a request carries a field the spec does not have", PARTIAL_UPDATE,
            i -> requestBody(i).put("enabled", true),
            "validation.request.body.schema.additionalProperties", "request body /"),
        new Mutant("a mapping item carries a field the spec does not have", FULL_UPDATE,
            i -> ((ObjectNode) requestBody(i).withArray("mapping").get(0)).put("transform", "lowercase"),
            "validation.request.body.schema.additionalProperties", "request body /mapping/0"),
        new Mutant("a response carries a field the spec does not have", PARTIAL_UPDATE,
            i -> responseBody(i).put("connection_type", "google-apps"),
            "validation.response.body.schema.additionalProperties", "response body /"),
        new Mutant("a required response field is null", FULL_UPDATE,
            i -> responseBody(i).putNull("connection_name"),
            "validation.response.body.schema.type", "response body /connection_name"),
        new Mutant("a request sends null for a boolean", PARTIAL_UPDATE,
            i -> requestBody(i).putNull("synchronize_automatically"),
            "validation.request.body.schema.type", "request body /synchronize_automatically"),
        new Mutant("a timestamp is not a date-time", FULL_UPDATE,
            i -> responseBody(i).put("updated_at", "30/11/2026 14:02"),
            "validation.response.body.schema.format.date-time", "response body /updated_at"),
        new Mutant("a request sends an empty mapping", FULL_UPDATE,
            i -> requestBody(i).putArray("mapping"),
            "validation.request.body.schema.minItems", "request body /mapping"),
        new Mutant("an error body has no message", CONNECTION_NOT_FOUND,
            i -> responseBody(i).remove("message"),
            "validation.response.body.schema.required", "response body /"),
        new Mutant("the status code is not documented", CONNECTION_NOT_FOUND,
            i -> i.withObject("/response").put("status", 409),
            "validation.response.status.unknown", "response status 409"),
        new Mutant("the path carries the servers base path /api/v2", PARTIAL_UPDATE,
            i -> i.withObject("/request").put("path", "/api/v2" + i.at("/request/path").asText()),
            "validation.request.path.missing", "request path /api/v2/connections/"),
        new Mutant("the path names another resource", PARTIAL_UPDATE,
            i -> i.withObject("/request").put("path", "/connections/con_0aB1cD2eF3gH4iJ5/directory-provisionings"),
            "validation.request.path.missing", "request path /connections/con_0aB1cD2eF3gH4iJ5/directory-provisionings"),
        new Mutant("the method is not the documented one", PARTIAL_UPDATE,
            i -> i.withObject("/request").put("method", "PUT"),
            "validation.request.operation.notAllowed", "request method PUT"),
        new Mutant("the request has no credentials", PARTIAL_UPDATE,
            i -> {
              i.withObject("/request/headers").remove("Authorization");
              i.withObject("/request/matchingRules/header").remove("Authorization");
            },
            PactSpecValidator.BEARER_TOKEN_MISSING, "request header Authorization"),
        new Mutant("a rate-limit header is not a number", RATE_LIMITED,
            i -> i.withObject("/response/headers").putArray("x-ratelimit-remaining").add("none"),
            "validation.response.header.schema.type", "response header x-ratelimit-remaining"),
        new Mutant("a page is larger than 100", FIRST_PAGE,
            i -> i.withObject("/request/query").putArray("take").add("101"),
            "validation.request.parameter.schema.maximum", "request query take"),
        new Mutant("the page size is not a number", FIRST_PAGE,
            i -> i.withObject("/request/query").putArray("take").add("all"),
            "validation.request.parameter.schema.type", "request query take"),
        new Mutant("a request carries a query parameter the spec does not have", FIRST_PAGE,
            i -> i.withObject("/request/query").putArray("sort").add("connection_name"),
            "validation.request.parameter.query.unexpected", "request query"),
        new Mutant("the next cursor is not a string", FIRST_PAGE,
            i -> responseBody(i).put("next", 2),
            "validation.response.body.schema.type", "response body /next"),
        new Mutant("a creation is answered with 200 instead of 201", CREATE,
            i -> i.withObject("/response").put("status", 200),
            "validation.response.status.unknown", "response status 200"),
        new Mutant("a no-content answer carries a body", DELETE,
            i -> i.withObject("/response").set("body", JSON.createObjectNode()
                .put("contentType", "application/json").put("encoded", false)
                .set("content", JSON.createObjectNode().put("deleted", true))),
            "validation.response.body.unexpected", "response body"),
        new Mutant("a requested synchronization has no id", SYNCHRONIZE,
            i -> responseBody(i).remove("synchronization_id"),
            "validation.response.body.schema.required", "response body /"),
        new Mutant("a group id has a character Google never uses", REPLACE_GROUPS,
            i -> ((ObjectNode) requestBody(i).withArray("groups").get(0)).put("id", "group-1"),
            "validation.request.body.schema.pattern", "request body /groups/0/id"));
  }

  private static ObjectNode requestBody(ObjectNode interaction) {
    return interaction.withObject("/request/body/content");
  }

  private static ObjectNode responseBody(ObjectNode interaction) {
    return interaction.withObject("/response/body/content");
  }

  /** The findings the mutation adds to those of the pact as generated. */
  private static List<Finding> findingsOf(Mutant mutant) {
    ObjectNode pact = generated.deepCopy();
    ArrayNode interactions = (ArrayNode) pact.get("interactions");
    ObjectNode target = null;
    for (JsonNode interaction : interactions) {
      if (interaction.get("description").asText().equals(mutant.interaction())) {
        target = (ObjectNode) interaction;
      }
    }
    assertThat(target).as("interaction \"%s\" in the generated pact", mutant.interaction()).isNotNull();
    mutant.mutation().accept(target);
    List<Finding> findings = new ArrayList<>(validator.validate(pact.toString()));
    findings.removeAll(baseline);
    return findings;
  }

  @Test
  void acceptsThePactAsGenerated() {
    assertThat(baseline).isEmpty();
  }

  @Test
  void acceptsAnErrorBodyWithAFieldTheSpecLeavesOpen() {
    Mutant openErrorBody = new Mutant("an error body carries one more field", CONNECTION_NOT_FOUND,
        i -> responseBody(i).put("attributes", "connection"), "", "");

    assertThat(findingsOf(openErrorBody)).isEmpty();
  }

  @ParameterizedTest(name = "rejects a pact where {0}")
  @MethodSource("mutants")
  void rejectsTheMutantNamingInteractionLocationAndRule(Mutant mutant) {
    List<Finding> findings = findingsOf(mutant);
    String report = findings.stream().map(Finding::toString).collect(Collectors.joining("\n"));

    assertThat(findings).as("findings").isNotEmpty()
        .allSatisfy(finding -> assertThat(finding.interaction()).isEqualTo(mutant.interaction()));
    assertThat(findings).as("findings:\n%s", report)
        .anySatisfy(finding -> {
          assertThat(finding.rule()).isEqualTo(mutant.rule());
          assertThat(finding.location()).startsWith(mutant.location());
          assertThat(finding.toString())
              .contains("\"" + mutant.interaction() + "\"", finding.location(), mutant.rule());
        });
  }
}
