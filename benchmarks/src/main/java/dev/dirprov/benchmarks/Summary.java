package dev.dirprov.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the results of a full run (see {@code benchmarks/run.sh}) into the tables of BENCHMARKS.md: each
 * figure with its ratio to {@code floorOkHttp} (the hand-written floor) and to {@code feignFloor} (the least
 * a client generated for Feign costs), the first call after an idle close, and whether each goal is met.
 * A result file that is missing leaves its column empty.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.dirprov.benchmarks.Summary benchmarks/target/results
 * }</pre>
 */
public final class Summary {

  private static final String FLOOR = "floorOkHttp";
  private static final String FEIGN_FLOOR = "feignFloor";
  private static final String[] CONNECTIONS = {"reused", "fresh", "stale"};

  private Summary() {
  }

  /**
   * Prints the tables.
   *
   * @param args the folder with latency.json, throughput.json, coldstart.csv and idle-close.json
   * @throws IOException if a result file cannot be read
   */
  public static void main(String[] args) throws IOException {
    Path results = Path.of(args.length > 0 ? args[0] : "benchmarks/target/results");
    Map<String, double[]> latency = new HashMap<>();
    Map<String, double[]> allocation = new HashMap<>();
    Map<String, double[]> throughput = new HashMap<>();
    Map<String, double[]> coldStart = new HashMap<>();
    Map<String, double[]> idleClose = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    for (JsonNode result : read(json, results.resolve("latency.json"))) {
      String contender = result.path("params").path("contender").asText();
      latency.put(contender, scoreAndError(result.path("primaryMetric")));
      allocation.put(contender, scoreAndError(result.path("secondaryMetrics").path("gc.alloc.rate.norm")));
    }
    for (JsonNode result : read(json, results.resolve("throughput.json"))) {
      throughput.put(result.path("params").path("contender").asText(), scoreAndError(result.path("primaryMetric")));
    }
    for (JsonNode result : read(json, results.resolve("idle-close.json"))) {
      idleClose.put(result.path("params").path("contender").asText() + "/"
          + result.path("params").path("connection").asText(), scoreAndError(result.path("primaryMetric")));
    }
    Path coldStartCsv = results.resolve("coldstart.csv");
    if (Files.exists(coldStartCsv)) {
      List<String> lines = Files.readAllLines(coldStartCsv);
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split(",");
        coldStart.put(cells[0], new double[] {Double.parseDouble(cells[1]), 0});
      }
    }

