package dev.dirprov.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.dirprov.client.api.DirectoryProvisioningApi;
import dev.dirprov.client.model.UpdateDirectoryProvisioningRequestContent;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tokens from the client-credentials grant: asked for once, reused until shortly before expiry, renewed on a 401. */
class ClientCredentialsTest {

  private static final String ID = "con_0aB1cD2eF3gH4iJ5";
  private static final String API = "/api/v2/connections/" + ID + "/directory-provisioning";
  private static final String SECRET = "cl13nt-s3cr3t-value";
  private static final Duration BOUND = Duration.ofSeconds(20);

  @RegisterExtension
  static LocalApi server = new LocalApi();


  private DirectoryProvisioningClientBuilder client() {
    return DirectoryProvisioningClient.builder()
        .baseUrl(server.apiUrl())
        .clientCredentials("my-client-id", SECRET)
        .seams(server.time(), server.time(), null);
  }

  private static void apiAnswersOk() {
    server.stubFor(patch(urlPathMatching("/api/v2/.*"))
        .willReturn(okJson(LocalApi.fixture("update-200-full.json"))));
  }

  private static void update(DirectoryProvisioningApi api) {
    api.updateDirectoryProvisioning(ID, new UpdateDirectoryProvisioningRequestContent());
  }

  private static int tokenRequests() {
    return server.countRequestsMatching(postRequestedFor(urlEqualTo("/oauth/token")).build()).getCount();
  }

