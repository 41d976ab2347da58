package dev.dirprov.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dirprov.client.model.UpdateDirectoryProvisioningRequestContent;
import feign.Logger;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Whatever the log level, no token and no client secret is ever logged. */
class LogRedactionTest {

  private static final String ID = "con_0aB1cD2eF3gH4iJ5";
  private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.s3cr3t-t0k3n.signature";
  private static final String SECRET = "cl13nt-s3cr3t-value";

  @RegisterExtension
  static LocalApi server = new LocalApi();

  private final List<String> lines = new CopyOnWriteArrayList<>();

  private static void apiAnswersOk() {
    server.stubFor(patch(urlPathMatching("/api/v2/.*"))
        .willReturn(okJson(LocalApi.fixture("update-200-full.json"))));
  }

  @ParameterizedTest(name = "at {0}")
  @EnumSource(value = Logger.Level.class, names = {"BASIC", "HEADERS", "FULL"})
  void neverLogsTheTokenAtAnyLevel(Logger.Level level) {
    apiAnswersOk();

    DirectoryProvisioningClient.builder().baseUrl(server.apiUrl()).token(TOKEN)
        .logLevel(level).logSink(lines::add).build()
        .updateDirectoryProvisioning(ID, new UpdateDirectoryProvisioningRequestContent().synchronizeAutomatically(true));

    assertThat(lines).anyMatch(line -> line.contains("---> PATCH " + server.baseUrl() + "/api/v2/connections/" + ID));
    assertThat(lines).noneMatch(line -> line.contains("s3cr3t"));
    if (level != Logger.Level.BASIC) {
      assertThat(lines).contains("[DirectoryProvisioningApi#updateDirectoryProvisioning] Authorization: <redacted>");
    }
    if (level == Logger.Level.FULL) {
      assertThat(lines).anyMatch(line -> line.contains("{\"synchronize_automatically\":true}"));
    }
  }

  @Test
  void neverLogsTheTokenRequestBodyTheSecretOrTheTokensItReturns() {
    server.stubFor(post("/oauth/token").willReturn(okJson("{\"access_token\":\"" + TOKEN + "\","
        + "\"token_type\":\"Bearer\",\"expires_in\":86400}")));
    apiAnswersOk();

    DirectoryProvisioningClient.builder().baseUrl(server.apiUrl()).clientCredentials("id", SECRET)
        .logLevel(Logger.Level.FULL).logSink(lines::add).build()
        .updateDirectoryProvisioning(ID, new UpdateDirectoryProvisioningRequestContent());

    assertThat(lines).contains("[ClientCredentials#token] ---> POST " + server.baseUrl() + "/oauth/token HTTP/1.1");
    assertThat(lines).anyMatch(line -> line.startsWith("[ClientCredentials#token] <--- HTTP/1.1 200"));
    assertThat(lines).noneMatch(line -> line.contains("s3cr3t") || line.contains("client_credentials\""));
  }

  @Test
  void masksABearerTokenThatAResponseBodyEchoes() {
    server.stubFor(patch(urlPathMatching("/api/v2/.*")).willReturn(aResponse().withStatus(400)
        .withBody("{\"statusCode\":400,\"message\":\"Rejected header Bearer " + TOKEN + "\"}")));

    catchThrowable(() -> DirectoryProvisioningClient.builder().baseUrl(server.apiUrl()).token(TOKEN)
        .logLevel(Logger.Level.FULL).logSink(lines::add).build()
        .updateDirectoryProvisioning(ID, new UpdateDirectoryProvisioningRequestContent()));

    assertThat(lines).anyMatch(line -> line.contains("Rejected header Bearer <redacted>"));
    assertThat(lines).noneMatch(line -> line.contains("s3cr3t"));
  }

  @Test
  void logsNothingByDefault() {
    apiAnswersOk();

    DirectoryProvisioningClient.builder().baseUrl(server.apiUrl()).token(TOKEN)
        .logSink(lines::add).build()
        .updateDirectoryProvisioning(ID, new UpdateDirectoryProvisioningRequestContent());

    assertThat(lines).isEmpty();
  }
}
