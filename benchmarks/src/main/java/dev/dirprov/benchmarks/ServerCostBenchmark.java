package dev.dirprov.benchmarks;

import java.io.IOException;
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

/**
 * What the server and the loopback cost per call: the {@link RawClient}, which does almost nothing, against
 * the benchmark's {@link StubServer} and, for comparison, against the JDK's {@code HttpServer}. The time of
 * {@code rawClient} on {@code stub} is the part of every contender's figure that is not the contender's.
 */
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC"})
public class ServerCostBenchmark {

  /** The server: the benchmark's own stub or the JDK's HttpServer. */
  @State(Scope.Benchmark)
  public static class Server {
    @Param({"stub", "jdkHttpServer"})
    public String server;

    private AutoCloseable running;
    int port;

    /** Starts the server. */
    @Setup(Level.Trial)
    public void start() throws IOException {
      if (server.equals("stub")) {
        StubServer stub = StubServer.start();
        port = stub.port();
        running = stub;
      } else {
        JdkStubServer jdk = new JdkStubServer();
        port = jdk.port();
        running = jdk;
      }
    }

    /** Stops the server. */
    @TearDown(Level.Trial)
    public void stop() throws Exception {
      running.close();
    }
  }

  /** One keep-alive connection per benchmark thread, as a pooling client keeps. */
  @State(Scope.Thread)
  public static class Connection {
    RawClient client;

    /** Opens the connection and checks one call. */
    @Setup(Level.Trial)
    public void open(Server server) throws IOException {
      client = new RawClient(server.port);
      if (client.patch() != 200) {
        throw new IllegalStateException("the " + server.server + " server did not answer 200");
      }
    }

    /** Closes the connection. */
    @TearDown(Level.Trial)
    public void close() throws IOException {
      client.close();
    }
  }

  /** One call from one thread: average time. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Threads(1)
  public int latency(Connection connection) throws IOException {
    return connection.client.patch();
  }

  /** Calls from 16 threads, each on its own connection: calls per second. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(16)
  public int throughput(Connection connection) throws IOException {
    return connection.client.patch();
  }
}
