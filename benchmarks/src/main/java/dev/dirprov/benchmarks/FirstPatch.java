package dev.dirprov.benchmarks;

/**
 * The child process of {@link ColdStart}: builds one contender, makes one PATCH, says on standard output when
 * it is built and when the PATCH has completed, and exits. The contender {@code jvm} makes no call: it measures the JVM's own start.
 */
public final class FirstPatch {

  /** The line that tells {@link ColdStart} the contender is built and its first call about to start. */
  static final String BUILT = "built";

  /** The line that tells {@link ColdStart} the first PATCH has completed. */
  static final String DONE = "patched";

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
      System.exit(0);
    }
    Contender contender = Contender.create(args[0], args[1]);
    System.out.println(BUILT);
    System.out.flush();
    Object response = contender.patch();
    System.out.println(DONE);
    System.out.flush();
    contender.check(response); // after the line, so not measured
    System.exit(0);
  }
}
