package dev.dirprov.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectoryProvisioningClientBuilderTest {

  @Test
  void buildNamesTheMissingBase() {
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().token("t").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("domain or baseUrl required");
  }

  @Test
  void buildNamesTheMissingCredentials() {
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().domain("acme.eu.auth0.com").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("token, tokenSupplier or clientCredentials required");
  }

  @Test
  void refusesNullAndBlankTokens() {
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().token(null))
        .isInstanceOf(NullPointerException.class).hasMessage("token == null");
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().token("  "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("token is blank");
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().tokenSupplier(null))
        .isInstanceOf(NullPointerException.class).hasMessage("tokenSupplier == null");
  }

  @Test
  void refusesTwoKindsOfCredentials() {
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().token("t").tokenSupplier(() -> "u"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Set one of token, tokenSupplier or clientCredentials: tokenSupplier was set after token");
  }

  @Test
  void refusesDomainAndBaseUrlTogether() {
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder()
        .domain("acme.eu.auth0.com").baseUrl("http://127.0.0.1:1/api/v2"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Set domain or baseUrl, not both");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://acme.eu.auth0.com", "acme.eu.auth0.com/api/v2", "ftp://acme",
      "acme.eu.auth0.com?x=1", "user@acme.eu.auth0.com", "acme eu"})
  void domainAlwaysMeansAnHttpsHostName(String domain) {
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().domain(domain))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("domain");
  }

  @ParameterizedTest
  @ValueSource(strings = {"acme.eu.auth0.com", "https://acme.eu.auth0.com/", "  acme.eu.auth0.com "})
  void acceptsABareOrHttpsDomain(String domain) {
    assertThat(DirectoryProvisioningClient.builder().domain(domain).toString())
        .contains("baseUrl=https://acme.eu.auth0.com/api/v2,");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "127.0.0.1:8080/api/v2", "file:///etc/passwd", "http://h/api?x=1"})
  void refusesBaseUrlsThatAreNotAbsoluteHttpUrls(String baseUrl) {
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().baseUrl(baseUrl))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseUrl");
  }

  @Test
  void refusesTimeoutsThatAreNotPositive() {
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().readTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("readTimeout must be positive, but was PT0S");
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().connectTimeout(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("connectTimeout == null");
  }

  @Test
  void neverShowsTheTokenInToString() {
    String shown = DirectoryProvisioningClient.builder().domain("acme.eu.auth0.com")
        .token("s3cr3t-token-value").toString();

    assertThat(shown).doesNotContain("s3cr3t").contains("token=<redacted>");
  }
}
