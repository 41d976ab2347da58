package dev.dirprov.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cold start: the wall time from starting a JVM to its first completed PATCH, for each contender, as
 * separate processes against one {@link StubServer} in this process. Runs the contenders in turn, round
 * after round, so that a slow moment of the machine does not fall on one contender only, and reports the
 * median. {@code jvm} is a JVM that exits at once: the part of every figure that is the JVM's own start.
 * By default every contender that calls over a socket; {@code feignCore} (in memory) only when named.
 *
 * <pre>{@code
 * java [-Dcoldstart.out=coldstart.csv] -cp benchmarks/target/benchmarks.jar dev.dirprov.benchmarks.ColdStart [runs] [contender...]
 * }</pre>
 */
public final class ColdStart {

  private ColdStart() {
  }

  /**
   * Measures and prints the table.
   *
   * @param args number of runs per contender (default 10), then contender names (default
   *     {@link Contender#OVER_A_SOCKET})
   * @throws Exception if a child process fails
   */
  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    List<String> names = new ArrayList<>();
    names.add("jvm");
    names.addAll(Arrays.asList(
        args.length > 1 ? Arrays.copyOfRange(args, 1, args.length) : Contender.OVER_A_SOCKET));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    Map<String, List<Double>> millis = new LinkedHashMap<>();
    Map<String, List<Double>> builtMillis = new LinkedHashMap<>();
    Map<String, List<Double>> cpuMillis = new LinkedHashMap<>();
    names.forEach(name -> cpuMillis.put(name, new ArrayList<>()));
    names.forEach(name -> millis.put(name, new ArrayList<>()));
    names.forEach(name -> builtMillis.put(name, new ArrayList<>()));
    try (StubServer server = StubServer.start()) {
      for (String name : names) {
        time(java, classPath, name, server.baseUrl()); // one unrecorded run each: file caches, server JIT
      }
      for (int run = 0; run < runs; run++) {
        for (String name : names) {
          double[] times = time(java, classPath, name, server.baseUrl());
          builtMillis.get(name).add(times[0]);
          cpuMillis.get(name).add(times[2]);
          millis.get(name).add(times[1]);
        }
      }
    }
    StringBuilder csv = new StringBuilder("contender,median_ms,min_ms,max_ms,runs,built_median_ms,cpu_median_ms\n");
    System.out.printf("%nCold start, JVM start to first completed PATCH, %d runs each (ms); 'built': JVM start to"
        + " the contender built, before its first call; 'cpu': CPU time of the whole child JVM at its first"
        + " completed PATCH (medians)%n", runs);
    System.out.printf("%-12s %8s %8s %8s %8s %8s%n", "contender", "median", "min", "max", "built", "cpu");
    for (Map.Entry<String, List<Double>> entry : millis.entrySet()) {
      double[] sorted = sorted(entry.getValue());
      double built = median(sorted(builtMillis.get(entry.getKey())));
      double cpu = median(sorted(cpuMillis.get(entry.getKey())));
      System.out.printf("%-12s %8.1f %8.1f %8.1f %8.1f %8.1f%n",
          entry.getKey(), median(sorted), sorted[0], sorted[sorted.length - 1], built, cpu);
      csv.append(String.format(Locale.ROOT, "%s,%.1f,%.1f,%.1f,%d,%.1f,%.1f%n",
          entry.getKey(), median(sorted), sorted[0], sorted[sorted.length - 1], runs, built, cpu));
    }
    String out = System.getProperty("coldstart.out");
    if (out != null) {
      Files.writeString(Path.of(out), csv.toString());
    }
  }

  /**
   * One run: milliseconds from starting the JVM to the contender built and to its first PATCH completed, and the
   * child's CPU time in milliseconds at that point (NaN where the platform does not report it).
   */
  private static double[] time(String java, String classPath, String name, String baseUrl)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", classPath, FirstPatch.class.getName(), name, baseUrl)
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    long start = System.nanoTime();
    Process process = builder.start();
    double built = -1;
    double cpu = Double.NaN;
    double elapsed = -1;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.equals(FirstPatch.BUILT)) {
          built = (System.nanoTime() - start) / 1e6;
        } else if (line.startsWith(FirstPatch.CPU)) {
          long nanos = Long.parseLong(line.substring(FirstPatch.CPU.length()));
          cpu = nanos < 0 ? Double.NaN : nanos / 1e6;
        } else if (line.equals(FirstPatch.DONE)) {
          elapsed = (System.nanoTime() - start) / 1e6;
        }
      }
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(name + " did not exit within 60 s");
    }
    if (process.exitValue() != 0 || built < 0 || elapsed < 0) {
      throw new IllegalStateException(name + " failed: exit code " + process.exitValue());
    }
    return new double[] {built, elapsed, cpu};
  }

  private static double[] sorted(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
  }

  private static double median(double[] sorted) {
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
