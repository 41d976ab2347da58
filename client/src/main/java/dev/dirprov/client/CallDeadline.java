package dev.dirprov.client;

import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Bounds each call, every attempt and every wait between attempts included, by {@code callTimeout}.
 *
 * <pre>{@code
 * CallDeadline deadline = new CallDeadline(Duration.ofMinutes(2), Clock.systemUTC());
 * try (CallDeadline.Scope call = deadline.begin()) {
 *   // every attempt OkHttpTransport makes on this thread ends by the deadline
 * }
 * }</pre>
 *
 * <p>{@link TypedFailureHandler} begins the scope when a call starts; {@link RateLimitAwareRetryer} makes no
 * retry whose wait would end after the deadline; and {@link OkHttpTransport} runs each attempt with OkHttp's
 * call timeout set to {@link #attemptTimeout()}, which bounds connecting, waiting and reading the whole body,
 * so a server that trickles its response cannot hold a call past the deadline. Feign runs a call on the
 * caller's thread from start to end, which is why the deadline can live in a thread-local.
 */
final class CallDeadline {

  private static final ThreadLocal<Instant> CURRENT = new ThreadLocal<>();

  private final Duration callTimeout;
  private final Clock clock;

  CallDeadline(Duration callTimeout, Clock clock) {
    this.callTimeout = callTimeout;
    this.clock = clock;
  }

  /** The running part of a call; closing it ends the call's deadline on this thread. */
  interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** Starts a call on this thread: its deadline is now plus {@code callTimeout}. */
  Scope begin() {
    Instant outer = CURRENT.get();
    CURRENT.set(clock.instant().plus(callTimeout));
    return () -> {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    };
  }

  /** The deadline of the call running on this thread, if any. */
  static Optional<Instant> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /**
   * The time the next attempt on this thread may take: what is left of the running call's deadline, or the
   * whole {@code callTimeout} outside a call.
   *
   * @throws InterruptedIOException if the deadline has passed, so that no attempt starts
   */
  Duration attemptTimeout() throws InterruptedIOException {
    Instant deadline = CURRENT.get();
    Duration left = deadline == null ? callTimeout : Duration.between(clock.instant(), deadline);
    if (left.isNegative() || left.isZero()) {
      throw new InterruptedIOException("callTimeout of " + callTimeout + " reached before the attempt started");
    }
    return left;
  }
}
