package dev.dirprov.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first call after the server closed the client's idle connection, next to a call on a connection the
 * server ended knowingly and a call on a kept-alive one. One call per iteration ({@code SingleShotTime}), so
 * that each measured call is prepared, untimed, by the call before it:
 * <ul>
 *   <li>{@code reused}: the call before kept its connection alive; the measured call reuses it.</li>
 *   <li>{@code fresh}: the call before was answered with {@code Connection: close}; the measured call opens a
 *       new connection, knowingly. This is the yardstick of the goal (after an idle close within 1.2× of it).</li>
 *   <li>{@code stale}: after the call before, the server closed the idle connection from its side (a FIN the
 *       client has not read); the measured call finds it in the client's pool, sends on it, reads its end and
 *       has to make the call again on a new connection. OkHttp only probes a pooled connection before a
 *       non-GET after 10 s of idleness, so within that time this is the path every OkHttp client takes.</li>
 * </ul>
 * After every measured call the server's counters are checked: the call must have opened exactly the new
 * connections its case means (0, 1, 1) and, in {@code stale}, its first request must have arrived on the
 * closed connection. A contender that took another path fails the run instead of measuring something else.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 30)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC"})
public class IdleCloseBenchmark {

  /** Which contender runs; see {@link Contender#NAMES}. */
  @Param({"floorOkHttp", "feignFloor", "dirprov", "auth0Sdk"})
  public String contender;

  /** What happened to the connection before the measured call: {@code reused}, {@code fresh} or {@code stale}. */
  @Param({"reused", "fresh", "stale"})
  public String connection;

  /** How long {@link #start()} calls the contender on a kept-alive connection before JMH's warm-up. */
  static final int PRE_WARM_SECONDS = 5;

  private StubServer server;
  private Contender client;
  private long connectionsBefore;
  private long staleBefore;

  /** Starts the server and the contender, checks one call end to end and warms the contender's usual path. */
  @Setup(Level.Trial)
  public void start() throws Exception {
    if (!connection.equals("reused") && !connection.equals("fresh") && !connection.equals("stale")) {
      throw new IllegalArgumentException("connection must be reused, fresh or stale, but was " + connection);
    }
    server = StubServer.start();
    client = Contender.create(contender, server.baseUrl());
    Contender.checkFirstCall(contender, client, server);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(PRE_WARM_SECONDS);
    while (System.nanoTime() < end) {
      client.patch();
    }
  }

  /** The untimed call before the measured one, and what the server does to its connection afterwards. */
  @Setup(Level.Iteration)
  public void prepare() throws Exception {
    if (connection.equals("fresh")) {
      server.closeAfterNextResponse();
    }
    client.patch();
    if (connection.equals("stale")) {
      server.closeIdleConnections();
    }
    connectionsBefore = server.connectionsOpened();
    staleBefore = server.staleRequests();
  }

  /** The measured call. */
  @Benchmark
  public Object firstCall() throws Exception {
    return client.patch();
  }

  /**
   * Checks that the measured call took the path of its case. The stale request is counted by the server's
   * thread of the closed connection, which may run after the call has already succeeded on a new one, so it
   * is waited for (at most 2 s, off the clock).
   */
  @TearDown(Level.Iteration)
  public void verify() throws InterruptedException {
    long expectedStale = connection.equals("stale") ? 1 : 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (server.staleRequests() - staleBefore < expectedStale && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    long opened = server.connectionsOpened() - connectionsBefore;
    long stale = server.staleRequests() - staleBefore;
    long expectedOpened = connection.equals("reused") ? 0 : 1;
    if (opened != expectedOpened || stale != expectedStale) {
      throw new IllegalStateException(String.format("%s, %s connection: the measured call opened %d connections"
              + " and sent %d requests on a closed one; expected %d and %d, so it did not take the path measured",
          contender, connection, opened, stale, expectedOpened, expectedStale));
    }
  }

  /** Stops the contender and the server. */
  @TearDown(Level.Trial)
  public void stop() throws Exception {
    client.close();
    server.close();
  }
}
