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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The PATCH of every contender against one {@link StubServer} in the same JVM: average latency from one
 * thread, and throughput from 16 threads sharing one client. Run {@code latency} pinned to one core and
 * {@code throughput} on all cores (see BENCHMARKS.md for the commands). {@code feignCore} answers in memory:
 * its {@code latency} is Feign's and Jackson's CPU per call and its allocation theirs alone; {@code run.sh}
 * leaves it out of {@code throughput}.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC"})
public class PatchBenchmark {

  /** Which contender runs; see {@link Contender#NAMES}. */
  @Param({"floorJdk", "floorOkHttp", "feignFloor", "feignCore", "dirprov", "auth0Sdk"})
  public String contender;

  /** How long {@link #start()} calls the contender from one thread before JMH's warm-up. */
  static final int PRE_WARM_SECONDS = 10;

  private StubServer server;
  private Contender client;
  private final ServerShare share = new ServerShare();

  /**
   * Starts the server and the contender, checks one call end to end, then calls it from this one thread for
   * {@link #PRE_WARM_SECONDS}. With 16 benchmark threads on 2 cores the JIT compiler gets little CPU and
   * throughput was still climbing after 16 s of JMH warm-up; warmed from one thread first, every contender
   * reaches its steady state within the JMH warm-up iterations.
   */
  @Setup(Level.Trial)
  public void start() throws Exception {
    server = StubServer.start();
    client = Contender.create(contender, server.baseUrl());
    Contender.checkFirstCall(contender, client, server);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(PRE_WARM_SECONDS);
    while (System.nanoTime() < end) {
      client.patch();
    }
  }

  /** Starts counting what the server costs, in measurement iterations only. */
  @Setup(Level.Iteration)
  public void beforeIteration(IterationParams iteration) {
    share.begin(server, iteration.getType() == IterationType.MEASUREMENT);
  }

  /** Adds up what the server cost in this iteration. */
  @TearDown(Level.Iteration)
  public void afterIteration() {
    share.end(server);
  }

  /** Prints the server's share of the measured calls, so that it is on record with every run. */
  @TearDown(Level.Trial)
  public void stop() throws Exception {
    System.out.println();
    System.out.println(share.report(contender));
    client.close();
    server.close();
  }

  /** One PATCH from one thread: average time per call. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Threads(1)
  public Object latency() throws Exception {
    return client.patch();
  }

  /** PATCHes from 16 threads sharing one client: calls per second. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(16)
  public Object throughput() throws Exception {
    return client.patch();
  }
}
