package dev.dirprov.client;

import dev.dirprov.client.api.DirectoryProvisioningApi;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Builds the {@link DirectoryProvisioningApi} client of Auth0's Management API, generated from the dirprov spec.
 *
 * <pre>{@code
 * DirectoryProvisioningApi api = DirectoryProvisioningClient.fromEnv().build(); // AUTH0_DOMAIN, AUTH0_TOKEN
 * api.updateDirectoryProvisioning("con_0aB1cD2eF3gH4iJ5",
 *     new UpdateDirectoryProvisioningRequestContent().synchronizeAutomatically(false));
 * }</pre>
 *
 * <p>The built client is immutable and thread-safe; build it once and share it. Requests carry only the fields
 * the caller set, path parameters are always one path segment, and responses keep the offsets of their
 * timestamps. Every failure is a {@link ManagementApiException}; 408, 429, 5xx and I/O failures are retried (see
 * {@link DirectoryProvisioningClientBuilder#maxRetries(int)}), and every call ends within its
 * {@link DirectoryProvisioningClientBuilder#callTimeout(Duration)}.
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

  private DirectoryProvisioningClient() { }

  /**
   * Starts a builder. Set the tenant with {@code domain} (or {@code baseUrl}) and the credentials with
   * {@code clientCredentials}, {@code token} or {@code tokenSupplier}.
   *
   * @return a new builder
   */
  public static DirectoryProvisioningClientBuilder builder() {
    return new DirectoryProvisioningClientBuilder();
  }

  /**
   * Starts a builder preset from the environment: {@code AUTH0_DOMAIN}, and {@code AUTH0_TOKEN} or
   * {@code AUTH0_CLIENT_ID} with {@code AUTH0_CLIENT_SECRET} (and {@code AUTH0_AUDIENCE} if set). {@code build()}
   * reads them for what no builder call set (explicit calls win) and names a missing or contradictory one.
   *
   * @return a new builder
   */
  public static DirectoryProvisioningClientBuilder fromEnv() {
    return fromEnv(System::getenv);
  }

  /** {@link #fromEnv()} reading another environment, for tests. */
  static DirectoryProvisioningClientBuilder fromEnv(Function<String, String> environment) {
    DirectoryProvisioningClientBuilder builder = new DirectoryProvisioningClientBuilder();
    builder.environment = Objects.requireNonNull(environment, "environment == null");
    return builder;
  }

  /**
   * Releases what a client built for itself, its idle connections and OkHttp's threads; a caller's
   * {@code httpClient} is never closed. Later calls fail with {@link IllegalStateException}.
   *
   * @param api a client built by {@link DirectoryProvisioningClientBuilder#build()}
   * @throws IllegalArgumentException if it was not
   */
  public static void close(DirectoryProvisioningApi api) {
    CallDeadline.close(api);
  }
}
