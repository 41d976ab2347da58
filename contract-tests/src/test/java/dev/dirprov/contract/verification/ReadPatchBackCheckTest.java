package dev.dirprov.contract.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.net.httpserver.HttpServer;
import dev.dirprov.client.DirectoryProvisioningClient;
import dev.dirprov.contract.verification.ReadPatchBackCheck.Outcome;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live smoke test's check, run against a stand-in of the API on 127.0.0.1 that answers with the spec's
 * own example: it finds nothing in answers that conform, names what breaks the spec in those that do not,
 * writes nothing back after a read answer that breaks it, and never records the token.
 */
class ReadPatchBackCheckTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONNECTION_ID = "con_0aB1cD2eF3gH4iJ5";
  private static final String TOKEN = "stand-in-secret-token";
  private static final String PATH = "/connections/" + CONNECTION_ID + "/directory-provisioning";

  private static ObjectNode configured;

  private HttpServer standIn;
  private final List<JsonNode> patchesReceived = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void readTheSpecsExample() throws IOException {
    JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(PactSpecValidator.specText());
    configured = (ObjectNode) spec.at("/paths/~1connections~1{id}~1directory-provisioning/get/responses/200"
        + "/content/application~1json/examples/configured/value");
    assertThat(configured.isObject()).as("the spec's example of a configuration").isTrue();
  }

  /** Starts a stand-in whose GET answers the spec's example and whose PATCH applies the body to it. */
  private String standIn(Consumer<ObjectNode> breakGet, Consumer<ObjectNode> breakPatch) throws IOException {
    standIn = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    standIn.createContext(PATH, exchange -> {
      try (exchange) {
        ObjectNode answer = configured.deepCopy();
        if (exchange.getRequestMethod().equals("PATCH")) {
          JsonNode patch = JSON.readTree(exchange.getRequestBody());
          patchesReceived.add(patch);
          answer.setAll((ObjectNode) patch);
          breakPatch.accept(answer);
        } else {
          breakGet.accept(answer);
        }
        byte[] body = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().add("x-ratelimit-limit", "50");
        exchange.getResponseHeaders().add("x-ratelimit-remaining", "49");
        exchange.getResponseHeaders().add("x-ratelimit-reset", "1796047331");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    });
    standIn.start();
    return "http://127.0.0.1:" + standIn.getAddress().getPort() + "/";
  }

  @AfterEach
  void stopTheStandIn() {
    if (standIn != null) {
      standIn.stop(0);
    }
  }

  @Test
  void findsNothingInAnswersThatConformAndPatchesBackExactlyWhatItRead() throws IOException {
    Outcome outcome = ReadPatchBackCheck.run(standIn(get -> { }, patch -> { }), TOKEN, CONNECTION_ID);

    assertThat(outcome.readFindings()).isEmpty();
    assertThat(outcome.writeFindings()).isEmpty();
    ObjectNode unchanged = JSON.createObjectNode();
    unchanged.set("mapping", configured.get("mapping"));
    unchanged.set("synchronize_automatically", configured.get("synchronize_automatically"));
    unchanged.set("synchronize_groups", configured.get("synchronize_groups"));
    assertThat(patchesReceived).containsExactly(unchanged);
    assertThat(outcome.sent()).isEqualTo(unchanged);
    assertThat(outcome.written().getStatusCode()).isEqualTo(200);
  }

  @Test
  void namesAFieldTheReadAnswerHasButTheSpecDoesNotAndWritesNothing() throws IOException {
    Outcome outcome = ReadPatchBackCheck.run(
        standIn(get -> get.put("connection_type", "google-apps"), patch -> { }), TOKEN, CONNECTION_ID);

    assertThat(outcome.readFindings()).singleElement().satisfies(finding -> {
      assertThat(finding.interaction()).isEqualTo("the live GET " + PATH);
      assertThat(finding.location()).isEqualTo("response body /");
      assertThat(finding.rule()).isEqualTo("validation.response.body.schema.additionalProperties");
    });
    assertThat(outcome.written()).isNull();
    assertThat(patchesReceived).isEmpty();
  }

  @Test
  void namesARequiredFieldThePatchAnswerLacks() throws IOException {
    Outcome outcome = ReadPatchBackCheck.run(standIn(get -> { }, patch -> patch.remove("updated_at")),
        TOKEN, CONNECTION_ID);

    assertThat(outcome.readFindings()).isEmpty();
    assertThat(outcome.writeFindings()).singleElement().satisfies(finding -> {
      assertThat(finding.interaction()).isEqualTo("the live PATCH " + PATH);
      assertThat(finding.rule()).isEqualTo("validation.response.body.schema.required");
    });
  }

  @Test
  void recordsTheExchangesWithTheTokenRedacted() throws IOException {
    try (RecordingProxy proxy = RecordingProxy.forwardingTo(standIn(get -> { }, patch -> { }))) {
      DirectoryProvisioningClient.builder().baseUrl(proxy.baseUrl()).token(TOKEN).build()
          .getDirectoryProvisioning(CONNECTION_ID);

      String recorded = RecordingProxy.pactOf(proxy.exchanges());
      assertThat(recorded).doesNotContain(TOKEN).contains("Bearer <redacted>");
      assertThat(recorded).containsIgnoringCase("\"x-ratelimit-remaining\":[\"49\"]");
      assertThat(PactSpecValidator.forPublishedSpec().validate(recorded)).isEmpty();
    }
  }
}
