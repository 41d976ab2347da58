package dev.dirprov.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a tenant's Management API and its token endpoint live, read from the builder's {@code domain} or
 * {@code baseUrl} option. Every refusal names the option and the value.
 *
 * <pre>{@code
 * ManagementApiUrl url = ManagementApiUrl.ofDomain("acme.eu.auth0.com");
 * url.baseUrl();          // https://acme.eu.auth0.com/api/v2
 * url.tokenUrl();         // https://acme.eu.auth0.com/oauth/token
 * url.defaultAudience();  // https://acme.eu.auth0.com/api/v2/
 * }</pre>
 *
 * @param baseUrl the API base, without a trailing slash
 * @param tokenUrl the OAuth token endpoint: {@code /oauth/token} at the origin of the base
 * @param defaultAudience the audience of Management API tokens: the base with a trailing slash
 * @param option the builder option the URL came from, {@code domain} or {@code baseUrl}
 */
record ManagementApiUrl(String baseUrl, String tokenUrl, String defaultAudience, String option) {

  /** {@code https://{domain}/api/v2}: always HTTPS; a leading {@code https://} is accepted, nothing else. */
  static ManagementApiUrl ofDomain(String domain) {
    Objects.requireNonNull(domain, "domain == null");
    String host = domain.trim();
    if (host.regionMatches(true, 0, "https://", 0, 8)) {
      host = host.substring(8);
    }
    if (host.endsWith("/")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("domain is blank");
    }
    if (host.contains("://") || host.contains("/") || host.contains("?") || host.contains("#")
        || host.contains("@") || host.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "domain must be a host name such as acme.eu.auth0.com (HTTPS is implied), but was \""
              + domain + "\"");
    }
    URI uri = parse("https://" + host + "/api/v2", "domain");
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("domain \"" + domain + "\" is not a valid host name");
    }
    checkPort(uri, "domain", domain);
    String origin = "https://" + uri.getRawAuthority();
    return new ManagementApiUrl(origin + "/api/v2", origin + "/oauth/token", origin + "/api/v2/", "domain");
  }

  /** Any absolute http(s) base, for proxies and tests; tokens come from {@code /oauth/token} at its origin. */
  static ManagementApiUrl ofBaseUrl(String baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl == null");
    String url = baseUrl.trim();
    if (url.isEmpty()) {
      throw new IllegalArgumentException("baseUrl is blank");
    }
    URI uri = parse(url, "baseUrl");
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "baseUrl must be an absolute http(s) URL such as https://acme.eu.auth0.com/api/v2, but was \""
              + baseUrl + "\"");
    }
    checkPort(uri, "baseUrl", baseUrl);
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("baseUrl must not have a query or fragment: \"" + baseUrl + "\"");
    }
    if (uri.getRawUserInfo() != null) {
      // Credentials in a URL end up in logs and messages; they belong in token(...) or clientCredentials(...).
      throw new IllegalArgumentException("baseUrl must not contain user info (name:password@)");
    }
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    String origin = scheme + "://" + uri.getRawAuthority();
    return new ManagementApiUrl(url, origin + "/oauth/token", url + "/", "baseUrl");
  }

  /** No port, or one from 1 to 65535: {@code URI} accepts any number of digits. */
  /** This URL in place of {@code previous}, set by the same option: domain and baseUrl exclude each other. */
  ManagementApiUrl replacing(ManagementApiUrl previous) {
    if (previous != null && !previous.option().equals(option)) {
      throw new IllegalStateException("Set domain or baseUrl, not both");
    }
    return this;
  }

  private static void checkPort(URI uri, String option, String value) {
    int port = uri.getPort();
    if (port == 0 || port > 65535) {
      throw new IllegalArgumentException(option + " has port " + port + ", but a port must be from 1 to 65535: \""
          + value + "\"");
    }
  }

  private static URI parse(String url, String option) {
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(option + " is not a valid URL: " + e.getMessage(), e);
    }
  }
}
