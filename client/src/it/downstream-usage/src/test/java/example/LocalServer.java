package example;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local API that answers every request with one directory provisioning and records what it got. */
final class LocalServer implements AutoCloseable {

  static final String RESPONSE = "{\"connection_id\":\"con_0aB1cD2eF3gH4iJ5\","
      + "\"connection_name\":\"google-workspace-acme\",\"strategy\":\"google-apps\","
      + "\"mapping\":[{\"auth0\":\"email\",\"idp\":\"primaryEmail\"}],\"synchronize_automatically\":true,"
      + "\"synchronize_groups\":\"all\",\"created_at\":\"2026-03-02T09:15:27.000Z\","
      + "\"updated_at\":\"2026-11-30T14:02:11.000+01:00\"}";

  final List<String> seen = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  LocalServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " "
          + exchange.getRequestHeaders().getFirst("Authorization"));
      exchange.getRequestBody().readAllBytes();
      byte[] body = RESPONSE.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
