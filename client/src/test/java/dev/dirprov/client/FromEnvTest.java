package dev.dirprov.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.dirprov.client.LocalApi.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dirprov.client.model.UpdateDirectoryProvisioningRequestContent;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code fromEnv()} against an environment each test makes: nothing global is read or left behind. */
class FromEnvTest {

  private static final UpdateDirectoryProvisioningRequestContent CHANGES =
      new UpdateDirectoryProvisioningRequestContent().synchronizeAutomatically(true);

  @RegisterExtension
  static LocalApi local = new LocalApi();

  private static DirectoryProvisioningClientBuilder fromEnv(Map<String, String> environment) {
    return DirectoryProvisioningClient.fromEnv(environment::get);
  }

  private void apiAnswersOk() {
    local.stubFor(patch(urlPathMatching("/api/v2/.*")).willReturn(okJson(LocalApi.fixture("update-200-full.json"))));
  }

  @Test
  void aDomainAndATokenAreTheWholeSetUp() {
    DirectoryProvisioningClientBuilder builder = fromEnv(Map.of("AUTH0_DOMAIN", "acme.eu.auth0.com",
        "AUTH0_TOKEN", "env-token-value"));

    builder.build();

    assertThat(builder.url.baseUrl()).isEqualTo("https://acme.eu.auth0.com/api/v2");
    assertThat(builder.toString()).contains("token=<redacted>").doesNotContain("env-token-value");
  }

  @Test
  void sendsTheTokenFromTheEnvironmentAndExplicitCallsWin() {
    apiAnswersOk();

    local.withTime(fromEnv(Map.of("AUTH0_DOMAIN", "unused.eu.auth0.com", "AUTH0_TOKEN", "env-token-value"))
        .baseUrl(local.apiUrl())).build().updateDirectoryProvisioning(ID, CHANGES);

    local.verify(patchRequestedFor(urlPathMatching("/api/v2/.*"))
        .withHeader("Authorization", equalTo("Bearer env-token-value")));
  }

  @Test
  void asksForTokensWithTheClientCredentialsAndAudienceFromTheEnvironment() {
    local.tokenAnswers(LocalApi.token("granted-token", 86400));
    apiAnswersOk();

    local.withTime(fromEnv(Map.of("AUTH0_CLIENT_ID", "env-client", "AUTH0_CLIENT_SECRET", LocalApi.SECRET,
        "AUTH0_AUDIENCE", "https://example.test/api/v2/")).baseUrl(local.apiUrl())).build()
        .updateDirectoryProvisioning(ID, CHANGES);

    local.verify(postRequestedFor(urlEqualTo("/oauth/token")).withRequestBody(equalToJson("{\"grant_type\":"
        + "\"client_credentials\",\"client_id\":\"env-client\",\"client_secret\":\"" + LocalApi.SECRET + "\","
        + "\"audience\":\"https://example.test/api/v2/\"}")));
    local.verify(patchRequestedFor(urlPathMatching("/api/v2/.*"))
        .withHeader("Authorization", equalTo("Bearer granted-token")));
  }

  @Test
  void anExplicitTokenReplacesTheEnvironmentsClientCredentials() {
    apiAnswersOk();

    local.withTime(fromEnv(Map.of("AUTH0_CLIENT_ID", "env-client", "AUTH0_CLIENT_SECRET", LocalApi.SECRET))
        .baseUrl(local.apiUrl()).token("explicit-token")).build().updateDirectoryProvisioning(ID, CHANGES);

    assertThat(local.tokenRequests()).isZero();
    local.verify(patchRequestedFor(urlPathMatching("/api/v2/.*"))
        .withHeader("Authorization", equalTo("Bearer explicit-token")));
  }

  @Test
  void namesAMissingDomain() {
    assertThatThrownBy(() -> fromEnv(Map.of("AUTH0_TOKEN", "env-token-value")).build())
        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("AUTH0_DOMAIN is not set");
  }

  @Test
  void namesAnInvalidDomain() {
    assertThatThrownBy(() -> fromEnv(Map.of("AUTH0_DOMAIN", "ftp://acme.eu.auth0.com", "AUTH0_TOKEN", "t0ken-value"))
        .build()).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("AUTH0_DOMAIN: ");
  }

  @Test
  void namesMissingCredentials() {
    assertThatThrownBy(() -> fromEnv(Map.of("AUTH0_DOMAIN", "acme.eu.auth0.com")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AUTH0_TOKEN").hasMessageContaining("AUTH0_CLIENT_ID");
  }

  @Test
  void namesTheHalfOfTheClientCredentialsThatIsMissing() {
    assertThatThrownBy(() -> fromEnv(Map.of("AUTH0_DOMAIN", "acme.eu.auth0.com", "AUTH0_CLIENT_ID", "env-client"))
        .build()).isInstanceOf(IllegalStateException.class)
        .hasMessage("AUTH0_CLIENT_SECRET is not set, but AUTH0_CLIENT_ID is: set both");
    assertThatThrownBy(() -> fromEnv(Map.of("AUTH0_DOMAIN", "acme.eu.auth0.com", "AUTH0_CLIENT_SECRET", "s3cr3t-value"))
        .build()).isInstanceOf(IllegalStateException.class)
        .hasMessage("AUTH0_CLIENT_ID is not set, but AUTH0_CLIENT_SECRET is: set both");
  }

  @Test
  void refusesATokenTogetherWithClientCredentialsNamingBoth() {
    assertThatThrownBy(() -> fromEnv(Map.of("AUTH0_DOMAIN", "acme.eu.auth0.com", "AUTH0_TOKEN", "env-token-value",
        "AUTH0_CLIENT_ID", "env-client", "AUTH0_CLIENT_SECRET", "s3cr3t-value")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AUTH0_TOKEN").hasMessageContaining("AUTH0_CLIENT_ID")
        .hasMessageNotContaining("env-token-value").hasMessageNotContaining("s3cr3t-value");
  }

  @Test
  void refusesAnAudienceWithAFixedToken() {
    assertThatThrownBy(() -> fromEnv(Map.of("AUTH0_DOMAIN", "acme.eu.auth0.com", "AUTH0_TOKEN", "env-token-value",
        "AUTH0_AUDIENCE", "https://example.test/")).build())
        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("AUTH0_AUDIENCE is set");
  }

  @Test
  void namesAnUnsendableTokenWithoutQuotingIt() {
    assertThatThrownBy(() -> fromEnv(Map.of("AUTH0_DOMAIN", "acme.eu.auth0.com", "AUTH0_TOKEN", "line\nbreak-token"))
        .build()).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("AUTH0_TOKEN: ")
        .hasMessageNotContaining("break-token");
  }

  @Test
  void treatsBlankVariablesAsUnset() {
    assertThatThrownBy(() -> fromEnv(Map.of("AUTH0_DOMAIN", "  ", "AUTH0_TOKEN", "env-token-value")).build())
        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("AUTH0_DOMAIN is not set");
  }

  @Test
  void aPlainBuilderReadsNoEnvironment() {
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessage("domain or baseUrl required");
  }
}
