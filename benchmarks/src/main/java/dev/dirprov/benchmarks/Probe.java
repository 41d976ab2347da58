package dev.dirprov.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A quick look, outside JMH, at what one call costs each contender in CPU time and allocated bytes; useful
 * while tuning on a loaded machine, where CPU time per call moves far less than wall time.
 *
 * <pre>{@code
 * java [-Dthreads=16] -cp benchmarks/target/benchmarks.jar dev.dirprov.benchmarks.Probe [calls] [contender...]
 * }</pre>
 */
public final class Probe {

  private Probe() {
  }

  /**
   * Runs each named contender (all by default) for a warm-up round and two measured rounds of
   * {@code calls} calls per thread.
   *
   * @param args number of calls, then contender names
   * @throws Exception if a call fails
   */
  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    String[] names = args.length > 1 ? Arrays.copyOfRange(args, 1, args.length) : Contender.NAMES;
    int threads = Integer.getInteger("threads", 1);
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (StubServer server = StubServer.start()) {
      for (String name : names) {
        try (Contender client = Contender.create(name, server.baseUrl())) {
          client.check(client.patch());
          for (int round = 0; round < 3; round++) {
            AtomicLong callerCpu = new AtomicLong();
            AtomicLong allocated = new AtomicLong();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
              workers.add(new Thread(() -> {
                long cpu = mx.getCurrentThreadCpuTime();
                long bytes = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
                try {
                  for (int i = 0; i < calls; i++) {
                    client.patch();
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
                callerCpu.addAndGet(mx.getCurrentThreadCpuTime() - cpu);
                allocated.addAndGet(mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - bytes);
              }));
            }
            long processCpu = os.getProcessCpuTime();
            long serverCpu = server.cpuNanos();
            long connections = server.connectionsOpened();
            long wall = System.nanoTime();
            workers.forEach(Thread::start);
            for (Thread worker : workers) {
              worker.join();
            }
            wall = System.nanoTime() - wall;
            long total = (long) calls * threads;
            System.out.printf("%-12s round %d: %8.0f calls/s; per call: %6.1f us process CPU, %6.1f us caller CPU,"
                    + " %5.1f us server CPU, %6d B allocated by callers; %d new connections%n",
                name, round, total * 1e9 / wall, (os.getProcessCpuTime() - processCpu) / 1e3 / total,
                callerCpu.get() / 1e3 / total, (server.cpuNanos() - serverCpu) / 1e3 / total,
                allocated.get() / total, server.connectionsOpened() - connections);
          }
        }
      }
    }
  }
}
