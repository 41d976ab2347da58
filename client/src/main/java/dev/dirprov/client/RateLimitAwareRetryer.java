package dev.dirprov.client;

import feign.RetryableException;
import feign.Retryer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;

/**
 * Decides, after each failed attempt of a call, whether to try again and how long to wait first. Its rules,
 * in the order {@link #continueOrPropagate} applies them:
 * <ol>
 *   <li>401 with refreshable credentials ({@code clientCredentials}): drop the refused token and repeat the call
 *       once, at once. This is token management, not a retry: it happens even with {@code maxRetries(0)}.</li>
 *   <li>Only 408, 429, 5xx and I/O failures (connection refused or reset, timeouts) are retried; 400, 401, 403,
 *       404 and every other status never are.</li>
 *   <li>At most {@code maxRetries} retries (default 2, as in Auth0's SDKs); {@code 0} turns every retry off.</li>
 *   <li>The wait ({@link #sleepTime}): {@code Retry-After} (seconds or HTTP date) as given; else
 *       {@code x-ratelimit-reset} minus now, times a random 1.0–1.2; else 1 s × 2<sup>retry</sup>, times a
 *       random 0.9–1.1. Every wait is capped at {@code maxRetryWait} (default 60 s).</li>
 *   <li>No retry whose wait would end at or after the call's deadline ({@code callTimeout}): the call fails at
 *       once with the last failure instead.</li>
 * </ol>
 *
 * <p>Repeating a call is safe because the operations are idempotent in effect: the PATCH sets absolute values
 * (the same mapping, the same flags), so applying it twice leaves the connection as applying it once. That is
 * also why I/O failures are retried even when the request may have reached the server.
 *
 * <pre>{@code
 * Retryer retryer = new RateLimitAwareRetryer(2, Duration.ofSeconds(60), Clock.systemUTC(),
 *     RateLimitAwareRetryer.Sleeper.THREAD, Math::random, refusedToken -> false);
 * }</pre>
 *
 * <p>Feign {@linkplain #clone() clones} the retryer at the start of every call; the clone counts that call's
 * retries and reads its deadline from {@link CallDeadline}.
 */
final class RateLimitAwareRetryer implements Retryer {

  /** The first backoff wait, doubled for each further retry. */
  static final Duration BASE_BACKOFF = Duration.ofSeconds(1);

  /** Waits; injected so that tests never sleep. */
  interface Sleeper {
    /** Sleeps on the current thread. */
    Sleeper THREAD = wait -> Thread.sleep(wait.toMillis(), (int) (wait.toNanos() % 1_000_000));

    void sleep(Duration wait) throws InterruptedException;
  }

  private final int maxRetries;
  private final Duration maxWait;
  private final Clock clock;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final Predicate<String> reauthenticate;
  private final Instant deadline;
  private int retries;
  private boolean reauthenticated;

  /**
   * @param random numbers in [0, 1) for the jitter
   * @param reauthenticate given the refused token, drops it and says whether a new one can be obtained
   */
  RateLimitAwareRetryer(int maxRetries, Duration maxWait, Clock clock, Sleeper sleeper, DoubleSupplier random,
      Predicate<String> reauthenticate) {
    this(maxRetries, maxWait, clock, sleeper, random, reauthenticate, null);
  }

  private RateLimitAwareRetryer(int maxRetries, Duration maxWait, Clock clock, Sleeper sleeper,
      DoubleSupplier random, Predicate<String> reauthenticate, Instant deadline) {
    this.maxRetries = maxRetries;
    this.maxWait = maxWait;
    this.clock = clock;
    this.sleeper = sleeper;
    this.random = random;
    this.reauthenticate = reauthenticate;
    this.deadline = deadline;
  }

  /** The maxRetries option, checked. */
  static int checkMaxRetries(int maxRetries) {
    if (maxRetries < 0 || maxRetries > 10) {
      throw new IllegalArgumentException("maxRetries must be between 0 and 10, but was " + maxRetries);
    }
    return maxRetries;
  }

  @Override
  public void continueOrPropagate(RetryableException e) {
    Throwable failure = e.getCause();
    if (failure instanceof UnauthorizedException) {
      if (reauthenticated || e.request() == null || !reauthenticate.test(Failures.bearerTokenOf(e.request()))) {
        throw e;
      }
      reauthenticated = true;
      return;
    }
    if (!shouldRetry(failure) || retries >= maxRetries) {
      throw e;
    }
    Duration wait = sleepTime(failure, retries);
    if (deadline != null && !clock.instant().plus(wait).isBefore(deadline)) {
      throw e;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw e;
    }
    retries++;
  }

  /** 408, 429, 5xx and I/O failures; never 400, 401, 403, 404 or any other status. */
  static boolean shouldRetry(Throwable failure) {
    if (failure instanceof TransportException || failure instanceof IOException) {
      return true;
    }
    if (!(failure instanceof ManagementApiException)) {
      return false;
    }
    int status = ((ManagementApiException) failure).statusCode();
    return status == 408 || status == 429 || (status >= 500 && status <= 599);
  }

  /** How long to wait before retry number {@code retry} (0 for the first). */
  Duration sleepTime(Throwable failure, int retry) {
    if (failure instanceof ManagementApiException) {
      Instant now = clock.instant();
      RateLimit limits = RateLimit.from(((ManagementApiException) failure)::header, now);
      if (limits.retryAfter().isPresent()) {
        return capped(limits.retryAfter().get());
      }
      if (limits.reset().isPresent() && limits.reset().get().isAfter(now)) {
        // Capped before and after the jitter, so that a reset centuries away cannot overflow.
        return capped(jittered(capped(Duration.between(now, limits.reset().get())), 1.0, 1.2));
      }
    }
    return capped(jittered(BASE_BACKOFF.multipliedBy(1L << Math.min(retry, 30)), 0.9, 1.1));
  }

  private Duration jittered(Duration wait, double low, double high) {
    double factor = low + (high - low) * random.getAsDouble();
    return Duration.ofMillis(Math.round(wait.toMillis() * factor));
  }

  private Duration capped(Duration wait) {
    return wait.compareTo(maxWait) > 0 ? maxWait : wait;
  }

  @Override
  public Retryer clone() {
    return new RateLimitAwareRetryer(maxRetries, maxWait, clock, sleeper, random, reauthenticate,
        CallDeadline.current());
  }
}
