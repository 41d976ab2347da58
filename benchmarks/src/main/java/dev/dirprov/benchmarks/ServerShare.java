package dev.dirprov.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * Adds up, over the measurement iterations of one trial, the calls the {@link StubServer} answered, the CPU
 * time its threads used, the CPU time of the whole JVM and the connections it accepted; so every run states
 * how much of a call was the server's.
 */
final class ServerShare {

  private final OperatingSystemMXBean os =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private boolean counting;
  private long requests;
  private long serverCpu;
  private long processCpu;
  private long connections;
  private long wall;

  void begin(StubServer server, boolean measured) {
    counting = measured;
    if (measured) {
      requests -= server.requests();
      serverCpu -= server.cpuNanos();
      processCpu -= os.getProcessCpuTime();
      connections -= server.connectionsOpened();
      wall -= System.nanoTime();
    }
  }

  void end(StubServer server) {
    if (counting) {
      requests += server.requests();
      serverCpu += server.cpuNanos();
      processCpu += os.getProcessCpuTime();
      connections += server.connectionsOpened();
      wall += System.nanoTime();
      counting = false;
    }
  }

  String report(String contender) {
    if (requests == 0) {
      return "[server] " + contender + ": no measured requests";
    }
    return String.format("[server] %s: %d measured calls; per call: %.2f us server CPU, %.2f us CPU of the"
            + " whole JVM (%.0f%% server); %d new connections (%.2f per 1000 calls); %.0f calls/s",
        contender, requests, serverCpu / 1e3 / requests, processCpu / 1e3 / requests,
        100.0 * serverCpu / processCpu, connections, 1000.0 * connections / requests, requests * 1e9 / wall);
  }
}
