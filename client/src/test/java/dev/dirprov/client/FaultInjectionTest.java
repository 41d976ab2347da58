package dev.dirprov.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.dirprov.client.api.DirectoryProvisioningApi;
import dev.dirprov.client.model.SynchronizeGroupsEnum;
import dev.dirprov.client.model.UpdateDirectoryProvisioningRequestContent;
import dev.dirprov.client.model.UpdateDirectoryProvisioningResponseContent;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the client does when the server misbehaves, against real local servers. Every case states its outcome
 * and must end well within its time bound; retries wait on {@link FakeTime}, so nothing here sleeps on
 * purpose. Bounds are generous: they prove that nothing hangs, not that anything is fast.
 */
class FaultInjectionTest {

  private static final Duration BOUND = Duration.ofSeconds(20);
  private static final String ID = "con_0aB1cD2eF3gH4iJ5";
  private static final String PATH = "/api/v2/connections/" + ID + "/directory-provisioning";

  @RegisterExtension
  static LocalApi server = new LocalApi();


  private DirectoryProvisioningClientBuilder client(String baseUrl) {
    return DirectoryProvisioningClient.builder()
        .baseUrl(baseUrl)
        .token("test-token")
        .seams(server.time(), server.time(), () -> 0.5);
  }

  private static ManagementApiException failureOf(DirectoryProvisioningApi api) {
    return assertTimeoutPreemptively(BOUND, () -> catchThrowableOfType(ManagementApiException.class,
        () -> api.updateDirectoryProvisioning(ID, new UpdateDirectoryProvisioningRequestContent())));
  }

  private static ManagementApiException failureWhenAnswering(String body) {
    server.stubFor(any(anyUrl()).willReturn(okJson(body)));
    return failureOf(DirectoryProvisioningClient.builder()
        .baseUrl(server.apiUrl()).token("test-token").build());
  }

  private static int requests() {
    return server.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount();
  }

