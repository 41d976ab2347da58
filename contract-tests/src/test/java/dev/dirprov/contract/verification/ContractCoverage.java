package dev.dirprov.contract.verification;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirprov.contract.verification.DocumentedOperations.Field;
import dev.dirprov.contract.verification.DocumentedOperations.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the interactions of a pact exercise of the spec: for every operation, the interactions of each
 * documented status, how many interactions send each documented request field, and how many answers carry
 * each documented response field.
 *
 * <pre>{@code
 * ContractCoverage coverage = ContractCoverage.of(spec, pact);
 * coverage.failures();     // what fails the build: a status without interaction, a request field never sent
 * coverage.reportedGaps(); // response fields no answer carries: reported, not failed
 * }</pre>
 *
 * <p>The gate's threshold is one: a single documented status or request field that no interaction exercises
 * fails it. Response fields are reported only: Auth0 leaves optional fields out when they have no value (a
 * configuration just created has no last synchronization, many errors have no {@code errorCode}), so a
 * truthful pact cannot always show them, and a missing required one is already a validation failure.
 */
final class ContractCoverage {

  /**
   * One operation's coverage.
   *
   * @param operation what the spec documents
   * @param requestFields how many interactions send each documented request field
   * @param statuses for each documented status, its interactions and how many of them carry each field
   */
  record OperationCoverage(Operation operation, SortedMap<Field, Integer> requestFields,
      Map<String, StatusCoverage> statuses) {
  }

  /**
   * One documented status of an operation.
   *
   * @param interactions the descriptions of the interactions answering with it
   * @param responseFields how many of those answers carry each documented body field
   */
  record StatusCoverage(List<String> interactions, SortedMap<Field, Integer> responseFields) {
  }

  private final List<OperationCoverage> operations;
  private final List<String> outsideTheSpec;
  private final int interactionCount;

  private ContractCoverage(List<OperationCoverage> operations, List<String> outsideTheSpec, int interactionCount) {
    this.operations = operations;
    this.outsideTheSpec = outsideTheSpec;
    this.interactionCount = interactionCount;
  }

  /** The coverage of a spec (as a YAML or JSON tree) by a V4 pact (as a JSON tree). */
  static ContractCoverage of(JsonNode spec, JsonNode pact) {
    Map<Operation, OperationCoverage> byOperation = new LinkedHashMap<>();
    for (Operation operation : DocumentedOperations.of(spec)) {
      SortedMap<Field, Integer> requestFields = new TreeMap<>();
      operation.requestFields().forEach(field -> requestFields.put(field, 0));
      Map<String, StatusCoverage> statuses = new LinkedHashMap<>();
      operation.responseFields().forEach((status, fields) -> {
        SortedMap<Field, Integer> responseFields = new TreeMap<>();
        fields.forEach(field -> responseFields.put(field, 0));
        statuses.put(status, new StatusCoverage(new ArrayList<>(), responseFields));
      });
      byOperation.put(operation, new OperationCoverage(operation, requestFields, statuses));
    }
    List<String> outsideTheSpec = new ArrayList<>();
    for (JsonNode interaction : pact.path("interactions")) {
      String description = interaction.path("description").asText();
      String method = interaction.at("/request/method").asText();
      String path = interaction.at("/request/path").asText();
      String status = interaction.at("/response/status").asText();
      Optional<OperationCoverage> match = byOperation.values().stream()
          .filter(coverage -> coverage.operation().matches(method, path))
          .min(Comparator.comparingInt(coverage -> coverage.operation().path().split("\\{").length));
      if (match.isEmpty()) {
        outsideTheSpec.add("interaction \"" + description + "\" (" + method + " " + path + ") is no operation of"
            + " the spec");
        continue;
      }
      OperationCoverage coverage = match.get();
      count(coverage.requestFields(), sentFields(interaction.get("request")));
      StatusCoverage answered = coverage.statuses().get(status);
      if (answered == null) {
        outsideTheSpec.add("interaction \"" + description + "\" answers " + coverage.operation().title()
            + " with status " + status + ", which the spec does not document");
        continue;
      }
      answered.interactions().add(description);
      count(answered.responseFields(), bodyFields(interaction.at("/response/body/content")));
    }
    return new ContractCoverage(List.copyOf(byOperation.values()), outsideTheSpec, pact.path("interactions").size());
  }

  private static List<Field> sentFields(JsonNode request) {
    List<Field> sent = new ArrayList<>(bodyFields(request.at("/body/content")));
    request.path("query").fieldNames().forEachRemaining(name -> sent.add(new Field("query", name)));
    request.path("headers").fieldNames().forEachRemaining(name -> sent.add(new Field("header", name)));
    return sent;
  }

  /** The fields of a JSON body, named as {@link DocumentedOperations} names them ({@code mapping[].auth0}). */
  private static List<Field> bodyFields(JsonNode body) {
    List<Field> fields = new ArrayList<>();
    collectBodyFields(body, "", fields);
    return fields;
  }

  private static void collectBodyFields(JsonNode node, String prefix, List<Field> fields) {
    if (node.isObject()) {
      node.properties().forEach(property -> {
        String name = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
        fields.add(new Field("body", name));
        collectBodyFields(property.getValue(), name, fields);
      });
    } else if (node.isArray()) {
      node.forEach(item -> collectBodyFields(item, prefix + "[]", fields));
    }
  }

  /** Counts the fields that are documented; header names compare without case. */
  private static void count(SortedMap<Field, Integer> documented, List<Field> present) {
    for (Field field : documented.keySet()) {
      boolean sent = present.stream().anyMatch(p -> p.in().equals(field.in()) && (field.in().equals("header")
          ? p.name().toLowerCase(Locale.ROOT).equals(field.name().toLowerCase(Locale.ROOT))
          : p.name().equals(field.name())));
      if (sent) {
        documented.merge(field, 1, Integer::sum);
      }
    }
  }

  List<OperationCoverage> operations() {
    return operations;
  }

  int interactionCount() {
    return interactionCount;
  }

  /** What fails the build, one sentence each naming the operation and the status or field. */
  List<String> failures() {
    List<String> failures = new ArrayList<>();
    for (OperationCoverage coverage : operations) {
      coverage.statuses().forEach((status, answered) -> {
        if (answered.interactions().isEmpty()) {
          failures.add(coverage.operation().title() + ": documented status " + status + " has no interaction");
        }
      });
      coverage.requestFields().forEach((field, count) -> {
        if (count == 0) {
          failures.add(coverage.operation().title() + ": documented request field " + field
              + " is sent by no interaction");
        }
      });
    }
    failures.addAll(outsideTheSpec);
    return failures;
  }

  /** Documented response fields of a status that has interactions, none of whose answers carries them. */
  List<String> reportedGaps() {
    List<String> gaps = new ArrayList<>();
    for (OperationCoverage coverage : operations) {
      coverage.statuses().forEach((status, answered) -> {
        List<String> unseen = answered.responseFields().entrySet().stream()
            .filter(field -> field.getValue() == 0).map(field -> field.getKey().name()).toList();
        if (!answered.interactions().isEmpty() && !unseen.isEmpty()) {
          gaps.add(coverage.operation().operationId() + " " + status + ": " + String.join(", ", unseen));
        }
      });
    }
    return gaps;
  }
}