    System.out.println("Each figure, then its ratio to floorOkHttp and to feignFloor. feignCore answers in memory:"
        + " Feign's and Jackson's own work, no socket, so it has no throughput or cold start of a call."
        + " — : not in the results (not run, or failed: see the log).");
    System.out.println();
    System.out.println("| contender | latency, 1 thread (µs/call) | throughput, 16 threads (calls/s) "
        + "| allocated (B/call) | cold start, median (ms) |");
    System.out.println("|---|---|---|---|---|");
    for (String contender : Contender.NAMES) {
      System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", contender,
          cell(latency, contender, "%.1f"),
          cell(throughput, contender, "%.0f"),
          cell(allocation, contender, "%.0f"),
          cell(coldStart, contender, "%.0f"));
    }
    if (coldStart.containsKey("jvm")) {
      System.out.printf(Locale.ROOT, "%nA JVM that exits at once: %.0f ms (median), part of every cold start.%n",
          coldStart.get("jvm")[0]);
    }

    if (!idleClose.isEmpty()) {
      System.out.println();
      System.out.println("One call (µs, mean of single shots) on a kept-alive connection, on a new connection the"
          + " server asked for, and after the server closed the idle connection:");
      System.out.println();
      System.out.println("| contender | reused | fresh | after an idle close | idle close ÷ fresh |");
      System.out.println("|---|---|---|---|---|");
      for (String contender : Contender.NAMES) {
        if (!idleClose.containsKey(contender + "/stale")) {
          continue;
        }
        StringBuilder row = new StringBuilder("| " + contender + " |");
        for (String connection : CONNECTIONS) {
          double[] figure = idleClose.get(contender + "/" + connection);
          row.append(' ').append(figure == null ? "—" : String.format(Locale.ROOT, "%.0f ± %.0f", figure[0],
              figure[1])).append(" |");
        }
        row.append(String.format(Locale.ROOT, " %.2f× |", ratio(idleClose, contender + "/stale", contender + "/fresh")));
        System.out.println(row);
      }
    }

    System.out.println();
    System.out.println("Goals of dirprov:");
    goal("latency ≤ 1.10 × floorOkHttp", ratio(latency, "dirprov", FLOOR), r -> r <= 1.10);
    goal("throughput ≥ 0.90 × floorOkHttp", ratio(throughput, "dirprov", FLOOR), r -> r >= 0.90);
    goal("allocation ≤ 1.5 × floorOkHttp", ratio(allocation, "dirprov", FLOOR), r -> r <= 1.5);
    goal("latency below the SDK's", ratio(latency, "dirprov", "auth0Sdk"), r -> r < 1);
    goal("throughput above the SDK's", ratio(throughput, "dirprov", "auth0Sdk"), r -> r > 1);
    goal("allocation below the SDK's", ratio(allocation, "dirprov", "auth0Sdk"), r -> r < 1);
    goal("latency ≤ 1.05 × feignFloor", ratio(latency, "dirprov", FEIGN_FLOOR), r -> r <= 1.05);
    goal("allocation ≤ 1.05 × feignFloor", ratio(allocation, "dirprov", FEIGN_FLOOR), r -> r <= 1.05);
    goal("throughput ≥ 0.95 × feignFloor", ratio(throughput, "dirprov", FEIGN_FLOOR), r -> r >= 0.95);
    goal("cold start ≤ 1.05 × feignFloor", ratio(coldStart, "dirprov", FEIGN_FLOOR), r -> r <= 1.05);
    goal("cold start at or under the SDK's", ratio(coldStart, "dirprov", "auth0Sdk"), r -> r <= 1);
    goal("first call after an idle close ≤ 1.2 × a call on a fresh connection",
        ratio(idleClose, "dirprov/stale", "dirprov/fresh"), r -> r <= 1.2);
  }

  private static JsonNode read(ObjectMapper json, Path file) throws IOException {
    return Files.exists(file) ? json.readTree(file.toFile()) : json.createArrayNode();
  }

  private static double[] scoreAndError(JsonNode metric) {
    return new double[] {metric.path("score").asDouble(Double.NaN), metric.path("scoreError").asDouble(Double.NaN)};
  }

  /** {@code figures[of] / figures[to]}, or NaN when either is missing. */
  private static double ratio(Map<String, double[]> figures, String of, String to) {
    double[] a = figures.get(of);
    double[] b = figures.get(to);
    return a == null || b == null ? Double.NaN : a[0] / b[0];
  }

  private static String cell(Map<String, double[]> figures, String contender, String format) {
    double[] figure = figures.get(contender);
    if (figure == null || Double.isNaN(figure[0])) {
      return "—";
    }
    String value = String.format(Locale.ROOT, format, figure[0]);
    if (figure[1] > 0 && !Double.isNaN(figure[1])) {
      value += " ± " + String.format(Locale.ROOT, format, figure[1]);
    }
    return value + String.format(Locale.ROOT, " (%.2f× / %.2f×)",
        ratio(figures, contender, FLOOR), ratio(figures, contender, FEIGN_FLOOR));
  }

  private static void goal(String goal, double ratio, java.util.function.DoublePredicate met) {
    System.out.printf(Locale.ROOT, "- %s: %s%n", goal, Double.isNaN(ratio) ? "not measured"
        : String.format(Locale.ROOT, "%.2f× — %s", ratio, met.test(ratio) ? "met" : "NOT met"));
  }
}
