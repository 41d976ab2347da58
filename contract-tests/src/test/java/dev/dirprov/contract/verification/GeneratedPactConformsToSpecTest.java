package dev.dirprov.contract.verification;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pact file this build's consumer tests wrote: every interaction in it conforms to the spec, and the
 * file has the shape a provider or PactFlow pipeline expects.
 */
class GeneratedPactConformsToSpecTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static PactSpecValidator validator;
  private static JsonNode pactJson;

  @BeforeAll
  static void readThePactAndTheSpec() throws IOException {
    validator = PactSpecValidator.forPublishedSpec();
    pactJson = JSON.readTree(PactSpecValidator.generatedPactJson());
  }

  static Stream<Named<Interaction>> interactions() {
    return PactSpecValidator.parse(PactSpecValidator.generatedPactJson()).getInteractions().stream()
        .map(interaction -> Named.of(interaction.getDescription(), (Interaction) interaction));
  }

  private static Stream<JsonNode> interactionNodes() {
    return StreamSupport.stream(pactJson.get("interactions").spliterator(), false);
  }

  private static JsonNode interactionNode(String description) {
    return interactionNodes().filter(i -> i.get("description").asText().equals(description)).findFirst()
        .orElseThrow(() -> new AssertionError("no interaction \"" + description + "\" in the pact file"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("interactions")
  void conformsToTheSpec(Interaction interaction) {
    List<Finding> findings = validator.validate(interaction);

    assertThat(findings)
        .withFailMessage(() -> "The pact breaks spec/openapi.yaml:\n" + findings.stream()
            .map(Finding::toString).collect(Collectors.joining("\n")))
        .isEmpty();
  }

  @Test
  void isAVersion4PactOfTheClientWithAuth0() {
    Pact pact = PactSpecValidator.parse(PactSpecValidator.generatedPactJson());

    assertThat(pact.getConsumer().getName()).isEqualTo("dirprov-client");
    assertThat(pact.getProvider().getName()).isEqualTo("auth0-management-api");
    assertThat(pactJson.at("/metadata/pactSpecification/version").asText()).isEqualTo("4.0");
    assertThat(pact.getInteractions()).hasSizeGreaterThanOrEqualTo(9);
  }

  @Test
  void namesAProviderStateAndAPathOfTheSpecRelativeToTheApiBaseInEveryInteraction() throws IOException {
    JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(PactSpecValidator.specText());
    List<Pattern> specPaths = new ArrayList<>();
    spec.get("paths").fieldNames().forEachRemaining(path ->
        specPaths.add(Pattern.compile(path.replaceAll("\\{[^}]+}", "[^/]+"))));

    interactionNodes().forEach(interaction -> {
      String description = interaction.get("description").asText();
      assertThat(interaction.at("/providerStates/0/name").asText()).as("provider state of %s", description)
          .isNotBlank();
      assertThat(interaction.at("/request/path").asText()).as("path of %s", description)
          .startsWith("/connections")
          .matches(path -> specPaths.stream().anyMatch(p -> p.matcher(path).matches()), "a path of the spec");
      assertThat(interaction.at("/request/matchingRules/header/Authorization/matchers/0/regex").asText())
          .as("Authorization matcher of %s", description)
          .isEqualTo("Bearer .+");
    });
  }

  @Test
  void sendsExactlyOneFieldInThePartialUpdate() {
    JsonNode request = interactionNode("a request to turn off automatic synchronization only").get("request");

    assertThat(request.at("/body/content")).isEqualTo(JSON.createObjectNode().put("synchronize_automatically", false));
    assertThat(request.at("/matchingRules/body").isMissingNode())
        .as("the request body is matched literally, so the mock server refuses any other key")
        .isTrue();
  }

  @Test
  void answersWithoutABodyOnlyWithNoContent() {
    List<String> bodiless = interactionNodes().filter(i -> i.at("/response/body/content").isMissingNode())
        .map(i -> i.at("/response/status").asInt() + " " + i.get("description").asText()).toList();

    assertThat(bodiless).isNotEmpty().allSatisfy(answer -> assertThat(answer).startsWith("204 "));
  }

  @Test
  void matchesEveryResponseFieldByTypeOrFormatRatherThanByValue() {
    interactionNodes().filter(i -> !i.at("/response/body/content").isMissingNode()).forEach(interaction -> {
      JsonNode rules = interaction.at("/response/matchingRules/body");
      Set<String> leaves = new TreeSet<>();
      collectLeafPaths(interaction.at("/response/body/content"), "$", leaves);
      Set<String> ruled = new TreeSet<>();
      rules.fieldNames().forEachRemaining(ruled::add);

      assertThat(leaves).as("response fields of %s", interaction.get("description").asText())
          .isNotEmpty()
          .allSatisfy(leaf -> assertThat(ruled).as("matching rules").contains(leaf));
    });
  }

  /** JSONPaths of every scalar in a body, with array indices as {@code [*]} as Pact writes its rules. */
  private static void collectLeafPaths(JsonNode node, String path, Set<String> leaves) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        collectLeafPaths(field.getValue(), path + "." + field.getKey(), leaves);
      }
    } else if (node.isArray()) {
      node.forEach(item -> collectLeafPaths(item, path + "[*]", leaves));
    } else if (!node.isMissingNode()) {
      leaves.add(path);
    }
  }
}
