package dev.dirprov.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.dirprov.client.LocalApi.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dirprov.client.api.DirectoryProvisioningApi;
import dev.dirprov.client.model.UpdateDirectoryProvisioningRequestContent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a hostile server, proxy or token endpoint can send, and what the caller gets for it: always a documented
 * exception type, never a secret in it, never a loop, never a wasted retry.
 */
class HostileInputTest {

  private static final String SECRET_TOKEN = "s3cr3t-t0ken-value";

  @RegisterExtension
  static LocalApi local = new LocalApi();

  private static ManagementApiException failureOf(DirectoryProvisioningApi api) {
    return catchThrowableOfType(ManagementApiException.class, () -> update(api));
  }

  private static void update(DirectoryProvisioningApi api) {
    api.updateDirectoryProvisioning(ID, new UpdateDirectoryProvisioningRequestContent());
  }

  private static void apiAnswersOk() {
    local.stubFor(patch(urlPathMatching("/api/v2/.*"))
        .willReturn(okJson(LocalApi.fixture("update-200-full.json"))));
  }

  private static String everythingIn(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    StringBuilder all = new StringBuilder(out.toString()).append(e);
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage());
      if (t instanceof ManagementApiException) {
        ManagementApiException m = (ManagementApiException) t;
        all.append(m.body()).append(m.apiMessage()).append(m.error()).append(m.errorCode()).append(m.headers());
      }
    }
    return all.toString();
  }

  // Finding 2: rate-limit headers

  @ParameterizedTest
  @ValueSource(strings = {"9223372036854775807", "99999999999", "-1", "1e3", "NaN", "18446744073709551616"})
  void anyRateLimitResetEndsInARateLimitException(String reset) {
    local.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("x-ratelimit-reset", reset)
        .withHeader("x-ratelimit-limit", reset).withHeader("x-ratelimit-remaining", reset)));

    ManagementApiException noRetry = failureOf(local.builder().maxRetries(0).build());
    ManagementApiException retried = failureOf(local.builder().maxRetries(2).callTimeout(Duration.ofMinutes(10)).build());

    assertThat(noRetry).isInstanceOf(RateLimitException.class);
    assertThat(retried).isInstanceOf(RateLimitException.class);
    assertThat(local.time().waits()).hasSize(2).allSatisfy(wait ->
        assertThat(wait).isPositive().isLessThanOrEqualTo(DirectoryProvisioningClient.DEFAULT_MAX_RETRY_WAIT));
  }

  @ParameterizedTest
  @ValueSource(strings = {"9223372036854775807", "99999999999999999999", "Fri, 31 Dec 9999 23:59:59 GMT", "-5"})
  void anyRetryAfterEndsInARateLimitExceptionAfterCappedWaits(String retryAfter) {
    local.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", retryAfter)));

    ManagementApiException e = failureOf(local.builder().maxRetryWait(Duration.ofSeconds(5)).build());

    assertThat(e).isInstanceOf(RateLimitException.class);
    assertThat(local.time().waits()).hasSize(2)
        .allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofSeconds(5)));
  }

  // Finding 3: token endpoint answers

  @ParameterizedTest
  @ValueSource(strings = {"9223372036854775807", "9e18", "-600", "1.5e300", "\"soon\"", "true"})
  void aTokenAnswerWithAnUnusableLifetimeIsATokenExceptionAndIsNotCached(String expiresIn) {
    local.tokenAnswers(LocalApi.token("access-1", expiresIn));
    apiAnswersOk();
    DirectoryProvisioningApi api = local.clientCredentials().build();

    ManagementApiException first = failureOf(api);
    ManagementApiException second = failureOf(api);

    assertThat(first).isInstanceOf(TokenException.class).hasMessageContaining("expires_in");
    assertThat(second).isInstanceOf(TokenException.class);
    assertThat(local.tokenRequests()).isEqualTo(2);
  }

  @Test
  void aTokenWithLineBreaksIsATokenExceptionAndIsNotCached() {
    local.tokenAnswers(LocalApi.token("evil\\r\\nX-Injected: 1", 86400), LocalApi.token("access-2", 86400));
    apiAnswersOk();
    DirectoryProvisioningApi api = local.clientCredentials().build();

    ManagementApiException first = failureOf(api);
    update(api);

    assertThat(first).isInstanceOf(TokenException.class).hasMessageContaining("access_token");
    assertThat(everythingIn(first)).doesNotContain("evil");
    assertThat(local.tokenRequests()).isEqualTo(2);
  }

  @Test
  void aSupplierTokenWithLineBreaksIsATokenException() {
    ManagementApiException e = failureOf(local.withTime(DirectoryProvisioningClient.builder()
        .baseUrl(local.apiUrl()).tokenSupplier(() -> "evil\r\nX-Injected: 1")).build());

    assertThat(e).isInstanceOf(TokenException.class);
    assertThat(everythingIn(e)).doesNotContain("evil");
    assertThat(local.requests()).isZero();
  }

  // Finding 4: the token request keeps the call's deadline

  @Test
  void theTokenRequestAfterALate401GetsOnlyWhatIsLeftOfTheCallTimeout() throws Exception {
    FakeTime time = local.time();
    AtomicInteger tokenRequests = new AtomicInteger();
    try (RawHttpServer raw = new RawHttpServer((Socket socket, String requestLine) -> {
      if (requestLine.startsWith("POST /oauth/token")) {
        tokenRequests.incrementAndGet();
        RawHttpServer.respond(socket, 200, "Connection: close\r\n",
            "{\"access_token\":\"access-" + tokenRequests.get() + "\",\"expires_in\":86400}");
      } else {
        time.advance(Duration.ofSeconds(3)); // the 401 arrives after the whole callTimeout
        RawHttpServer.respond(socket, 401, "Connection: close\r\n", "{\"statusCode\":401}");
      }
      socket.close();
    })) {
      DirectoryProvisioningApi api = local.withTime(DirectoryProvisioningClient.builder().baseUrl(raw.baseUrl())
          .clientCredentials("id", "secret").callTimeout(Duration.ofMillis(2500))).build();

      ManagementApiException e = failureOf(api);

      assertThat(tokenRequests.get()).isEqualTo(1);
      assertThat(e).isInstanceOf(TokenException.class);
      assertThat(e.getCause()).isInstanceOf(TransportException.class);
      assertThat(((TransportException) e.getCause()).kind()).isEqualTo(TransportException.Kind.CALL_TIMEOUT);
    }
  }

  // Finding 5: secrets echoed by the server

  @Test
  void aTokenEchoedInA401NeverReachesTheException() {
    local.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
        .withHeader("WWW-Authenticate", "Bearer " + SECRET_TOKEN)
        .withHeader("X-Echo", SECRET_TOKEN)
        .withBody("{\"statusCode\":401,\"error\":\"Unauthorized " + SECRET_TOKEN + "\",\"errorCode\":\""
            + SECRET_TOKEN + "\",\"message\":\"Bad header: Authorization: Bearer " + SECRET_TOKEN + "\"}")));

    ManagementApiException e = failureOf(local.withTime(DirectoryProvisioningClient.builder()
        .baseUrl(local.apiUrl()).token(SECRET_TOKEN)).build());

    assertThat(e).isInstanceOf(UnauthorizedException.class);
    assertThat(everythingIn(e)).doesNotContain(SECRET_TOKEN).contains("<redacted>");
  }

  @Test
  void aTokenEchoedInAnHtmlErrorPageNeverReachesTheException() {
    local.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/plain")
        .withBody("you sent " + SECRET_TOKEN)));

    ManagementApiException e = failureOf(local.withTime(DirectoryProvisioningClient.builder()
        .baseUrl(local.apiUrl()).token(SECRET_TOKEN)).build());

    assertThat(e).isInstanceOf(BadRequestException.class);
    assertThat(everythingIn(e)).doesNotContain(SECRET_TOKEN);
  }

  @Test
  void aClientSecretOrTokenEchoedByTheTokenEndpointNeverReachesTheException() {
    local.tokenAnswers(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
        .withHeader("X-Echo", LocalApi.SECRET)
        .withBody("{\"error\":\"access_denied " + LocalApi.SECRET + "\",\"error_description\":\"client_secret="
            + LocalApi.SECRET + "\"}"));

    ManagementApiException e = failureOf(local.clientCredentials().build());

    assertThat(e).isInstanceOf(TokenException.class);
    assertThat(everythingIn(e)).doesNotContain(LocalApi.SECRET).contains("<redacted>");
  }

  // Finding 7: stale keep-alive connections

  @Test
  void aPooledConnectionClosedByTheServerIsReplacedAtOnceWithoutSpendingARetry() throws Exception {
    AtomicInteger answered = new AtomicInteger();
    String ok = LocalApi.fixture("update-200-full.json");
    try (RawHttpServer raw = new RawHttpServer(socket -> {
      RawHttpServer.respond(socket, 200, "", ok);
      answered.incrementAndGet();
      RawHttpServer.readRequestHead(socket.getInputStream()); // the next request on this kept-alive connection
      socket.close(); // as a load balancer that dropped the idle connection: never processed
    })) {
      DirectoryProvisioningApi api = local.withTime(DirectoryProvisioningClient.builder().baseUrl(raw.baseUrl())
          .token("t").maxRetries(0)).build();

      update(api);
      update(api);
      update(api);

      assertThat(answered.get()).isEqualTo(3); // each PATCH processed exactly once
      assertThat(local.time().waits()).isEmpty();
    }
  }

  @Test
  void aFreshConnectionThatFailsIsNotRepeatedForFree() throws Exception {
    try (RawHttpServer raw = new RawHttpServer(Socket::close)) {
      DirectoryProvisioningApi api = local.withTime(DirectoryProvisioningClient.builder().baseUrl(raw.baseUrl())
          .token("t").maxRetries(0)).build();

      ManagementApiException e = failureOf(api);

      assertThat(e).isInstanceOf(TransportException.class);
      assertThat(raw.requests()).isEqualTo(1);
    }
  }

  // Finding 8: ports and tokens refused at build time

  @ParameterizedTest
  @ValueSource(strings = {"acme.auth0.com:99999", "acme.auth0.com:0", "acme.auth0.com:65536"})
  void aDomainWithAnImpossiblePortIsRefusedNamingTheOption(String domain) {
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().domain(domain))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("domain").hasMessageContaining("port");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:99999/api/v2", "http://127.0.0.1:0/api/v2", "https://a.b:123456/x"})
  void aBaseUrlWithAnImpossiblePortIsRefusedNamingTheOption(String baseUrl) {
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().baseUrl(baseUrl))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl").hasMessageContaining("port");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc\r\ndef", "abc\ndef", "abc\u0000", "abc\u007f"})
  void aTokenWithControlCharactersIsRefusedUpFrontWithoutQuotingIt(String token) {
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().token(token))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token")
        .hasMessageNotContaining("abc");
  }
}
