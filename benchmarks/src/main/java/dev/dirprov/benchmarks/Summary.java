package dev.dirprov.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

/**
 * Turns the results of a full run (see {@code benchmarks/run.sh}) into the table of BENCHMARKS.md: each
 * figure, its ratio to the floor and whether each goal is met. The floor of a figure is the better of the
 * two hand-written floors on that figure.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.dirprov.benchmarks.Summary benchmarks/target/results
 * }</pre>
 */
public final class Summary {

  private static final List<String> FLOORS = List.of("floorJdk", "floorOkHttp");

  private Summary() {
  }

  /**
   * Prints the table.
   *
   * @param args the folder with latency.json, throughput.json and coldstart.csv
   * @throws IOException if a result file cannot be read
   */
  public static void main(String[] args) throws IOException {
    Path results = Path.of(args.length > 0 ? args[0] : "benchmarks/target/results");
    Map<String, double[]> latency = new LinkedHashMap<>();
    Map<String, double[]> allocation = new LinkedHashMap<>();
    Map<String, double[]> throughput = new LinkedHashMap<>();
    Map<String, double[]> coldStart = new LinkedHashMap<>();
    ObjectMapper json = new ObjectMapper();
    for (JsonNode result : json.readTree(results.resolve("latency.json").toFile())) {
      String contender = result.path("params").path("contender").asText();
      latency.put(contender, scoreAndError(result.path("primaryMetric")));
      allocation.put(contender, scoreAndError(result.path("secondaryMetrics").path("gc.alloc.rate.norm")));
    }
    for (JsonNode result : json.readTree(results.resolve("throughput.json").toFile())) {
      throughput.put(result.path("params").path("contender").asText(), scoreAndError(result.path("primaryMetric")));
    }
    for (String line : Files.readAllLines(results.resolve("coldstart.csv")).subList(1,
        Files.readAllLines(results.resolve("coldstart.csv")).size())) {
      String[] cells = line.split(",");
      coldStart.put(cells[0], new double[] {Double.parseDouble(cells[1]), 0});
    }

    double latencyFloor = floor(latency, Math::min);
    double throughputFloor = floor(throughput, Math::max);
    double allocationFloor = floor(allocation, Math::min);
    double coldStartFloor = floor(coldStart, Math::min);

    System.out.println("| contender | latency, 1 thread (µs/call) | throughput, 16 threads (calls/s) "
        + "| allocated (B/call) | cold start, median (ms) |");
    System.out.println("|---|---|---|---|---|");
    for (String contender : Contender.NAMES) {
      System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", contender,
          cell(latency.get(contender), latencyFloor, "%.1f"),
          cell(throughput.get(contender), throughputFloor, "%.0f"),
          cell(allocation.get(contender), allocationFloor, "%.0f"),
          cell(coldStart.get(contender), coldStartFloor, "%.0f"));
    }
    if (coldStart.containsKey("jvm")) {
      System.out.printf(Locale.ROOT, "%nA JVM that exits at once: %.0f ms (median), part of every cold start.%n",
          coldStart.get("jvm")[0]);
    }

    System.out.println();
    double[] lat = latency.get("dirprov");
    double[] thr = throughput.get("dirprov");
    double[] mem = allocation.get("dirprov");
    double[] cold = coldStart.get("dirprov");
    goal("latency ≤ 1.10 × floor", lat[0] / latencyFloor, lat[0] <= 1.10 * latencyFloor);
    goal("throughput ≥ 0.90 × floor", thr[0] / throughputFloor, thr[0] >= 0.90 * throughputFloor);
    goal("allocation ≤ 1.5 × floor", mem[0] / allocationFloor, mem[0] <= 1.5 * allocationFloor);
    goal("latency below the SDK's", lat[0] / latency.get("auth0Sdk")[0], lat[0] < latency.get("auth0Sdk")[0]);
    goal("throughput above the SDK's", thr[0] / throughput.get("auth0Sdk")[0],
        thr[0] > throughput.get("auth0Sdk")[0]);
    goal("allocation below the SDK's", mem[0] / allocation.get("auth0Sdk")[0],
        mem[0] < allocation.get("auth0Sdk")[0]);
    goal("cold start below the SDK's", cold[0] / coldStart.get("auth0Sdk")[0],
        cold[0] < coldStart.get("auth0Sdk")[0]);
  }

  private static double[] scoreAndError(JsonNode metric) {
    return new double[] {metric.path("score").asDouble(Double.NaN), metric.path("scoreError").asDouble(Double.NaN)};
  }

  /** The better of the floors that have a figure (a run can fail, see BENCHMARKS.md on floorJdk). */
  private static double floor(Map<String, double[]> figures, DoubleBinaryOperator better) {
    double floor = Double.NaN;
    for (String name : FLOORS) {
      double[] figure = figures.get(name);
      if (figure != null && !Double.isNaN(figure[0])) {
        floor = Double.isNaN(floor) ? figure[0] : better.applyAsDouble(floor, figure[0]);
      }
    }
    return floor;
  }

  private static String cell(double[] figure, double floor, String format) {
    if (figure == null || Double.isNaN(figure[0])) {
      return "failed (see the log)";
    }
    String value = String.format(Locale.ROOT, format, figure[0]);
    if (figure[1] > 0 && !Double.isNaN(figure[1])) {
      value += " ± " + String.format(Locale.ROOT, format, figure[1]);
    }
    return value + String.format(Locale.ROOT, " (%.2f×)", figure[0] / floor);
  }

  private static void goal(String goal, double ratio, boolean met) {
    System.out.printf(Locale.ROOT, "- %s: %.2f× — %s%n", goal, ratio, met ? "met" : "NOT met");
  }
}