  @Test
  void connectionRefusedIsRetriedThenReportedAsRefusedWithMethodAndUrl() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0)) {
      port = closed.getLocalPort();
    }
    String base = "http://127.0.0.1:" + port + "/api/v2";

    ManagementApiException e = failureOf(client(base).build());

    assertThat(e).isInstanceOf(TransportException.class);
    assertThat(((TransportException) e).kind()).isEqualTo(TransportException.Kind.CONNECTION_REFUSED);
    assertThat(e.getMessage()).startsWith("Connection refused: PATCH http://127.0.0.1:" + port + "/api/v2"
        + "/connections/" + ID + "/directory-provisioning (");
    assertThat(server.time().waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void aConnectionThatIsNeverAcceptedEndsInAConnectTimeout() throws Exception {
    // A server whose accept queue is full: Linux then drops new SYNs, so connecting hangs until the timeout.
    try (ServerSocket full = new ServerSocket()) {
      full.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
      List<Socket> queued = new ArrayList<>();
      boolean dropsConnections = false;
      try {
        for (int i = 0; i < 10 && !dropsConnections; i++) {
          Socket socket = new Socket();
          queued.add(socket);
          try {
            socket.connect(full.getLocalSocketAddress(), 200);
          } catch (SocketTimeoutException e) {
            dropsConnections = true;
          }
        }
        assumeTrue(dropsConnections, "this system refuses connections to a full accept queue");
        String base = "http://127.0.0.1:" + full.getLocalPort() + "/api/v2";

        ManagementApiException e = failureOf(client(base).connectTimeout(Duration.ofMillis(300)).build());

        assertThat(e).isInstanceOf(TransportException.class);
        assertThat(((TransportException) e).kind()).isEqualTo(TransportException.Kind.CONNECT_TIMEOUT);
        assertThat(e.getMessage()).startsWith("Connect timed out: PATCH " + base);
        assertThat(server.time().waits()).hasSize(2);
      } finally {
        for (Socket socket : queued) {
          socket.close();
        }
      }
    }
  }

  @Test
  void aResetBeforeAnyResponseIsRetriedThenReportedAsAReset() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    ManagementApiException e = failureOf(client(server.apiUrl()).build());

    assertThat(e).isInstanceOf(TransportException.class);
    assertThat(((TransportException) e).kind()).isEqualTo(TransportException.Kind.CONNECTION_RESET);
    assertThat(requests()).isEqualTo(3);
  }

  @Test
  void aResetInTheMiddleOfTheBodyIsRetriedThenReportedAsAReset() throws Exception {
    try (RawHttpServer raw = new RawHttpServer(socket -> {
      OutputStream out = socket.getOutputStream();
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n"
          + "{\"connection_id\":\"con_0aB1cD2eF3gH4iJ5\",\"connection_na").getBytes(StandardCharsets.UTF_8));
      out.flush();
      Thread.sleep(50);
      RawHttpServer.reset(socket);
    })) {
      ManagementApiException e = failureOf(client(raw.baseUrl()).build());

      assertThat(e).isInstanceOf(TransportException.class);
      assertThat(((TransportException) e).kind()).isEqualTo(TransportException.Kind.CONNECTION_RESET);
      assertThat(raw.requests()).isEqualTo(3);
    }
  }

  @Test
  void headersThatNeverComeEndInAReadTimeout() throws Exception {
    try (RawHttpServer raw = new RawHttpServer(socket -> Thread.sleep(60_000))) {
      ManagementApiException e = failureOf(client(raw.baseUrl()).readTimeout(Duration.ofMillis(300)).build());

      assertThat(e).isInstanceOf(TransportException.class);
      assertThat(((TransportException) e).kind()).isEqualTo(TransportException.Kind.READ_TIMEOUT);
      assertThat(e.getMessage()).startsWith("Read timed out: PATCH " + raw.baseUrl());
      assertThat(raw.requests()).isEqualTo(3);
    }
  }

  @Test
  void aBodyTrickledSlowerThanTheCallTimeoutEndsTheCallAtTheCallTimeout() {
    // Each chunk comes well within the read timeout, so only the call timeout can stop it.
    server.stubFor(any(anyUrl()).willReturn(okJson(LocalApi.fixture(
        "update-200-full.json")).withChunkedDribbleDelay(60, 30_000)));

    ManagementApiException e = failureOf(client(server.apiUrl())
        .readTimeout(Duration.ofSeconds(5))
        .callTimeout(Duration.ofSeconds(1))
        .build());

    assertThat(e).isInstanceOf(TransportException.class);
    assertThat(((TransportException) e).kind()).isEqualTo(TransportException.Kind.CALL_TIMEOUT);
    assertThat(requests()).isEqualTo(1);
  }

  @Test
  void aRetryGetsOnlyTheTimeLeftBeforeTheCallTimeout() {
    server.stubFor(any(anyUrl()).inScenario("slow retry").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("stalling"));
    server.stubFor(any(anyUrl()).inScenario("slow retry").whenScenarioStateIs("stalling")
        .willReturn(okJson(LocalApi.fixture("update-200-full.json"))
            .withChunkedDribbleDelay(2, 60_000)));
    // The wait before the retry takes 9 of the 10 (fake) seconds, so the retry gets the 1 second left and ends
    // by the call timeout. Had it got the whole 10 seconds again, the stalled body would end it by the
    // 5-second read timeout first: the kind tells the two apart, with no bound on the test's own time.
    DirectoryProvisioningApi api = client(server.apiUrl())
        .seams(null, wait -> server.time().advance(Duration.ofSeconds(9)), null)
        .readTimeout(Duration.ofSeconds(5))
        .callTimeout(Duration.ofSeconds(10))
        .build();

    ManagementApiException e = catchThrowableOfType(ManagementApiException.class,
        () -> api.updateDirectoryProvisioning(ID, new UpdateDirectoryProvisioningRequestContent()));

    assertThat(e).isInstanceOf(TransportException.class);
    assertThat(((TransportException) e).kind()).isEqualTo(TransportException.Kind.CALL_TIMEOUT);
    assertThat(requests()).isEqualTo(2);
  }

  @Test
  void noAttemptStartsOnceTheCallTimeoutHasPassed() {
    server.stubFor(any(anyUrl()).willReturn(okJson(LocalApi.fixture(
        "update-200-full.json"))));
    DirectoryProvisioningApi api = DirectoryProvisioningClient.builder()
        .baseUrl(server.apiUrl())
        .tokenSupplier(() -> {
          server.time().advance(Duration.ofSeconds(31)); // a token source slower than the whole call may take
          return "slow-token";
        })
        .callTimeout(Duration.ofSeconds(30))
        .seams(server.time(), server.time(), null)
        .build();

    ManagementApiException e = failureOf(api);

    assertThat(e).isInstanceOf(TransportException.class);
    assertThat(((TransportException) e).kind()).isEqualTo(TransportException.Kind.CALL_TIMEOUT);
    assertThat(requests()).isZero();
  }

  @Test
  void anHtmlBadGatewayFromAProxyIsRetriedThenNamedAsSuch() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(502)
        .withHeader("Content-Type", "text/html")
        .withBody("<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>")));

    ManagementApiException e = failureOf(client(server.apiUrl()).build());

    assertThat(e).isInstanceOf(ServerErrorException.class)
        .hasMessageStartingWith("502 Bad Gateway: HTML page \"502 Bad Gateway\"");
    assertThat(requests()).isEqualTo(3);
  }

  @Test
  void anEmptyOkBodyIsADecodeFailureThatSaysSo() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")));

    ManagementApiException e = failureOf(client(server.apiUrl()).build());

    assertThat(e).isInstanceOf(ResponseDecodeException.class).hasMessage("200 OK: could not decode the response"
        + " of PATCH " + server.baseUrl() + PATH + " as UpdateDirectoryProvisioningResponseContent:"
        + " the body is empty");
    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(requests()).isEqualTo(1);
  }

  @Test
  void anArrayInsteadOfAnObjectIsADecodeFailureThatSaysSo() {
    ManagementApiException e = failureWhenAnswering("[]");

    assertThat(e).isInstanceOf(ResponseDecodeException.class)
        .hasMessageContaining("as UpdateDirectoryProvisioningResponseContent: it is not a JSON object:")
        .hasMessageContaining("from Array value");
    assertThat(e.body()).isEqualTo("[]");
  }

  @Test
  void jsonNullIsADecodeFailureThatSaysSo() {
    assertThat(failureWhenAnswering("null")).isInstanceOf(ResponseDecodeException.class)
        .hasMessageEndingWith(": the body is JSON null");
  }

  @Test
  void aWrongDateFormatIsADecodeFailureNamingTheField() {
    String body = LocalApi.fixture("update-200-full.json")
        .replace("2026-11-30T14:02:11.000+01:00", "30/11/2026 14:02");

    ManagementApiException e = failureWhenAnswering(body);

    assertThat(e).isInstanceOf(ResponseDecodeException.class)
        .hasMessageContaining("UpdateDirectoryProvisioningResponseContent: field updated_at:")
        .hasMessageContaining("30/11/2026 14:02");
  }

  @Test
  void aFieldOfTheWrongTypeIsADecodeFailureNamingItsPath() {
    String body = LocalApi.fixture("update-200-full.json")
        .replace("\"idp\": \"name.givenName\"", "\"idp\": {\"path\": \"name.givenName\"}");

    assertThat(failureWhenAnswering(body)).isInstanceOf(ResponseDecodeException.class)
        .hasMessageContaining(": field mapping[1].idp:");
  }

  @Test
  void unknownFieldsAndUnknownEnumValuesAreAccepted() {
    server.stubFor(any(anyUrl()).willReturn(okJson(
        LocalApi.fixture("update-200-future.json"))));

    UpdateDirectoryProvisioningResponseContent response = assertTimeoutPreemptively(BOUND, () ->
        client(server.apiUrl()).build()
            .updateDirectoryProvisioning(ID, new UpdateDirectoryProvisioningRequestContent()));

    assertThat(response.getSynchronizeGroups()).isEqualTo(SynchronizeGroupsEnum.UNKNOWN);
    assertThat(response.getConnectionId()).isEqualTo(ID);
  }

  @Test
  void aMegabyteOfGarbageIsADecodeFailureWithABoundedMessageAndBody() {
    StringBuilder garbage = new StringBuilder();
    while (garbage.length() < 1_000_000) {
      garbage.append("\u00e9\u0001garbage<>{[").append(garbage.length());
    }
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/plain").withBody(garbage.toString())));

    ManagementApiException e = failureOf(client(server.apiUrl()).build());

    assertThat(e).isInstanceOf(ResponseDecodeException.class)
        .hasMessageContaining("(Content-Type text/plain): it is not valid JSON:");
    assertThat(e.getMessage()).hasSizeLessThan(700);
    assertThat(e.body()).hasSize(ManagementApiException.MAX_BODY_CHARS);
    assertThat(requests()).isEqualTo(1);
  }

  @Test
  void aBodyOverTheLimitIsRefusedRatherThanBuffered() {
    server.stubFor(any(anyUrl()).willReturn(okJson("[\"" + "x".repeat(BoundedResponseDecoder.MAX_BODY_BYTES)
        + "\"]")));

    ManagementApiException e = failureOf(client(server.apiUrl()).build());

    assertThat(e).isInstanceOf(ResponseDecodeException.class)
        .hasMessageEndingWith(": the body is larger than 4194304 bytes");
    assertThat(e.body()).hasSize(ManagementApiException.MAX_BODY_CHARS);
  }

  @Test
  void aStormOf429sStopsAtTheRetryLimit() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"statusCode\":429,\"error\":\"Too Many Requests\",\"message\":\"Global limit has been reached\","
            + "\"errorCode\":\"too_many_requests\"}")));

    ManagementApiException byDefault = failureOf(client(server.apiUrl()).build());
    int defaultRequests = requests();
    server.resetRequests();
    ManagementApiException withFive = failureOf(client(server.apiUrl()).maxRetries(5).build());

    assertThat(byDefault).isInstanceOf(RateLimitException.class);
    assertThat(withFive).isInstanceOf(RateLimitException.class);
    assertThat(defaultRequests).isEqualTo(3);
    assertThat(requests()).isEqualTo(6);
  }

  @Test
  void sixteenThreadsSharingOneClientEachEndWithAResultOrATypedException() throws Exception {
    // con_00..con_15: ids divisible by 4 are always rate limited, odd ids are limited once, the rest pass.
    for (int i = 0; i < 16; i++) {
      String path = "/api/v2/connections/con_" + String.format("%02d", i) + "/directory-provisioning";
      String ok = LocalApi.fixture("update-200-full.json");
      if (i % 4 == 0) {
        server.stubFor(patch(urlPathMatching(path)).willReturn(aResponse().withStatus(429)));
      } else if (i % 2 == 1) {
        server.stubFor(patch(urlPathMatching(path)).inScenario("limited once " + i).whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429)).willSetStateTo("passed"));
        server.stubFor(patch(urlPathMatching(path)).inScenario("limited once " + i).whenScenarioStateIs("passed")
            .willReturn(okJson(ok)));
      } else {
        server.stubFor(patch(urlPathMatching(path)).willReturn(okJson(ok)));
      }
    }
    DirectoryProvisioningApi api = client(server.apiUrl()).build();
    ExecutorService threads = Executors.newFixedThreadPool(16);
    List<Future<Object>> outcomes = new ArrayList<>();
    try {
      for (int i = 0; i < 16; i++) {
        String id = "con_" + String.format("%02d", i);
        Callable<Object> call = () -> {
          try {
            return api.updateDirectoryProvisioning(id, new UpdateDirectoryProvisioningRequestContent());
          } catch (ManagementApiException e) {
            return e;
          }
        };
        outcomes.add(threads.submit(call));
      }
      List<Object> results = new ArrayList<>();
      for (Future<Object> outcome : outcomes) {
        results.add(assertTimeoutPreemptively(BOUND, () -> outcome.get()));
      }

      assertThat(results).filteredOn(r -> r instanceof UpdateDirectoryProvisioningResponseContent).hasSize(12);
      assertThat(results).filteredOn(r -> r instanceof RateLimitException).hasSize(4);
      assertThat(results).allMatch(r -> r instanceof UpdateDirectoryProvisioningResponseContent
          || r instanceof RateLimitException);
      // 4 ids × 3 attempts + 8 ids × 2 attempts + 4 ids × 1 attempt
      server.verify(12 + 16 + 4, patchRequestedFor(urlPathMatching("/api/v2/connections/con_.*")));
    } finally {
      threads.shutdownNow();
    }
  }
}
