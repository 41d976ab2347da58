package dev.dirprov.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dirprov.client.api.DirectoryProvisioningApi;
import dev.dirprov.client.internal.ApiResponseDecoder;
import feign.Feign;
import feign.Request;
import feign.Retryer;
import feign.jackson.JacksonEncoder;
import feign.okhttp.OkHttpClient;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Builds the {@link DirectoryProvisioningApi} client of Auth0's Management API, generated from the dirprov spec.
 *
 * <pre>{@code
 * DirectoryProvisioningApi api = DirectoryProvisioningClient.builder()
 *     .domain("acme.eu.auth0.com")
 *     .token(System.getenv("AUTH0_MANAGEMENT_TOKEN"))
 *     .build();
 *
 * UpdateDirectoryProvisioningResponseContent updated = api.updateDirectoryProvisioning(
 *     "con_0aB1cD2eF3gH4iJ5",
 *     new UpdateDirectoryProvisioningRequestContent().synchronizeAutomatically(false));
 * }</pre>
 *
 * <p>The built client is immutable and thread-safe; build it once and share it. Requests carry only the
 * fields the caller set (unset fields are never sent as {@code null}), path parameters are always encoded as
 * one path segment, and responses keep the offsets of their timestamps.
 */
public final class DirectoryProvisioningClient {

  /** Default time allowed to establish a TCP and TLS connection: 10 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Default time allowed between two reads of the response: 30 seconds. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  private DirectoryProvisioningClient() {
  }

  /**
   * Starts a builder. Set the tenant with {@link Builder#domain(String)} (or {@link Builder#baseUrl(String)})
   * and the credentials with {@link Builder#token(String)} (or {@link Builder#tokenSupplier(Supplier)}).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The Jackson mapper the client reads and writes JSON with: unset fields are left out, unknown fields
   * are ignored, and date-times keep the offset they were sent with.
   */
  static ObjectMapper objectMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
  }

  /**
   * Configures a {@link DirectoryProvisioningApi}. Not thread-safe; {@link #build()} checks every option and
   * names the first one that is missing or wrong.
   */
  public static final class Builder {
    private String baseUrl;
    private String baseUrlOption;
    private Supplier<String> tokenSupplier;
    private String tokenOption;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;

    private Builder() {
    }

    /**
     * The Auth0 tenant, such as {@code acme.eu.auth0.com}; requests go to {@code https://{domain}/api/v2}.
     * Always HTTPS: a leading {@code https://} is accepted, any other scheme, a path or a query is refused.
     *
     * @param domain the tenant's domain name, optionally with a port
     * @return this builder
     */
    public Builder domain(String domain) {
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
      return base(uri.toString(), "domain");
    }

    /**
     * Any base URL of the Management API, for proxies and tests, such as {@code http://127.0.0.1:8080/api/v2}.
     * Operation paths are appended to it. Prefer {@link #domain(String)} for Auth0 itself.
     *
     * @param baseUrl an absolute {@code http} or {@code https} URL
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
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
      if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
        throw new IllegalArgumentException("baseUrl must not have a query or fragment: \"" + baseUrl + "\"");
      }
      while (url.endsWith("/")) {
        url = url.substring(0, url.length() - 1);
      }
      return base(url, "baseUrl");
    }

    /**
     * A fixed Management API access token, sent as {@code Authorization: Bearer <token>}.
     *
     * @param token the access token; never logged or shown in messages
     * @return this builder
     */
    public Builder token(String token) {
      Objects.requireNonNull(token, "token == null");
      if (token.isBlank()) {
        throw new IllegalArgumentException("token is blank");
      }
      return credentials(() -> token, "token");
    }

    /**
     * Supplies the access token for every request, for callers that rotate tokens themselves.
     *
     * @param tokenSupplier called once per request; must return a non-blank token
     * @return this builder
     */
    public Builder tokenSupplier(Supplier<String> tokenSupplier) {
      Objects.requireNonNull(tokenSupplier, "tokenSupplier == null");
      return credentials(tokenSupplier, "tokenSupplier");
    }

    /**
     * Time allowed to establish a connection. Default {@link #DEFAULT_CONNECT_TIMEOUT} (10 seconds).
     *
     * @param connectTimeout a positive duration
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * Time allowed between two reads of a response. Default {@link #DEFAULT_READ_TIMEOUT} (30 seconds).
     *
     * @param readTimeout a positive duration
     * @return this builder
     */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = positive(readTimeout, "readTimeout");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return an immutable, thread-safe client
     * @throws IllegalStateException naming the option that is missing
     */
    public DirectoryProvisioningApi build() {
      if (baseUrl == null) {
        throw new IllegalStateException("domain or baseUrl required");
      }
      if (tokenSupplier == null) {
        throw new IllegalStateException("token or tokenSupplier required");
      }
      ObjectMapper mapper = objectMapper();
      okhttp3.OkHttpClient http = new okhttp3.OkHttpClient.Builder()
          .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
          .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
          .followRedirects(false)
          .followSslRedirects(false)
          .build();
      return Feign.builder()
          .client(new OkHttpClient(http))
          // Same values as the OkHttp client, so that Feign never has to derive a per-request client.
          .options(new Request.Options(connectTimeout, readTimeout, false))
          .encoder(new JacksonEncoder(mapper))
          .decoder(new ApiResponseDecoder(mapper))
          .errorDecoder(new ManagementApiErrorDecoder(mapper, Clock.systemUTC()))
          .requestInterceptor(new BearerTokenInterceptor(tokenSupplier))
          .contract(new ParameterEncodingGuard.SegmentContract())
          .invocationHandlerFactory(new ParameterEncodingGuard())
          .retryer(Retryer.NEVER_RETRY)
          .target(DirectoryProvisioningApi.class, baseUrl);
    }

    @Override
    public String toString() {
      return "DirectoryProvisioningClient.Builder[baseUrl=" + baseUrl
          + ", credentials=" + (tokenOption == null ? "none" : tokenOption + "=<redacted>")
          + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }

    private Builder base(String url, String option) {
      if (baseUrlOption != null && !baseUrlOption.equals(option)) {
        throw new IllegalStateException("Set domain or baseUrl, not both");
      }
      this.baseUrl = url;
      this.baseUrlOption = option;
      return this;
    }

    private Builder credentials(Supplier<String> tokens, String option) {
      if (tokenOption != null && !tokenOption.equals(option)) {
        throw new IllegalStateException("Set token or tokenSupplier, not both");
      }
      this.tokenSupplier = tokens;
      this.tokenOption = option;
      return this;
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name + " == null");
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, but was " + duration);
      }
      return duration;
    }

    private static URI parse(String url, String option) {
      try {
        return new URI(url);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(option + " is not a valid URL: " + e.getMessage(), e);
      }
    }
  }
}
