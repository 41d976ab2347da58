package dev.dirprov.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The same answer as {@link StubServer}, served by the JDK's {@code com.sun.net.httpserver.HttpServer}: only
 * for {@code ServerCostBenchmark}, to show what such a server would add to every measured call.
 */
final class JdkStubServer implements AutoCloseable {

  static {
    // Without TCP_NODELAY its separate header and body writes meet delayed ACKs: 40 ms per call.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "jdk-stub");
    thread.setDaemon(true);
    return thread;
  });

  JdkStubServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    server.createContext(Payloads.PATCH_PATH, this::answer);
    server.setExecutor(executor);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (InputStream body = exchange.getRequestBody()) {
      body.transferTo(OutputStream.nullOutputStream());
    }
    boolean ok = "PATCH".equals(exchange.getRequestMethod())
        && exchange.getRequestHeaders().getFirst("Authorization") != null;
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.getResponseHeaders().add("x-ratelimit-limit", "50");
    exchange.getResponseHeaders().add("x-ratelimit-remaining", "49");
    exchange.getResponseHeaders().add("x-ratelimit-reset", "1796047331");
    exchange.getResponseHeaders().add("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(ok ? 200 : 400, ok ? Payloads.RESPONSE_BYTES.length : -1);
    try (OutputStream out = exchange.getResponseBody()) {
      if (ok) {
        out.write(Payloads.RESPONSE_BYTES);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
