package dev.dirprov.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.dirprov.client.LocalApi.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dirprov.client.api.DirectoryProvisioningApi;
import dev.dirprov.client.model.UpdateDirectoryProvisioningRequestContent;
import feign.Logger;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The options a service needs: its own OkHttp client, a proxy, SLF4J logging, and releasing what was built. */
class RunningInAServiceTest {

  private static final UpdateDirectoryProvisioningRequestContent CHANGES =
      new UpdateDirectoryProvisioningRequestContent().synchronizeAutomatically(true);

  @RegisterExtension
  static LocalApi local = new LocalApi();

  private final List<String> seenByTheService = new CopyOnWriteArrayList<>();

  /** The service's own client: an interceptor that records every request and adds the service's header. */
  private OkHttpClient servicesClient() {
    return new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          seenByTheService.add(chain.request().method() + " " + chain.request().url().encodedPath());
          return chain.proceed(chain.request().newBuilder().header("X-Calling-Service", "billing").build());
        })
        .build();
  }

  private void apiAnswersOk() {
    local.stubFor(patch(urlPathMatching("/api/v2/.*")).willReturn(okJson(LocalApi.fixture("update-200-full.json"))));
  }

  @Test
  void theCallersInterceptorSeesEveryRequestTokenRequestsIncluded() {
    local.tokenAnswers(LocalApi.token("service-token-1", 86400));
    apiAnswersOk();
    OkHttpClient http = servicesClient();

    local.withTime(local.clientCredentials().httpClient(http)).build().updateDirectoryProvisioning(ID, CHANGES);

    assertThat(seenByTheService).containsExactly("POST /oauth/token",
        "PATCH /api/v2/connections/" + ID + "/directory-provisioning");
    local.verify(postRequestedFor(urlEqualTo("/oauth/token")).withHeader("X-Calling-Service", equalTo("billing")));
    local.verify(patchRequestedFor(urlPathMatching("/api/v2/.*"))
        .withHeader("X-Calling-Service", equalTo("billing"))
        .withHeader("Authorization", equalTo("Bearer service-token-1")));
    assertThat(http.connectionPool().connectionCount()).as("the calls used the service's pool").isPositive();
  }

  @Test
  void followsNoRedirectOnTheCallersClientEvenThoughItWould() {
    local.stubFor(get(urlPathMatching("/api/v2/connections/.*")).willReturn(aResponse().withStatus(302)
        .withHeader("Location", local.baseUrl() + "/elsewhere")));
    OkHttpClient http = servicesClient();
    assertThat(http.followRedirects()).isTrue();

    ManagementApiException e = catchThrowableOfType(ManagementApiException.class,
        () -> local.builder().httpClient(http).build().getDirectoryProvisioning(ID));

    assertThat(e.statusCode()).isEqualTo(302);
    local.verify(0, getRequestedFor(urlEqualTo("/elsewhere")));
  }

  @Test
  void boundsTheBodyOnTheCallersClientToo() {
    local.stubFor(patch(urlPathMatching("/api/v2/.*")).willReturn(okJson("{\"connection_id\":\""
        + "x".repeat(BoundedResponseDecoder.MAX_BODY_BYTES) + "\"}")));

    assertThatThrownBy(() -> local.builder().httpClient(servicesClient()).build()
        .updateDirectoryProvisioning(ID, CHANGES))
        .isInstanceOf(ResponseDecodeException.class)
        .hasMessageContaining("larger than " + BoundedResponseDecoder.MAX_BODY_BYTES + " bytes");
  }

  @Test
  void theBuildersReadTimeoutWinsOverTheCallersClients() {
    // The caller's client would give up after 1 ms; the builder's 30 s default applies instead.
    local.stubFor(patch(urlPathMatching("/api/v2/.*")).willReturn(okJson(LocalApi.fixture("update-200-full.json"))
        .withFixedDelay(300)));
    OkHttpClient impatient = servicesClient().newBuilder().readTimeout(1, TimeUnit.MILLISECONDS).build();

    assertThat(local.builder().httpClient(impatient).build().updateDirectoryProvisioning(ID, CHANGES)
        .getConnectionId()).isEqualTo(ID);

    // And an explicit one applies as set.
    assertThat(catchThrowableOfType(TransportException.class, () -> local.builder().httpClient(servicesClient())
        .readTimeout(java.time.Duration.ofMillis(20)).maxRetries(0).build().updateDirectoryProvisioning(ID, CHANGES))
        .kind()).isEqualTo(TransportException.Kind.READ_TIMEOUT);
  }

  @Test
  void closingAClientLeavesTheCallersClientWorking() {
    apiAnswersOk();
    OkHttpClient http = servicesClient();
    DirectoryProvisioningApi api = local.builder().httpClient(http).build();
    api.updateDirectoryProvisioning(ID, CHANGES);
    int pooled = http.connectionPool().connectionCount();

    DirectoryProvisioningClient.close(api);

    assertThat(http.dispatcher().executorService().isShutdown()).isFalse();
    assertThat(http.connectionPool().connectionCount()).isEqualTo(pooled).isPositive();
    assertThat(local.builder().httpClient(http).build().updateDirectoryProvisioning(ID, CHANGES).getConnectionId())
        .isEqualTo(ID);
  }

  @Test
  void aClosedClientRefusesNewCallsAndClosingTwiceIsHarmless() {
    apiAnswersOk();
    DirectoryProvisioningApi api = local.client();
    api.updateDirectoryProvisioning(ID, CHANGES);

    DirectoryProvisioningClient.close(api);
    DirectoryProvisioningClient.close(api);

    assertThatThrownBy(() -> api.updateDirectoryProvisioning(ID, CHANGES))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThat(local.count(patchRequestedFor(anyUrl()))).isEqualTo(1);
    assertThat(api.toString()).startsWith("DirectoryProvisioningApi[");
  }

  @Test
  void closeRefusesWhatItDidNotBuild() {
    DirectoryProvisioningApi notOurs = (DirectoryProvisioningApi) java.lang.reflect.Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {DirectoryProvisioningApi.class}, (p, m, a) -> null);

    assertThatThrownBy(() -> DirectoryProvisioningClient.close(notOurs))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a client built by");
    assertThatThrownBy(() -> DirectoryProvisioningClient.close(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sendsEveryRequestTokenRequestsIncludedToTheProxyInAbsoluteForm() throws Exception {
    assertThat(requestLinesThroughAProxy(false)).containsExactly(
        "POST http://tenant.example.invalid/oauth/token",
        "PATCH http://tenant.example.invalid/api/v2/connections/" + ID + "/directory-provisioning");
  }

  @Test
  void theProxyOptionAlsoAppliesOnTheCallersClient() throws Exception {
    assertThat(requestLinesThroughAProxy(true)).containsExactly(
        "POST http://tenant.example.invalid/oauth/token",
        "PATCH http://tenant.example.invalid/api/v2/connections/" + ID + "/directory-provisioning");
    assertThat(seenByTheService).containsExactly("POST /oauth/token",
        "PATCH /api/v2/connections/" + ID + "/directory-provisioning");
  }

  /** The request lines a local HTTP proxy receives for one call with client credentials. */
  private List<String> requestLinesThroughAProxy(boolean onTheServicesClient) throws Exception {
    List<String> requestLines = new CopyOnWriteArrayList<>();
    try (RawHttpServer proxy = new RawHttpServer((socket, requestLine) -> {
      requestLines.add(requestLine);
      String body = requestLine.startsWith("POST") ? "{\"access_token\":\"proxied-token\",\"token_type\":\"Bearer\","
          + "\"expires_in\":86400}" : LocalApi.fixture("update-200-full.json");
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      OutputStream out = socket.getOutputStream();
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
      socket.shutdownOutput();
      socket.setSoTimeout(10_000);
      socket.getInputStream().readAllBytes(); // the request body, so that closing sends no reset
      socket.close();
    })) {
      // The tenant's name does not resolve: only the proxy can answer for it.
      DirectoryProvisioningClientBuilder builder = DirectoryProvisioningClient.builder()
          .baseUrl("http://tenant.example.invalid/api/v2").clientCredentials("my-client-id", LocalApi.SECRET)
          .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.port())));
      if (onTheServicesClient) {
        builder.httpClient(servicesClient());
      }

      assertThat(local.withTime(builder).build().updateDirectoryProvisioning(ID, CHANGES).getConnectionId())
          .isEqualTo(ID);
    }
    return requestLines;
  }

  @Test
  void logsThroughSlf4jByDefaultRedactedAndBounded() {
    local.stubFor(patch(urlPathMatching("/api/v2/.*")).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"statusCode\":401,\"message\":\"Bad token: Authorization: Bearer " + LocalApi.TOKEN
            + "-echoed " + "y".repeat(2 * RedactingLogger.MAX_LOGGED_BYTES) + "\"}")));
    CapturingSlf4j.clear();

    catchThrowableOfType(UnauthorizedException.class, () -> local.builder().logLevel(Logger.Level.FULL).build()
        .updateDirectoryProvisioning(ID, CHANGES));

    List<String> lines = CapturingSlf4j.lines();
    assertThat(lines).anyMatch(line -> line.startsWith("DEBUG [DirectoryProvisioningApi#updateDirectoryProvisioning]"
        + " ---> PATCH " + local.apiUrl() + "/connections/" + ID));
    assertThat(lines).contains("DEBUG [DirectoryProvisioningApi#updateDirectoryProvisioning] Authorization: <redacted>");
    assertThat(lines).anyMatch(line -> line.contains("Bearer <redacted>"));
    assertThat(lines).noneMatch(line -> line.contains(LocalApi.TOKEN));
    assertThat(lines).allMatch(line -> line.length() < RedactingLogger.MAX_LOGGED_BYTES + 200);
  }

  @Test
  void logsNothingThroughSlf4jWhenLoggingIsOffOrGoesElsewhere() {
    apiAnswersOk();
    CapturingSlf4j.clear();
    List<String> elsewhere = new CopyOnWriteArrayList<>();

    local.client().updateDirectoryProvisioning(ID, CHANGES);
    local.builder().logLevel(Logger.Level.BASIC).logSink(elsewhere::add).build()
        .updateDirectoryProvisioning(ID, CHANGES);

    assertThat(elsewhere).anyMatch(line -> line.contains("---> PATCH"));
    assertThat(CapturingSlf4j.lines()).isEmpty();
  }
}
