package dev.dirprov.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.dirprov.client.LocalApi.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dirprov.client.api.DirectoryProvisioningApi;
import dev.dirprov.client.model.UpdateDirectoryProvisioningRequestContent;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.observation.transport.SenderContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code meterRegistry} and {@code observationRegistry} against a real local server. */
class MetricsAndTracingTest {

  private static final UpdateDirectoryProvisioningRequestContent CHANGES =
      new UpdateDirectoryProvisioningRequestContent().synchronizeAutomatically(true);
  private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  @RegisterExtension
  static LocalApi local = new LocalApi();

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private DirectoryProvisioningApi metered() {
    return local.builder().meterRegistry(meters).build();
  }

  private void patchAnswers(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first,
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder then) {
    local.stubFor(patch(urlPathMatching("/api/v2/.*")).inScenario("patch").whenScenarioStateIs(STARTED)
        .willReturn(first).willSetStateTo("then"));
    local.stubFor(patch(urlPathMatching("/api/v2/.*")).inScenario("patch").whenScenarioStateIs("then")
        .willReturn(then));
  }

  private long timerCount(String name, String... tags) {
    return meters.find(name).tags(tags).timers().stream().mapToLong(timer -> timer.count()).sum();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void timesASuccessfulCallAndItsAttempt() {
    local.stubFor(patch(urlPathMatching("/api/v2/.*")).willReturn(okJson(LocalApi.fixture("update-200-full.json"))));

    metered().updateDirectoryProvisioning(ID, CHANGES);

    assertThat(timerCount("dirprov.client.calls", "operation", "updateDirectoryProvisioning", "method", "PATCH",
        "status", "200", "outcome", "SUCCESS", "exception", "none")).isEqualTo(1);
    assertThat(timerCount("dirprov.client.attempts", "operation", "updateDirectoryProvisioning", "method", "PATCH",
        "status", "200", "outcome", "SUCCESS")).isEqualTo(1);
    assertThat(meters.find("dirprov.client.retries").counters()).isEmpty();
  }

  @Test
  void timesANotFoundWithItsStatusAndException() {
    local.stubFor(get(urlPathMatching("/api/v2/.*")).willReturn(aResponse().withStatus(404)));

    catchThrowableOfType(NotFoundException.class, () -> metered().getDirectoryProvisioning(ID));

    assertThat(timerCount("dirprov.client.calls", "operation", "getDirectoryProvisioning", "method", "GET",
        "status", "404", "outcome", "CLIENT_ERROR", "exception", "NotFoundException")).isEqualTo(1);
    assertThat(timerCount("dirprov.client.attempts", "operation", "getDirectoryProvisioning", "status", "404"))
        .isEqualTo(1);
  }

  @Test
  void countsARetriedRateLimitByReasonAndTimesEachAttempt() {
    patchAnswers(aResponse().withStatus(429).withHeader("Retry-After", "1"),
        okJson(LocalApi.fixture("update-200-full.json")));

    local.builder().meterRegistry(meters).build().updateDirectoryProvisioningWithHttpInfo(ID, CHANGES);

    assertThat(timerCount("dirprov.client.attempts", "operation", "updateDirectoryProvisioning", "status", "429",
        "outcome", "CLIENT_ERROR")).isEqualTo(1);
    assertThat(timerCount("dirprov.client.attempts", "operation", "updateDirectoryProvisioning", "status", "200"))
        .isEqualTo(1);
    assertThat(timerCount("dirprov.client.calls", "operation", "updateDirectoryProvisioning", "status", "200",
        "outcome", "SUCCESS")).isEqualTo(1);
    assertThat(meters.get("dirprov.client.retries").tags("operation", "updateDirectoryProvisioning", "method",
        "PATCH", "reason", "429").counter().count()).isEqualTo(1.0);
  }

  @Test
  void timesAConnectionRefusalByItsKind() throws IOException {
    DirectoryProvisioningApi api = local.withTime(DirectoryProvisioningClient.builder()
        .baseUrl("http://127.0.0.1:" + closedPort() + "/api/v2").token(LocalApi.TOKEN).maxRetries(1)
        .meterRegistry(meters)).build();

    catchThrowableOfType(TransportException.class, () -> api.updateDirectoryProvisioning(ID, CHANGES));

    assertThat(timerCount("dirprov.client.calls", "operation", "updateDirectoryProvisioning",
        "status", "CONNECTION_REFUSED", "outcome", "UNKNOWN", "exception", "TransportException")).isEqualTo(1);
    assertThat(timerCount("dirprov.client.attempts", "status", "CONNECTION_REFUSED")).isEqualTo(2);
    assertThat(meters.get("dirprov.client.retries").tags("reason", "CONNECTION_REFUSED").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void keepsEveryTagValueLowCardinality() {
    local.stubFor(patch(urlPathMatching("/api/v2/.*")).willReturn(okJson(LocalApi.fixture("update-200-full.json"))));
    local.stubFor(get(urlPathMatching("/api/v2/.*")).willReturn(aResponse().withStatus(404)));
    DirectoryProvisioningApi api = metered();

    api.updateDirectoryProvisioning(ID, CHANGES);
    api.updateDirectoryProvisioning("con_ZZZZZZZZZZZZZZZZ", CHANGES);
    catchThrowableOfType(NotFoundException.class, () -> api.getDirectoryProvisioning("con_other"));

    for (Meter meter : meters.getMeters()) {
      assertThat(meter.getId().getName()).startsWith("dirprov.client.");
      assertThat(meter.getId().getTags()).extracting(Tag::getKey)
          .containsExactlyInAnyOrder("operation", "method", "status", "outcome", "exception");
      assertThat(meter.getId().getTags()).extracting(Tag::getValue)
          .noneMatch(value -> value.contains("con_") || value.contains("/") || value.contains("127.0.0.1"));
    }
    assertThat(timerCount("dirprov.client.calls", "operation", "updateDirectoryProvisioning")).isEqualTo(2);
    assertThat(meters.find("dirprov.client.calls").timers()).hasSize(2);
  }

  @Test
  void observesEachCallOnceWithTheTagsEvenWhenItIsRetried() {
    TestObservationRegistry observations = TestObservationRegistry.create();
    patchAnswers(aResponse().withStatus(503), okJson(LocalApi.fixture("update-200-full.json")));

    local.builder().observationRegistry(observations).build().updateDirectoryProvisioning(ID, CHANGES);

    TestObservationRegistryAssert.assertThat(observations)
        .hasNumberOfObservationsWithNameEqualTo("dirprov.client.calls", 1)
        .hasObservationWithNameEqualTo("dirprov.client.calls").that()
        .hasContextualNameEqualTo("PATCH updateDirectoryProvisioning")
        .hasLowCardinalityKeyValue("operation", "updateDirectoryProvisioning")
        .hasLowCardinalityKeyValue("method", "PATCH")
        .hasLowCardinalityKeyValue("status", "200")
        .hasLowCardinalityKeyValue("outcome", "SUCCESS")
        .hasLowCardinalityKeyValue("exception", "none")
        .hasBeenStarted().hasBeenStopped();
    assertThat(local.count(patchRequestedFor(urlPathMatching("/api/v2/.*")))).isEqualTo(2);
  }

  @Test
  void observesAFailedCallWithItsError() {
    TestObservationRegistry observations = TestObservationRegistry.create();
    local.stubFor(get(urlPathMatching("/api/v2/.*")).willReturn(aResponse().withStatus(404)));

    catchThrowableOfType(NotFoundException.class, () -> local.builder().observationRegistry(observations).build()
        .getDirectoryProvisioning(ID));

    TestObservationRegistryAssert.assertThat(observations)
        .hasObservationWithNameEqualTo("dirprov.client.calls").that()
        .hasLowCardinalityKeyValue("operation", "getDirectoryProvisioning")
        .hasLowCardinalityKeyValue("status", "404")
        .hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
        .hasLowCardinalityKeyValue("exception", "NotFoundException")
        .assertThatError().isInstanceOf(NotFoundException.class);
  }

  @Test
  void sendsTheCallsTraceContextOnEveryAttempt() {
    TestObservationRegistry observations = TestObservationRegistry.create();
    // What a tracing bridge's propagating handler does when a client observation starts.
    observations.observationConfig().observationHandler(new ObservationHandler<SenderContext<Object>>() {
      @Override
      public void onStart(SenderContext<Object> context) {
        context.getSetter().set(context.getCarrier(), "traceparent", TRACEPARENT);
      }

      @Override
      public boolean supportsContext(Observation.Context context) {
        return context instanceof SenderContext;
      }
    });
    patchAnswers(aResponse().withStatus(503), okJson(LocalApi.fixture("update-200-full.json")));

    local.builder().observationRegistry(observations).build().updateDirectoryProvisioning(ID, CHANGES);

    local.verify(2, patchRequestedFor(urlPathMatching("/api/v2/.*")).withHeader("traceparent", equalTo(TRACEPARENT)));
  }

  @Test
  void metersAndObservesTogether() {
    TestObservationRegistry observations = TestObservationRegistry.create();
    local.stubFor(patch(urlPathMatching("/api/v2/.*")).willReturn(okJson(LocalApi.fixture("update-200-full.json"))));

    local.builder().meterRegistry(meters).observationRegistry(observations).build()
        .updateDirectoryProvisioning(ID, CHANGES);

    assertThat(timerCount("dirprov.client.calls", "status", "200")).isEqualTo(1);
    TestObservationRegistryAssert.assertThat(observations)
        .hasNumberOfObservationsWithNameEqualTo("dirprov.client.calls", 1);
  }
}
