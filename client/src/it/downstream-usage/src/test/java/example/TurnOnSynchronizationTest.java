package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.dirprov.client.DirectoryProvisioningClient;
import dev.dirprov.client.model.UpdateDirectoryProvisioningResponseContent;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurnOnSynchronizationTest {

  private static final String RESPONSE = "{\"connection_id\":\"con_0aB1cD2eF3gH4iJ5\","
      + "\"connection_name\":\"google-workspace-acme\",\"strategy\":\"google-apps\","
      + "\"mapping\":[{\"auth0\":\"email\",\"idp\":\"primaryEmail\"}],\"synchronize_automatically\":true,"
      + "\"synchronize_groups\":\"all\",\"created_at\":\"2026-03-02T09:15:27.000Z\","
      + "\"updated_at\":\"2026-11-30T14:02:11.000+01:00\"}";

  @Test
  void theReadmeExampleSendsExactlyTheDocumentedPatch() throws Exception {
    List<String> seen = new ArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      seen.add(exchange.getRequestMethod());
      seen.add(exchange.getRequestURI().getRawPath());
      seen.add(exchange.getRequestHeaders().getFirst("Authorization"));
      seen.add(exchange.getRequestHeaders().getFirst("Content-Type"));
      seen.add(exchange.getRequestHeaders().getFirst("Accept"));
      seen.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] body = RESPONSE.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    try {
      UpdateDirectoryProvisioningResponseContent updated = TurnOnSynchronization.run(
          DirectoryProvisioningClient.builder()
              .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2")
              .token("downstream-token")
              .build());

      assertEquals(List.of(
          "PATCH",
          "/api/v2/connections/con_0aB1cD2eF3gH4iJ5/directory-provisioning",
          "Bearer downstream-token",
          "application/json",
          "application/json",
          "{\"synchronize_automatically\":true,\"synchronize_groups\":\"all\"}"), seen);
      assertEquals("+01:00", updated.getUpdatedAt().getOffset().getId());
    } finally {
      server.stop(0);
    }
  }
}
