package dev.dirprov.benchmarks;

import java.time.Duration;

/**
 * The child process of {@link ColdStart}: builds one contender, makes one PATCH, says on standard output when
 * it is built and when the PATCH has completed, and exits. The contender {@code jvm} makes no call: it measures the JVM's own start.
 */
public final class FirstPatch {

  /** The line that tells {@link ColdStart} the contender is built and its first call about to start. */
  static final String BUILT = "built";

  /** The line that tells {@link ColdStart} the first PATCH has completed. */
  static final String DONE = "patched";

  /** Starts the line that tells {@link ColdStart} the CPU time this process had used at {@link #DONE}, in ns. */
  static final String CPU = "cpu ";

  private FirstPatch() {
  }

  /**
   * Runs one contender once.
   *
   * @param args the contender's name and the server's base URL
   * @throws Exception if the call fails
   */
  public static void main(String[] args) throws Exception {
    if (args[0].equals("jvm")) {
      System.out.println(BUILT);
      System.out.println(DONE);
      System.out.flush();
      printCpuTime();
      System.exit(0);
    }
    Contender contender = Contender.create(args[0], args[1]);
    System.out.println(BUILT);
    System.out.flush();
    Object response = contender.patch();
    System.out.println(DONE);
    System.out.flush();
    printCpuTime(); // after the line, so not measured
    contender.check(response);
    System.exit(0);
  }

  /** The CPU time of every thread of this JVM so far (JIT compiler and GC included): far less noisy than wall time. */
  private static void printCpuTime() {
    System.out.println(CPU + ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L));
    System.out.flush();
  }
}
