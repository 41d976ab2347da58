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
  void refusesNullServiceOptionsNamingThem() {
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().httpClient(null))
        .isInstanceOf(NullPointerException.class).hasMessage("httpClient == null");
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().proxy(null))
        .isInstanceOf(NullPointerException.class).hasMessage("proxy == null");
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().meterRegistry(null))
        .isInstanceOf(NullPointerException.class).hasMessage("meterRegistry == null");
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().observationRegistry(null))
        .isInstanceOf(NullPointerException.class).hasMessage("observationRegistry == null");
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().logSink(null))
        .isInstanceOf(NullPointerException.class).hasMessage("logSink == null");
  }

  @Test
  void namesTheProxyInToString() {
    java.net.Proxy proxy = new java.net.Proxy(java.net.Proxy.Type.HTTP,
        java.net.InetSocketAddress.createUnresolved("proxy.corp.example", 3128));

    assertThat(DirectoryProvisioningClient.builder().proxy(proxy).toString())
        .contains("proxy=HTTP @ proxy.corp.example");
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
  @ValueSource(strings = {"", "   ", "127.0.0.1:8080/api/v2", "file:///etc/passwd", "http://h/api?x=1",
      "https://user:pa55@acme.eu.auth0.com/api/v2"})
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

  @ParameterizedTest
  @ValueSource(ints = {-1, 11, Integer.MIN_VALUE})
  void refusesMaxRetriesOutsideZeroToTen(int maxRetries) {
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().maxRetries(maxRetries))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxRetries must be between 0 and 10, but was " + maxRetries);
  }

  @Test
  void acceptsMaxRetriesFromZeroToTen() {
    assertThat(DirectoryProvisioningClient.builder().maxRetries(0).toString()).contains("maxRetries=0,");
    assertThat(DirectoryProvisioningClient.builder().maxRetries(10).toString()).contains("maxRetries=10,");
  }

  @Test
  void refusesRetryWaitsAndCallTimeoutsThatAreNotPositive() {
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().maxRetryWait(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxRetryWait must be positive, but was PT-1S");
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().callTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("callTimeout must be positive, but was PT0S");
  }

  @Test
  void refusesMissingOrBlankClientCredentials() {
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().clientCredentials(null, "s"))
        .isInstanceOf(NullPointerException.class).hasMessage("clientId == null");
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().clientCredentials("id", null))
        .isInstanceOf(NullPointerException.class).hasMessage("clientSecret == null");
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().clientCredentials(" ", "s"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("clientId is blank");
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().clientCredentials("id", ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("clientSecret is blank");
  }

  @Test
  void refusesClientCredentialsTogetherWithAToken() {
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().token("t").clientCredentials("id", "s"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Set one of token, tokenSupplier or clientCredentials: clientCredentials was set after token");
  }

  @Test
  void refusesAnAudienceWithoutClientCredentials() {
    assertThatThrownBy(() -> DirectoryProvisioningClient.builder().domain("acme.eu.auth0.com").token("t")
        .audience("https://acme.eu.auth0.com/api/v2/").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("audience is only used with clientCredentials");
  }

  @Test
  void neverShowsTheClientSecretInToString() {
    String shown = DirectoryProvisioningClient.builder().domain("acme.eu.auth0.com")
        .clientCredentials("my-client-id", "s3cr3t-client-secret").toString();

    assertThat(shown).doesNotContain("s3cr3t")
        .contains("credentials=clientCredentials(clientId=my-client-id, clientSecret=<redacted>)");
  }

  @Test
  void derivesTheTokenEndpointAndAudienceFromTheDomainOrTheBaseUrlOrigin() {
    ManagementApiUrl domain = ManagementApiUrl.ofDomain("acme.eu.auth0.com");
    ManagementApiUrl base = ManagementApiUrl.ofBaseUrl("http://127.0.0.1:8080/proxy/api/v2/");

    assertThat(domain.tokenUrl()).isEqualTo("https://acme.eu.auth0.com/oauth/token");
    assertThat(domain.defaultAudience()).isEqualTo("https://acme.eu.auth0.com/api/v2/");
    assertThat(base.tokenUrl()).isEqualTo("http://127.0.0.1:8080/oauth/token");
    assertThat(base.defaultAudience()).isEqualTo("http://127.0.0.1:8080/proxy/api/v2/");
  }

  @Test
  void theBuiltClientNamesItselfAndItsBaseUrlButNeverTheToken() {
    String shown = DirectoryProvisioningClient.builder().baseUrl("http://127.0.0.1:1/api/v2")
        .token("s3cr3t-token-value").build().toString();

    assertThat(shown).isEqualTo("DirectoryProvisioningApi[http://127.0.0.1:1/api/v2]");
  }
}
