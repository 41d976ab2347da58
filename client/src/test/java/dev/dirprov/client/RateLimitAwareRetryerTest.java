package dev.dirprov.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.dirprov.client.model.UpdateDirectoryProvisioningRequestContent;
import dev.dirprov.client.model.UpdateDirectoryProvisioningResponseContent;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every rule of {@link RateLimitAwareRetryer}, proven against a real server by the number of requests it
 * received and the exact waits the client asked {@link FakeTime} for. Jitter comes from an injected number.
 */
class RateLimitAwareRetryerTest {

  private static final String ID = "con_0aB1cD2eF3gH4iJ5";

  @RegisterExtension
  static LocalApi server = new LocalApi();


  private DirectoryProvisioningClientBuilder client(double random) {
    return DirectoryProvisioningClient.builder()
        .baseUrl(server.apiUrl())
        .token("test-token")
        .seams(server.time(), server.time(), () -> random);
  }

  private static void answerAlways(ResponseDefinitionBuilder response) {
    server.stubFor(any(anyUrl()).willReturn(response));
  }

  private static void answerOnceThenOk(ResponseDefinitionBuilder first) {
    server.stubFor(any(anyUrl()).inScenario("once").whenScenarioStateIs(STARTED)
        .willReturn(first).willSetStateTo("answered"));
    server.stubFor(any(anyUrl()).inScenario("once").whenScenarioStateIs("answered")
        .willReturn(okJson(LocalApi.fixture("update-200-full.json"))));
  }

