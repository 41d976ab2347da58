package dev.dirprov.client;

import dev.dirprov.client.api.DirectoryProvisioningApi;
import feign.Logger;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Builds the {@link DirectoryProvisioningApi} client of Auth0's Management API, generated from the dirprov spec.
 *
 * <pre>{@code
 * DirectoryProvisioningApi api = DirectoryProvisioningClient.builder().domain("acme.eu.auth0.com")
 *     .clientCredentials(System.getenv("AUTH0_CLIENT_ID"), System.getenv("AUTH0_CLIENT_SECRET")).build();
 * api.updateDirectoryProvisioning("con_0aB1cD2eF3gH4iJ5",
 *     new UpdateDirectoryProvisioningRequestContent().synchronizeAutomatically(false));
 * }</pre>
 *
 * <p>The built client is immutable and thread-safe; build it once and share it. Requests carry only the
 * fields the caller set (unset fields are never sent as {@code null}), path parameters are always encoded as
 * one path segment, and responses keep the offsets of their timestamps. Every failure is a
 * {@link ManagementApiException}: a subclass per error status, {@link ResponseDecodeException},
 * {@link TransportException} or {@link TokenException}. 408, 429, 5xx and I/O failures are retried (see
 * {@link Builder#maxRetries(int)}), and every call ends within {@link Builder#callTimeout(Duration)}.
 */
public final class DirectoryProvisioningClient {

  /** Default time allowed to establish a TCP and TLS connection: 10 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Default time allowed between two reads of the response: 30 seconds. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  /** Default time one call may take end to end, every retry and wait included: 2 minutes. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(2);
  /** Default number of retries after the first attempt: 2, as in Auth0's SDKs. */
  public static final int DEFAULT_MAX_RETRIES = 2;
  /** Default longest wait before a retry: 60 seconds. */
  public static final Duration DEFAULT_MAX_RETRY_WAIT = Duration.ofSeconds(60);
  private DirectoryProvisioningClient() {
  }

  /**
   * Starts a builder. Set the tenant with {@link Builder#domain(String)} (or {@link Builder#baseUrl(String)})
   * and the credentials with {@link Builder#clientCredentials(String, String)}, {@link Builder#token(String)}
   * or {@link Builder#tokenSupplier(Supplier)}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Configures a {@link DirectoryProvisioningApi}. Not thread-safe; {@link #build()} checks every option and
   * names the first one that is missing or wrong.
   */
  public static final class Builder {
    // Read by FeignAssembly once build() has checked them.
    ManagementApiUrl url;
    Credentials credentials;
    String audience;
    Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    Duration readTimeout = DEFAULT_READ_TIMEOUT;
    Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    int maxRetries = DEFAULT_MAX_RETRIES;
    Duration maxRetryWait = DEFAULT_MAX_RETRY_WAIT;
    Logger.Level logLevel = Logger.Level.NONE;
    Consumer<String> logSink = java.util.logging.Logger.getLogger("dev.dirprov.client")::info;
    Clock clock = Clock.systemUTC();
    RateLimitAwareRetryer.Sleeper sleeper = RateLimitAwareRetryer.Sleeper.THREAD;
    DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private String credentialsOption;

    private Builder() { }

    /**
     * The Auth0 tenant, such as {@code acme.eu.auth0.com}; requests go to {@code https://{domain}/api/v2}
     * and tokens come from {@code https://{domain}/oauth/token}. Always HTTPS: a leading {@code https://} is
     * accepted, any other scheme, a path or a query is refused.
     *
     * @param domain the tenant's domain name, optionally with a port
     * @return this builder
     */
    public Builder domain(String domain) {
      return base(ManagementApiUrl.ofDomain(domain));
    }

    /**
     * Any base URL of the Management API, for proxies and tests, such as {@code http://127.0.0.1:8080/api/v2}.
     * Operation paths are appended to it; {@link #clientCredentials} tokens come from {@code /oauth/token} at
     * its origin ({@code http://127.0.0.1:8080/oauth/token}). Prefer {@link #domain(String)} for Auth0 itself.
     *
     * @param baseUrl an absolute {@code http} or {@code https} URL, without query or user info
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      return base(ManagementApiUrl.ofBaseUrl(baseUrl));
    }

    /**
     * A fixed Management API access token, sent as {@code Authorization: Bearer <token>}.
     *
     * @param token the access token, without control characters; never logged or shown in messages
     * @return this builder
     */
    public Builder token(String token) {
      return credentials(Credentials.fixed(Objects.requireNonNull(token, "token == null")), "token");
    }

    /**
     * Supplies the access token for every request, for callers that rotate tokens themselves.
     *
     * @param tokenSupplier called once per request; must return a non-blank token without control
     *     characters, else the call fails with a {@link TokenException}
     * @return this builder
     */
    public Builder tokenSupplier(Supplier<String> tokenSupplier) {
      return credentials(Credentials.supplied(Objects.requireNonNull(tokenSupplier, "tokenSupplier == null")),
          "tokenSupplier");
    }

    /**
     * Obtains access tokens with the OAuth client-credentials grant of a machine-to-machine application:
     * {@code POST /oauth/token} at the tenant. A token is reused until 60 seconds (or a tenth of its lifetime,
     * if shorter) before it expires; one request fetches a new one while other threads wait for it; when the
     * API answers 401, the token is dropped and the call repeated once with a new one.
     *
     * @param clientId the application's client id
     * @param clientSecret the application's client secret; never logged or shown in messages
     * @return this builder
     */
    public Builder clientCredentials(String clientId, String clientSecret) {
      if (Objects.requireNonNull(clientId, "clientId == null").isBlank()
          | Objects.requireNonNull(clientSecret, "clientSecret == null").isBlank()) {
        throw new IllegalArgumentException(clientId.isBlank() ? "clientId is blank" : "clientSecret is blank");
      }
      return credentials(ClientCredentialsTokens.grant(clientId, clientSecret), "clientCredentials");
    }

    /**
     * The audience {@link #clientCredentials} tokens are asked for. Default: the API base with a trailing
     * slash, {@code https://{domain}/api/v2/}.
     *
     * @param audience the API identifier
     * @return this builder
     */
    public Builder audience(String audience) {
      if (Objects.requireNonNull(audience, "audience == null").isBlank()) {
        throw new IllegalArgumentException("audience is blank");
      }
      this.audience = audience;
      return this;
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
     * The longest one call may take end to end: obtaining a token, every attempt (connecting, waiting,
     * reading the whole body) and every wait between attempts. A retry that would end after it is not made.
     * Default {@link #DEFAULT_CALL_TIMEOUT} (2 minutes).
     *
     * @param callTimeout a positive duration
     * @return this builder
     */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = positive(callTimeout, "callTimeout");
      return this;
    }

    /**
     * How many times a call is retried after a 408, 429, 5xx or I/O failure. Default
     * {@link #DEFAULT_MAX_RETRIES} (2); {@code 0} turns retries off.
     *
     * @param maxRetries from 0 to 10
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0 || maxRetries > 10) {
        throw new IllegalArgumentException("maxRetries must be between 0 and 10, but was " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * The longest wait before a retry, whatever {@code Retry-After} or {@code x-ratelimit-reset} ask for.
     * Default {@link #DEFAULT_MAX_RETRY_WAIT} (60 seconds).
     *
     * @param maxRetryWait a positive duration
     * @return this builder
     */
    public Builder maxRetryWait(Duration maxRetryWait) {
      this.maxRetryWait = positive(maxRetryWait, "maxRetryWait");
      return this;
    }

    /**
     * How much of each request and response is logged. Default {@link Logger.Level#NONE}. At every level the
     * {@code Authorization} header shows as {@code <redacted>}, and token requests are logged without body.
     *
     * @param logLevel Feign's log level
     * @return this builder
     */
    public Builder logLevel(Logger.Level logLevel) {
      this.logLevel = Objects.requireNonNull(logLevel, "logLevel == null");
      return this;
    }

    /**
     * Where log lines go. Default: {@code java.util.logging} logger {@code dev.dirprov.client} at INFO.
     *
     * @param logSink receives each line, already redacted
     * @return this builder
     */
    public Builder logSink(Consumer<String> logSink) {
      this.logSink = Objects.requireNonNull(logSink, "logSink == null");
      return this;
    }

    /** For tests: the time the client reads and waits on, and its jitter; {@code null} keeps a seam as it is. */
    Builder seams(Clock clock, RateLimitAwareRetryer.Sleeper sleeper, DoubleSupplier random) {
      this.clock = clock == null ? this.clock : clock;
      this.sleeper = sleeper == null ? this.sleeper : sleeper;
      this.random = random == null ? this.random : random;
      return this;
    }

    /**
     * Builds the client.
     *
     * @return an immutable, thread-safe client
     * @throws IllegalStateException naming the option that is missing
     */
    public DirectoryProvisioningApi build() {
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
      return "DirectoryProvisioningClient.Builder[baseUrl=" + (url == null ? null : url.baseUrl())
          + ", credentials=" + (credentials == null ? "none" : credentials)
          + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", callTimeout=" + callTimeout
          + ", maxRetries=" + maxRetries + ", maxRetryWait=" + maxRetryWait + ", logLevel=" + logLevel + "]";
    }

    private Builder base(ManagementApiUrl url) {
      if (this.url != null && !this.url.option().equals(url.option())) {
        throw new IllegalStateException("Set domain or baseUrl, not both");
      }
      this.url = url;
      return this;
    }

    private Builder credentials(Credentials credentials, String option) {
      if (credentialsOption != null && !credentialsOption.equals(option)) {
        throw new IllegalStateException("Set one of token, tokenSupplier or clientCredentials: " + option
            + " was set after " + credentialsOption);
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
}
