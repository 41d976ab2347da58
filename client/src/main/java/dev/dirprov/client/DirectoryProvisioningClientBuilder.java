package dev.dirprov.client;

import dev.dirprov.client.api.DirectoryProvisioningApi;
import feign.Logger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Configures a {@link DirectoryProvisioningApi}, started by {@link DirectoryProvisioningClient#builder()} or
 * {@link DirectoryProvisioningClient#fromEnv()}. Not thread-safe; {@link #build()} checks every option and names
 * the first one that is missing or wrong.
 *
 * <pre>{@code
 * DirectoryProvisioningApi api = DirectoryProvisioningClient.builder()
 *     .domain("acme.eu.auth0.com")
 *     .clientCredentials(clientId, clientSecret)
 *     .httpClient(sharedOkHttpClient)   // optional: the service's own client, proxy, TLS and pool
 *     .meterRegistry(meterRegistry)     // optional: needs micrometer-core and feign-micrometer
 *     .build();
 * }</pre>
 */
public final class DirectoryProvisioningClientBuilder {
  ManagementApiUrl url; // the options, read by FeignAssembly once build() has checked them
  Credentials credentials;
  String audience;
  Duration connectTimeout = DirectoryProvisioningClient.DEFAULT_CONNECT_TIMEOUT;
  Duration readTimeout = DirectoryProvisioningClient.DEFAULT_READ_TIMEOUT;
  Duration callTimeout = DirectoryProvisioningClient.DEFAULT_CALL_TIMEOUT;
  int maxRetries = DirectoryProvisioningClient.DEFAULT_MAX_RETRIES;
  Duration maxRetryWait = DirectoryProvisioningClient.DEFAULT_MAX_RETRY_WAIT;
  Logger.Level logLevel = Logger.Level.NONE;
  Consumer<String> logSink; // null: SLF4J, looked up only when a line is logged
  OkHttpClient httpClient;
  Proxy proxy;
  MeterRegistry meterRegistry; // Micrometer types stay unloaded unless set: the dependency is optional
  ObservationRegistry observationRegistry;
  Clock clock = Clock.systemUTC();
  RateLimitAwareRetryer.Sleeper sleeper = RateLimitAwareRetryer.Sleeper.THREAD;
  DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
  Function<String, String> environment; // set by fromEnv()
  private String credentialsOption;

  DirectoryProvisioningClientBuilder() { }

  /**
   * The Auth0 tenant, such as {@code acme.eu.auth0.com}: requests go to {@code https://{domain}/api/v2}, tokens
   * come from {@code https://{domain}/oauth/token}. A scheme other than https, a path or a query is refused.
   * @param domain the tenant's domain name, optionally with a port
   * @return this builder
   */
  public DirectoryProvisioningClientBuilder domain(String domain) {
    url = ManagementApiUrl.ofDomain(domain).replacing(url);
    return this;
  }

  /**
   * Any base URL of the Management API, for proxies and tests, such as {@code http://127.0.0.1:8080/api/v2};
   * {@link #clientCredentials} tokens come from {@code /oauth/token} at its origin. Prefer {@link #domain}.
   * @param baseUrl an absolute {@code http} or {@code https} URL, without query or user info
   * @return this builder
   */
  public DirectoryProvisioningClientBuilder baseUrl(String baseUrl) {
    url = ManagementApiUrl.ofBaseUrl(baseUrl).replacing(url);
    return this;
  }

  /**
   * A fixed Management API access token, sent as {@code Authorization: Bearer <token>}.
   * @param token the access token, without control characters; never logged or shown in messages
   * @return this builder
   */
  public DirectoryProvisioningClientBuilder token(String token) {
    return credentials(Credentials.fixed(Objects.requireNonNull(token, "token == null")), "token");
  }

  /**
   * Supplies the access token for every request, for callers that rotate tokens themselves.
   * @param tokenSupplier called per request; a blank or unsendable token fails the call as a {@link TokenException}
   * @return this builder
   */
  public DirectoryProvisioningClientBuilder tokenSupplier(Supplier<String> tokenSupplier) {
    return credentials(Credentials.supplied(Objects.requireNonNull(tokenSupplier, "tokenSupplier == null")),
        "tokenSupplier");
  }

  /**
   * Obtains tokens with the client-credentials grant ({@code POST /oauth/token}), reused until 60 s (or a tenth of
   * their lifetime) before they expire; a 401 from the API drops the token and repeats the call once.
   * @param clientId the application's client id
   * @param clientSecret the application's client secret; never logged or shown in messages
   * @return this builder
   */
  public DirectoryProvisioningClientBuilder clientCredentials(String clientId, String clientSecret) {
    return credentials(ClientCredentialsTokens.grant(clientId, clientSecret), "clientCredentials");
  }

  /**
   * The audience {@link #clientCredentials} tokens are asked for. Default: {@code https://{domain}/api/v2/}.
   * @param audience the API identifier
   * @return this builder
   */
  public DirectoryProvisioningClientBuilder audience(String audience) {
    this.audience = ClientCredentialsTokens.checkAudience(audience);
    return this;
  }

  /**
   * Runs every request, token requests included, on the service's OkHttp client (its proxy, TLS, interceptors,
   * dispatcher and pool) derived with {@code newBuilder()}: this builder's timeouts (set or default) win over the
   * client's; redirects and OkHttp's silent retry stay off. Never closed by dirprov. Default: a client of its own.
   * @param httpClient the service's shared client
   * @return this builder
   */
  public DirectoryProvisioningClientBuilder httpClient(OkHttpClient httpClient) {
    this.httpClient = Objects.requireNonNull(httpClient, "httpClient == null");
    return this;
  }

  /**
   * The proxy of every request, token requests included, also over an {@link #httpClient}'s. Default: none.
   * @param proxy an HTTP or SOCKS proxy, or {@link Proxy#NO_PROXY}
   * @return this builder
   */
  public DirectoryProvisioningClientBuilder proxy(Proxy proxy) {
    this.proxy = Objects.requireNonNull(proxy, "proxy == null");
    return this;
  }

  /**
   * Time allowed to establish a connection. Default: 10 seconds.
   * @param connectTimeout a positive duration
   * @return this builder
   */
  public DirectoryProvisioningClientBuilder connectTimeout(Duration connectTimeout) {
    this.connectTimeout = positive(connectTimeout, "connectTimeout");
    return this;
  }

  /**
   * Time allowed between two reads of a response. Default: 30 seconds.
   * @param readTimeout a positive duration
   * @return this builder
   */
  public DirectoryProvisioningClientBuilder readTimeout(Duration readTimeout) {
    this.readTimeout = positive(readTimeout, "readTimeout");
    return this;
  }

  /**
   * The longest one call may take end to end: the token request, every attempt (connecting, waiting, reading
   * the whole body) and every wait before a retry. Default: 2 minutes.
   * @param callTimeout a positive duration
   * @return this builder
   */
  public DirectoryProvisioningClientBuilder callTimeout(Duration callTimeout) {
    this.callTimeout = positive(callTimeout, "callTimeout");
    return this;
  }

  /**
   * How many times a call is retried after a 408, 429, 5xx or I/O failure. Default: 2.
   * @param maxRetries from 0 (no retries) to 10
   * @return this builder
   */
  public DirectoryProvisioningClientBuilder maxRetries(int maxRetries) {
    this.maxRetries = RateLimitAwareRetryer.checkMaxRetries(maxRetries);
    return this;
  }

  /**
   * The longest wait before a retry, whatever {@code Retry-After} or {@code x-ratelimit-reset} ask. Default: 60 s.
   * @param maxRetryWait a positive duration
   * @return this builder
   */
  public DirectoryProvisioningClientBuilder maxRetryWait(Duration maxRetryWait) {
    this.maxRetryWait = positive(maxRetryWait, "maxRetryWait");
    return this;
  }

  /**
   * How much of each request and response is logged. Default {@link Logger.Level#NONE}. {@code Authorization}
   * shows as {@code <redacted>}; token requests are logged without body.
   * @param logLevel Feign's log level
   * @return this builder
   */
  public DirectoryProvisioningClientBuilder logLevel(Logger.Level logLevel) {
    this.logLevel = Objects.requireNonNull(logLevel, "logLevel == null");
    return this;
  }

  /**
   * Where log lines go. Default: the SLF4J logger {@code dev.dirprov.client}, at DEBUG.
   * @param logSink receives each line, already redacted and bounded
   * @return this builder
   */
  public DirectoryProvisioningClientBuilder logSink(Consumer<String> logSink) {
    this.logSink = Objects.requireNonNull(logSink, "logSink == null");
    return this;
  }

  /**
   * Records timers {@code dirprov.client.calls} and {@code dirprov.client.attempts} and the counter
   * {@code dirprov.client.retries} (tags: README). Needs micrometer-core and feign-micrometer. Default: none.
   * @param meterRegistry the service's registry
   * @return this builder
   */
  public DirectoryProvisioningClientBuilder meterRegistry(MeterRegistry meterRegistry) {
    this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry == null");
    return this;
  }

  /**
   * One observation per call ({@code dirprov.client.calls}): a client span under Micrometer Tracing, its trace
   * context on every attempt's headers. Needs micrometer-observation and feign-micrometer. Default: none.
   * @param observationRegistry the service's registry
   * @return this builder
   */
  public DirectoryProvisioningClientBuilder observationRegistry(ObservationRegistry observationRegistry) {
    this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry == null");
    return this;
  }

  /** For tests: the time the client reads and waits on, and its jitter; {@code null} keeps a seam as it is. */
  DirectoryProvisioningClientBuilder seams(Clock clock, RateLimitAwareRetryer.Sleeper sleeper, DoubleSupplier rnd) {
    this.clock = clock == null ? this.clock : clock;
    this.sleeper = sleeper == null ? this.sleeper : sleeper;
    this.random = rnd == null ? this.random : rnd;
    return this;
  }

  /**
   * Builds the client; {@link DirectoryProvisioningClient#close} releases what it built for itself.
   * @return an immutable, thread-safe client
   * @throws IllegalStateException naming the option (or environment variable) that is missing or contradicts
   */
  public DirectoryProvisioningApi build() {
    EnvironmentPreset.fill(this, environment);
    String missing = url == null ? "domain or baseUrl required" : credentials == null
        ? "token, tokenSupplier or clientCredentials required" : audience != null
        && !"clientCredentials".equals(credentialsOption) ? "audience is only used with clientCredentials" : null;
    if (missing != null) {
      throw new IllegalStateException(missing);
    }
    return new FeignAssembly(this).build();
  }

  @Override
  public String toString() {
    return "DirectoryProvisioningClientBuilder[baseUrl=" + (url == null ? null : url.baseUrl()) + ", credentials="
        + (credentials == null ? "none" : credentials) + ", connectTimeout=" + connectTimeout + ", readTimeout="
        + readTimeout + ", callTimeout=" + callTimeout + ", maxRetries=" + maxRetries + ", maxRetryWait=" + maxRetryWait
        + ", logLevel=" + logLevel + ", proxy=" + proxy + "]";
  }

  private DirectoryProvisioningClientBuilder credentials(Credentials credentials, String option) {
    if (credentialsOption != null && !credentialsOption.equals(option)) {
      throw new IllegalStateException(
          "Set one of token, tokenSupplier or clientCredentials: " + option + " was set after " + credentialsOption);
    }
    this.credentials = credentials;
    this.credentialsOption = option;
    return this;
  }

  private static Duration positive(Duration duration, String name) {
    if (Objects.requireNonNull(duration, name + " == null").isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, but was " + duration);
    }
    return duration;
  }
}
