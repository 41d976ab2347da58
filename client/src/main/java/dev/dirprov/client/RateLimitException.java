package dev.dirprov.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Thrown on 429 Too Many Requests, once retries (if any) are used up; carries the tenant's rate-limit state.
 *
 * <pre>{@code
 * } catch (RateLimitException e) {
 *   Instant resetAt = e.reset().orElse(Instant.now().plusSeconds(1));
 *   scheduler.schedule(retry, Duration.between(Instant.now(), resetAt));
 * }
 * }</pre>
 */
public final class RateLimitException extends ManagementApiException {

  private static final long serialVersionUID = 1L;

  private final transient RateLimit rateLimit;

  RateLimitException(ErrorResponseDetails response, RateLimit rateLimit) {
    super(response);
    this.rateLimit = rateLimit;
  }

  /**
   * The {@code x-ratelimit-limit} header: requests allowed in the window.
   *
   * @return the limit, empty when the header was absent or not a number
   */
  public OptionalLong limit() {
    return state().limit();
  }

  /**
   * The {@code x-ratelimit-remaining} header: requests left in the window.
   *
   * @return the remaining requests, empty when the header was absent or not a number
   */
  public OptionalLong remaining() {
    return state().remaining();
  }

  /**
   * The {@code x-ratelimit-reset} header: when the window resets.
   *
   * @return the reset time, empty when the header was absent or not a number
   */
  public Optional<Instant> reset() {
    return state().reset();
  }

  /**
   * The {@code Retry-After} header (seconds, or an HTTP date taken relative to when the response arrived).
   *
   * @return the wait the server asked for, empty when the header was absent or unreadable
   */
  public Optional<Duration> retryAfter() {
    return state().retryAfter();
  }

  /** The headers' state; empty after deserialization, since it is not part of the serialized form. */
  private RateLimit state() {
    return rateLimit != null ? rateLimit : RateLimit.from(name -> null, java.time.Instant.EPOCH);
  }
}
