package dev.dirprov.contract.verification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirprov.contract.verification.ContractCoverage.OperationCoverage;
import dev.dirprov.contract.verification.ContractCoverage.StatusCoverage;
import dev.dirprov.contract.verification.DocumentedOperations.Field;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Writes a {@link ContractCoverage} for reviewers ({@code contract-coverage.md}) and for tools
 * ({@code contract-coverage.json}).
 *
 * <pre>{@code
 * new CoverageReport(coverage, "dirprov/openapi.yaml 0.1.0", "dirprov-client-auth0-management-api.json")
 *     .writeTo(Path.of("contract-tests/target"));
 * }</pre>
 */
final class CoverageReport {

  static final String MARKDOWN = "contract-coverage.md";
  static final String JSON = "contract-coverage.json";

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ContractCoverage coverage;
  private final String spec;
  private final String pact;

  CoverageReport(ContractCoverage coverage, String spec, String pact) {
    this.coverage = coverage;
    this.spec = spec;
    this.pact = pact;
  }

  void writeTo(Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve(MARKDOWN), markdown(), StandardCharsets.UTF_8);
    Files.writeString(directory.resolve(JSON), MAPPER.writeValueAsString(json()) + "\n", StandardCharsets.UTF_8);
  }

  /** Exercised and documented counts of statuses, request fields and response fields. */
  int[][] totals() {
    int[][] totals = new int[3][2];
    for (OperationCoverage operation : coverage.operations()) {
      for (StatusCoverage status : operation.statuses().values()) {
        totals[0][0] += status.interactions().isEmpty() ? 0 : 1;
        totals[0][1]++;
        add(totals[2], status.responseFields());
      }
      add(totals[1], operation.requestFields());
    }
    return totals;
  }

  private static void add(int[] total, Map<Field, Integer> counts) {
    total[0] += (int) counts.values().stream().filter(count -> count > 0).count();
    total[1] += counts.size();
  }

  String markdown() {
    int[][] totals = totals();
    List<String> failures = coverage.failures();
    StringBuilder md = new StringBuilder()
        .append("# Contract coverage\n\n")
        .append("What the ").append(coverage.interactionCount()).append(" interactions of the pact `").append(pact)
        .append("` exercise of the spec `").append(spec).append("`.\n\n")
        .append("| | exercised | documented |\n|---|---:|---:|\n")
        .append("| statuses of operations | ").append(totals[0][0]).append(" | ").append(totals[0][1]).append(" |\n")
        .append("| request fields | ").append(totals[1][0]).append(" | ").append(totals[1][1]).append(" |\n")
        .append("| response fields | ").append(totals[2][0]).append(" | ").append(totals[2][1]).append(" |\n\n")
        .append(failures.isEmpty() ? "**Gate: passed.**" : "**Gate: failed** (" + failures.size() + ").")
        .append(" The build fails when a documented status of an operation has no interaction, or a documented")
        .append(" request field is sent by no interaction.\n\n## Gaps that fail the build\n\n")
        .append(bullets(failures))
        .append("\n## Response fields no answer carries (reported, not failed)\n\n")
        .append(bullets(coverage.reportedGaps()));
    for (OperationCoverage operation : coverage.operations()) {
      md.append("\n## ").append(operation.operation().operationId()).append(": `")
          .append(operation.operation().method()).append(' ').append(operation.operation().path()).append("`\n\n")
          .append("Request fields (interactions sending each): ")
          .append(operation.requestFields().isEmpty() ? "none documented" : counts(operation.requestFields()))
          .append("\n\n| status | interactions | response fields carried | not carried |\n|---|---:|---|---|\n");
      operation.statuses().forEach((status, answered) -> md.append("| ").append(status).append(" | ")
          .append(answered.interactions().size()).append(" | ")
          .append(names(answered.responseFields(), count -> count > 0)).append(" | ")
          .append(names(answered.responseFields(), count -> count == 0)).append(" |\n"));
    }
    return md.toString();
  }

  ObjectNode json() {
    int[][] totals = totals();
    ObjectNode root = MAPPER.createObjectNode().put("spec", spec).put("pact", pact)
        .put("interactions", coverage.interactionCount());
    ObjectNode summary = root.putObject("totals");
    String[] names = {"statuses", "requestFields", "responseFields"};
    for (int i = 0; i < names.length; i++) {
      summary.putObject(names[i]).put("exercised", totals[i][0]).put("documented", totals[i][1]);
    }
    coverage.failures().forEach(root.putArray("failures")::add);
    coverage.reportedGaps().forEach(root.putArray("reportedGaps")::add);
    ArrayNode operations = root.putArray("operations");
    for (OperationCoverage operation : coverage.operations()) {
      ObjectNode node = operations.addObject().put("operationId", operation.operation().operationId())
          .put("method", operation.operation().method()).put("path", operation.operation().path());
      ObjectNode requestFields = node.putObject("requestFields");
      operation.requestFields().forEach((field, count) -> requestFields.put(field.toString(), count));
      ObjectNode statuses = node.putObject("statuses");
      operation.statuses().forEach((status, answered) -> {
        ObjectNode statusNode = statuses.putObject(status);
        answered.interactions().forEach(statusNode.putArray("interactions")::add);
        ObjectNode responseFields = statusNode.putObject("responseFields");
        answered.responseFields().forEach((field, count) -> responseFields.put(field.toString(), count));
      });
    }
    return root;
  }

  private static String bullets(List<String> lines) {
    return lines.isEmpty() ? "None.\n" : lines.stream().map(line -> "- " + line + "\n").collect(Collectors.joining());
  }

  private static String counts(Map<Field, Integer> fields) {
    return fields.entrySet().stream().map(field -> "`" + field.getKey() + "` " + field.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String names(Map<Field, Integer> fields, Predicate<Integer> which) {
    return fields.entrySet().stream().filter(field -> which.test(field.getValue()))
        .map(field -> field.getKey().name()).collect(Collectors.joining(", "));
  }
}