  @Test
  void asksTheTokenEndpointWithTheClientCredentialsGrantAndSendsTheToken() {
    server.tokenAnswers(LocalApi.token("access-1", 86400));
    apiAnswersOk();

    update(client().build());

    server.verify(postRequestedFor(urlEqualTo("/oauth/token"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("{\"grant_type\":\"client_credentials\",\"client_id\":\"my-client-id\","
            + "\"client_secret\":\"" + SECRET + "\",\"audience\":\"" + server.baseUrl() + "/api/v2/\"}")));
    server.verify(patchRequestedFor(urlEqualTo(API)).withHeader("Authorization", equalTo("Bearer access-1")));
  }

  @Test
  void asksForTheAudienceItWasGiven() {
    server.tokenAnswers(LocalApi.token("access-1", 86400));
    apiAnswersOk();

    update(client().audience("https://acme.eu.auth0.com/api/v2/").build());

    server.verify(postRequestedFor(urlEqualTo("/oauth/token")).withRequestBody(equalToJson(
        "{\"audience\":\"https://acme.eu.auth0.com/api/v2/\"}", true, true)));
  }

  @Test
  void reusesTheTokenUntilAMinuteBeforeItExpires() {
    server.tokenAnswers(LocalApi.token("access-1", 3600));
    apiAnswersOk();
    DirectoryProvisioningApi api = client().build();

    update(api);
    server.time().advance(Duration.ofSeconds(3539));
    update(api);
    int beforeTheMargin = tokenRequests();
    server.time().advance(Duration.ofSeconds(1));
    update(api);

    assertThat(beforeTheMargin).isEqualTo(1);
    assertThat(tokenRequests()).isEqualTo(2);
  }

  @Test
  void renewsAShortLivedTokenATenthOfItsLifetimeEarly() {
    server.tokenAnswers(LocalApi.token("access-1", 100));
    apiAnswersOk();
    DirectoryProvisioningApi api = client().build();

    update(api);
    server.time().advance(Duration.ofSeconds(89));
    update(api);
    int beforeTheMargin = tokenRequests();
    server.time().advance(Duration.ofSeconds(1));
    update(api);

    assertThat(beforeTheMargin).isEqualTo(1);
    assertThat(tokenRequests()).isEqualTo(2);
  }

  @Test
  void asksForOneTokenWhenSixteenThreadsNeedOneAtOnce() throws Exception {
    server.tokenAnswers(LocalApi.token("access-1", 86400).withFixedDelay(300));
    apiAnswersOk();
    DirectoryProvisioningApi api = client().build();
    ExecutorService threads = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> calls = new ArrayList<>();
    try {
      for (int i = 0; i < 16; i++) {
        calls.add(threads.submit(() -> {
          start.await();
          update(api);
          return null;
        }));
      }
      start.countDown();
      for (Future<?> call : calls) {
        assertTimeoutPreemptively(BOUND, () -> call.get());
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(tokenRequests()).isEqualTo(1);
    server.verify(16, patchRequestedFor(urlEqualTo(API)).withHeader("Authorization", equalTo("Bearer access-1")));
  }

  @Test
  void sharesOneFailedTokenRequestAmongTheThreadsWaitingForIt() throws Exception {
    // Long enough that every thread asks while the one request is in flight.
    server.tokenAnswers(aResponse().withStatus(503).withFixedDelay(1500));
    DirectoryProvisioningApi api = client().build();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Throwable>> calls = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        calls.add(threads.submit(() -> {
          start.await();
          return catchThrowableOfType(TokenException.class, () -> update(api));
        }));
      }
      start.countDown();
      for (Future<Throwable> call : calls) {
        assertThat(assertTimeoutPreemptively(BOUND, () -> call.get()))
            .isInstanceOf(TokenException.class);
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(tokenRequests()).isEqualTo(1);
  }

  @Test
  void renewsTheTokenAndRepeatsTheCallOnceWhenTheApiAnswers401() {
    server.tokenAnswers(LocalApi.token("revoked", 86400), LocalApi.token("access-2", 86400));
    server.stubFor(patch(urlEqualTo(API)).withHeader("Authorization", equalTo("Bearer revoked"))
        .willReturn(aResponse().withStatus(401).withBody("{\"statusCode\":401,\"error\":\"Unauthorized\","
            + "\"message\":\"Invalid token.\"}")));
    server.stubFor(patch(urlEqualTo(API)).withHeader("Authorization", equalTo("Bearer access-2"))
        .willReturn(okJson(LocalApi.fixture("update-200-full.json"))));

    assertTimeoutPreemptively(BOUND, () -> update(client().maxRetries(0).build()));

    assertThat(tokenRequests()).isEqualTo(2);
    server.verify(2, patchRequestedFor(urlEqualTo(API)));
    assertThat(server.time().waits()).isEmpty();
  }

  @Test
  void repeatsACallOnlyOnceWhenTheNewTokenIsRefusedToo() {
    server.tokenAnswers(LocalApi.token("access-1", 86400));
    server.stubFor(patch(urlEqualTo(API)).willReturn(aResponse().withStatus(401)));

    ManagementApiException e = assertTimeoutPreemptively(BOUND, () -> catchThrowableOfType(
        ManagementApiException.class, () -> update(client().build())));

    assertThat(e).isInstanceOf(UnauthorizedException.class);
    assertThat(tokenRequests()).isEqualTo(2);
    server.verify(2, patchRequestedFor(urlEqualTo(API)));
  }

  @Test
  void neverRepeatsACallWithAFixedTokenOnA401() {
    server.stubFor(patch(urlEqualTo(API)).willReturn(aResponse().withStatus(401)));

    ManagementApiException e = catchThrowableOfType(ManagementApiException.class, () -> update(
        DirectoryProvisioningClient.builder().baseUrl(server.apiUrl()).token("fixed").build()));

    assertThat(e).isInstanceOf(UnauthorizedException.class);
    server.verify(1, patchRequestedFor(urlEqualTo(API)));
  }

  @Test
  void reportsARefusalOfTheTokenEndpointWithoutTheSecretOrCallingTheApi() {
    server.tokenAnswers(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"access_denied\",\"error_description\":\"Unauthorized\"}"));

    TokenException e = catchThrowableOfType(TokenException.class, () -> update(client().build()));

    assertThat(e).hasMessage("Could not obtain an access token from " + server.baseUrl() + "/oauth/token: "
        + "401 Unauthorized (access_denied): Unauthorized");
    assertThat(e.statusCode()).isEqualTo(401);
    assertThat(e.errorCode()).isEqualTo("access_denied");
    server.verify(0, patchRequestedFor(urlPathMatching(".*")));
  }

  @Test
  void neverRepeatsTheSecretEvenWhenTheTokenEndpointEchoesIt() {
    server.tokenAnswers(aResponse().withStatus(400)
        .withBody("{\"error\":\"invalid_request\",\"error_description\":\"bad secret " + SECRET + "\"}"));

    TokenException e = catchThrowableOfType(TokenException.class, () -> update(client().build()));

    assertThat(e.getMessage()).doesNotContain(SECRET).endsWith("bad secret <redacted>");
    assertThat(e.body()).doesNotContain(SECRET);
    assertThat(e.apiMessage()).doesNotContain(SECRET);
  }

  @Test
  void refusesAnAnswerWithoutAnAccessTokenAndKeepsNoBodyThatCouldHoldOne() {
    server.tokenAnswers(okJson("{\"access_token\":\"t0k3n\",\"token_type\":\"MAC\"}"));

    TokenException e = catchThrowableOfType(TokenException.class, () -> update(client().build()));

    assertThat(e).hasMessageEndingWith(": the 200 answer has token_type \"MAC\" instead of Bearer");
    assertThat(e.body()).isNull();
    assertThat(e.toString()).doesNotContain("t0k3n");
  }

  @Test
  void reportsAnUnreachableTokenEndpointAsATokenExceptionCausedByTheTransport() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0)) {
      port = closed.getLocalPort();
    }

    TokenException e = catchThrowableOfType(TokenException.class, () -> update(DirectoryProvisioningClient.builder()
        .baseUrl("http://127.0.0.1:" + port + "/api/v2").clientCredentials("id", SECRET).build()));

    assertThat(e).hasMessageStartingWith("Could not obtain an access token from http://127.0.0.1:" + port
        + "/oauth/token: Connection refused: POST");
    assertThat(e.getCause()).isInstanceOf(TransportException.class);
    assertThat(e.statusCode()).isZero();
  }
}