  private static ResponseDefinitionBuilder status(int status) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody("{\"statusCode\":" + status + ",\"error\":\"Error\",\"message\":\"status " + status + "\"}");
  }

  private static ManagementApiException failureOf(DirectoryProvisioningClientBuilder builder) {
    return catchThrowableOfType(ManagementApiException.class, () -> builder.build()
        .updateDirectoryProvisioning(ID, new UpdateDirectoryProvisioningRequestContent()));
  }

  private static int requests() {
    return server.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount();
  }

  @Test
  void retriesTwiceByDefaultThenThrowsTheLastFailure() {
    answerAlways(status(429));

    ManagementApiException e = failureOf(client(0.5));

    assertThat(e).isInstanceOf(RateLimitException.class).hasMessage("429 Error: status 429");
    assertThat(requests()).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0} is retried")
  @ValueSource(ints = {408, 429, 500, 502, 503, 504, 599})
  void retriesRequestTimeoutRateLimitAndServerErrors(int retried) {
    answerOnceThenOk(status(retried));

    UpdateDirectoryProvisioningResponseContent response = client(0.5).build()
        .updateDirectoryProvisioning(ID, new UpdateDirectoryProvisioningRequestContent());

    assertThat(response.getConnectionId()).isEqualTo(ID);
    assertThat(requests()).isEqualTo(2);
    assertThat(server.time().waits()).containsExactly(Duration.ofSeconds(1));
  }

  @ParameterizedTest(name = "{0} is never retried")
  @ValueSource(ints = {400, 401, 403, 404, 409, 418})
  void neverRetriesClientErrors(int code) {
    answerOnceThenOk(status(code));

    ManagementApiException e = failureOf(client(0.5));

    assertThat(e.statusCode()).isEqualTo(code);
    assertThat(requests()).isEqualTo(1);
    assertThat(server.time().waits()).isEmpty();
  }

  @Test
  void retriesIoFailuresWithinTheSameBudget() {
    answerAlways(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    ManagementApiException e = failureOf(client(0.5));

    assertThat(e).isInstanceOf(TransportException.class);
    assertThat(requests()).isEqualTo(3);
    assertThat(server.time().waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void maxRetriesZeroTurnsEveryRetryOff() {
    answerAlways(status(503));
    ManagementApiException status = failureOf(client(0.5).maxRetries(0));
    int statusRequests = requests();
    server.resetAll();
    answerAlways(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    ManagementApiException transport = failureOf(client(0.5).maxRetries(0));

    assertThat(status).isInstanceOf(ServerErrorException.class);
    assertThat(transport).isInstanceOf(TransportException.class);
    assertThat(statusRequests).isEqualTo(1);
    assertThat(requests()).isEqualTo(1);
    assertThat(server.time().waits()).isEmpty();
  }

  @Test
  void makesAsManyRetriesAsConfigured() {
    answerAlways(status(500));

    failureOf(client(0.5).maxRetries(4));

    assertThat(requests()).isEqualTo(5);
    assertThat(server.time().waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(4), Duration.ofSeconds(8));
  }

  @ParameterizedTest(name = "random {0} waits {1} ms then {2} ms")
  @CsvSource({"0.0, 900, 1800", "0.5, 1000, 2000", "1.0, 1100, 2200"})
  void backsOffExponentiallyWithTenPercentJitter(double random, long first, long second) {
    answerAlways(status(503));

    failureOf(client(random));

    assertThat(server.time().waits()).containsExactly(Duration.ofMillis(first), Duration.ofMillis(second));
  }

  @ParameterizedTest(name = "random {0} waits {1} ms")
  @CsvSource({"0.0, 10000", "0.5, 11000", "1.0, 12000"})
  void waitsUntilTheRateLimitResetsPlusUpToTwentyPercent(double random, long wait) {
    answerOnceThenOk(status(429).withHeader("x-ratelimit-limit", "50").withHeader("x-ratelimit-remaining", "0")
        .withHeader("x-ratelimit-reset", String.valueOf(FakeTime.START.getEpochSecond() + 10)));

    client(random).build().updateDirectoryProvisioning(ID, new UpdateDirectoryProvisioningRequestContent());

    assertThat(server.time().waits()).containsExactly(Duration.ofMillis(wait));
  }

  @Test
  void backsOffWhenTheRateLimitResetIsAlreadyPast() {
    answerOnceThenOk(status(429)
        .withHeader("x-ratelimit-reset", String.valueOf(FakeTime.START.getEpochSecond() - 5)));

    client(0.5).build().updateDirectoryProvisioning(ID, new UpdateDirectoryProvisioningRequestContent());

    assertThat(server.time().waits()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void waitsExactlyTheRetryAfterSecondsWithoutJitterAndBeforeTheReset() {
    answerAlways(status(429).withHeader("Retry-After", "7")
        .withHeader("x-ratelimit-reset", String.valueOf(FakeTime.START.getEpochSecond() + 30)));

    failureOf(client(0.99));

    assertThat(server.time().waits()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
  }

  @Test
  void readsRetryAfterAsAnHttpDate() {
    String in12Seconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        FakeTime.START.plusSeconds(12).atOffset(ZoneOffset.UTC));
    answerOnceThenOk(status(503).withHeader("Retry-After", in12Seconds));

    client(0.5).build().updateDirectoryProvisioning(ID, new UpdateDirectoryProvisioningRequestContent());

    assertThat(server.time().waits()).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void capsEveryWaitAtMaxRetryWait() {
    answerAlways(status(429).withHeader("Retry-After", "3600"));
    failureOf(client(0.5).callTimeout(Duration.ofMinutes(10)));
    assertThat(server.time().waits()).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(60));

    FakeTime shorter = new FakeTime();
    failureOf(client(0.5).seams(shorter, shorter, null).maxRetryWait(Duration.ofSeconds(5)));
    assertThat(shorter.waits()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  @Test
  void givesUpAtOnceWhenTheWaitWouldEndAfterTheCallTimeout() {
    answerAlways(status(429).withHeader("Retry-After", "30"));

    ManagementApiException e = failureOf(client(0.5).callTimeout(Duration.ofSeconds(20)));

    assertThat(e).isInstanceOf(RateLimitException.class);
    assertThat(((RateLimitException) e).retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(requests()).isEqualTo(1);
    assertThat(server.time().waits()).isEmpty();
  }

  @Test
  void retriesOnlyWhileTheCallTimeoutLeavesTime() {
    answerAlways(status(500));

    failureOf(client(0.5).callTimeout(Duration.ofMillis(2500)));

    // 1 s fits before the deadline; the next 2 s would end at 3 s, after it.
    assertThat(server.time().waits()).containsExactly(Duration.ofSeconds(1));
    assertThat(requests()).isEqualTo(2);
  }

  @Test
  void anInterruptedWaitStopsRetryingAndKeepsTheInterrupt() {
    answerAlways(status(503));

    ManagementApiException e = failureOf(client(0.5).seams(null, wait -> {
      throw new InterruptedException();
    }, null));

    assertThat(e).isInstanceOf(ServerErrorException.class);
    assertThat(Thread.interrupted()).isTrue();
    assertThat(requests()).isEqualTo(1);
  }
}
