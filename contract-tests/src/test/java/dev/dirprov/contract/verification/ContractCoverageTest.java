package dev.dirprov.contract.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract-coverage gate on the pact this build wrote: every documented status of every operation has an
 * interaction, and every documented request field is sent by one. The report for reviewers
 * ({@code target/contract-coverage.md} and {@code .json}) is written first, so it is there when the gate fails.
 */
class ContractCoverageTest {

  private static JsonNode spec;
  private static ContractCoverage coverage;
  private static Path reports;

  @BeforeAll
  static void measureTheCoverageAndWriteTheReport() throws IOException {
    spec = new ObjectMapper(new YAMLFactory()).readTree(PactSpecValidator.specText());
    coverage = ContractCoverage.of(spec, new ObjectMapper().readTree(PactSpecValidator.generatedPactJson()));
    String reportDir = System.getProperty("dirprov.reportDir");
    if (reportDir == null) {
      throw new IllegalStateException("dirprov.reportDir is not set: run through Maven (contract-tests/pom.xml)");
    }
    reports = Path.of(reportDir);
    new CoverageReport(coverage, PactSpecValidator.SPEC_RESOURCE + " " + spec.at("/info/version").asText(),
        PactSpecValidator.PACT_FILE).writeTo(reports);
  }

  @Test
  void exercisesEveryDocumentedStatusAndRequestFieldOfEveryOperation() {
    List<String> failures = coverage.failures();

    assertThat(failures)
        .withFailMessage(() -> "Contract coverage gate (details in " + reports.resolve(CoverageReport.MARKDOWN)
            + "):\n" + String.join("\n", failures))
        .isEmpty();
  }

  @Test
  void measuresEveryOperationAndStatusOfTheSpec() {
    List<String> documented = new ArrayList<>();
    spec.get("paths").forEach(path -> path.forEach(operation -> operation.path("responses").fieldNames()
        .forEachRemaining(status -> documented.add(operation.path("operationId").asText() + " " + status))));
    List<String> measured = new ArrayList<>();
    coverage.operations().forEach(operation -> operation.statuses().keySet()
        .forEach(status -> measured.add(operation.operation().operationId() + " " + status)));

    assertThat(documented).hasSizeGreaterThan(9);
    assertThat(measured).containsExactlyInAnyOrderElementsOf(documented);
  }

  @Test
  void writesTheReportInMarkdownAndJson() throws IOException {
    JsonNode json = new ObjectMapper().readTree(reports.resolve(CoverageReport.JSON).toFile());
    String markdown = Files.readString(reports.resolve(CoverageReport.MARKDOWN));

    assertThat(json.at("/interactions").asInt()).isEqualTo(coverage.interactionCount()).isPositive();
    assertThat(json.at("/totals/statuses/documented").asInt()).isEqualTo(new CoverageReport(coverage, "", "")
        .totals()[0][1]);
    assertThat(json.at("/operations")).hasSize(coverage.operations().size());
    assertThat(json.at("/failures")).isEmpty();
    assertThat(markdown).startsWith("# Contract coverage").contains("**Gate: passed.**");
    coverage.operations().forEach(operation -> assertThat(markdown)
        .contains("## " + operation.operation().operationId() + ": `" + operation.operation().method()));
  }
}
