package dev.dirprov.client;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPattern;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.VerificationResult;
import dev.dirprov.client.api.DirectoryProvisioningApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The set-up every client test shares: a WireMock server on 127.0.0.1 (an ephemeral port, reset before each
 * test), a {@link FakeTime} that the built client waits on, builders aimed at the server, and token stubs.
 *
 * <pre>{@code
 * @RegisterExtension
 * static LocalApi local = new LocalApi();
 *
 * @Test
 * void sendsTheToken() {
 *   local.stubFor(patch(anyUrl()).willReturn(okJson(LocalApi.fixture("update-200-full.json"))));
 *   local.client().updateDirectoryProvisioning(ID, changes);
 * }
 * }</pre>
 */
final class LocalApi implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

  /** The fixed token of {@link #builder()}. */
  static final String TOKEN = "test-token";
  /** The client secret of {@link #clientCredentials()}. */
  static final String SECRET = "cl13nt-s3cr3t-value";
  static final String ID = "con_0aB1cD2eF3gH4iJ5";

  private WireMockServer server;
  private FakeTime time = new FakeTime();

  @Override
  public void beforeAll(ExtensionContext context) {
    server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(40));
    server.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    server.stop();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server.resetAll();
    time = new FakeTime();
  }

  /** The running server. */
  WireMockServer server() {
    return server;
  }

  /** The time the clients of this test wait on; fresh for each test. */
  FakeTime time() {
    return time;
  }

  /** {@code http://127.0.0.1:port}, as WireMock names it. */
  String baseUrl() {
    return server.baseUrl();
  }

  /** {@code http://127.0.0.1:port/api/v2}, the client's base URL. */
  String apiUrl() {
    return server.baseUrl() + "/api/v2";
  }

  /** A builder aimed at the server with the fixed token {@link #TOKEN}, waiting on {@link #time()}. */
  DirectoryProvisioningClientBuilder builder() {
    return withTime(DirectoryProvisioningClient.builder().baseUrl(apiUrl()).token(TOKEN));
  }

  /** A builder aimed at the server with client credentials ({@code my-client-id}, {@link #SECRET}). */
  DirectoryProvisioningClientBuilder clientCredentials() {
    return withTime(DirectoryProvisioningClient.builder().baseUrl(apiUrl())
        .clientCredentials("my-client-id", SECRET));
  }

  /** The client of {@link #builder()}. */
  DirectoryProvisioningApi client() {
    return builder().build();
  }

  DirectoryProvisioningClientBuilder withTime(DirectoryProvisioningClientBuilder builder) {
    return builder.seams(time, time, () -> 0.5);
  }

  void stubFor(MappingBuilder mapping) {
    server.stubFor(mapping);
  }

  void verify(RequestPatternBuilder pattern) {
    server.verify(pattern);
  }

  void verify(int count, RequestPatternBuilder pattern) {
    server.verify(count, pattern);
  }

  List<ServeEvent> getAllServeEvents() {
    return server.getAllServeEvents();
  }

  void resetRequests() {
    server.resetRequests();
  }

  void resetAll() {
    server.resetAll();
  }

  VerificationResult countRequestsMatching(RequestPattern pattern) {
    return server.countRequestsMatching(pattern);
  }

  /** The token endpoint answers each request with the next of {@code answers}, then repeats the last. */
  void tokenAnswers(ResponseDefinitionBuilder... answers) {
    String state = STARTED;
    for (int i = 0; i < answers.length; i++) {
      String nextState = i == answers.length - 1 ? state : "token-" + (i + 1);
      server.stubFor(post("/oauth/token").inScenario("tokens").whenScenarioStateIs(state)
          .willReturn(answers[i]).willSetStateTo(nextState));
      state = nextState;
    }
  }

  /** A token endpoint answer. */
  static ResponseDefinitionBuilder token(String accessToken, Object expiresIn) {
    return okJson("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
        + ",\"scope\":\"update:directory_provisionings\"}");
  }

  int tokenRequests() {
    return count(postRequestedFor(urlEqualTo("/oauth/token")));
  }

  int requests() {
    return count(anyRequestedFor(anyUrl()));
  }

  int count(RequestPatternBuilder pattern) {
    return server.countRequestsMatching(pattern.build()).getCount();
  }

  /** A response body from {@code src/test/resources/responses}. */
  static String fixture(String name) {
    try (InputStream in = LocalApi.class.getResourceAsStream("/responses/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
