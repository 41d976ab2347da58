package dev.dirprov.client;

import feign.Client;
import feign.Request;
import feign.Response;
import feign.okhttp.OkHttpClient;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Bounds each call, every attempt and every wait between attempts included, by {@code callTimeout}.
 *
 * <pre>{@code
 * CallDeadline deadline = new CallDeadline(okHttp, Duration.ofMinutes(2), Clock.systemUTC());
 * try (CallDeadline.Scope call = deadline.begin()) {
 *   // every attempt made through `deadline` (a Feign Client) on this thread ends by the deadline
 * }
 * }</pre>
 *
 * <p>{@link TypedFailureHandler} begins the scope when a call starts; {@link RateLimitAwareRetryer} makes no
 * retry whose wait would end after the deadline; and as the Feign {@link Client}, this class runs each attempt
 * with OkHttp's call timeout set to the time left, which bounds connecting, waiting and reading the whole body,
 * so a server that trickles its response cannot hold a call past the deadline. Feign runs a call on the
 * caller's thread from start to end, which is why the deadline can live in a thread-local.
 */
final class CallDeadline implements Client {

  private static final ThreadLocal<Instant> CURRENT = new ThreadLocal<>();

  private final okhttp3.OkHttpClient http;
  private final Duration callTimeout;
  private final Clock clock;

  CallDeadline(okhttp3.OkHttpClient http, Duration callTimeout, Clock clock) {
    this.http = http;
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

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    Instant deadline = CURRENT.get();
    Duration left = deadline == null ? callTimeout : Duration.between(clock.instant(), deadline);
    if (left.isNegative() || left.isZero()) {
      throw new InterruptedIOException("callTimeout of " + callTimeout + " reached before the attempt started");
    }
    // newBuilder() shares the connection pool and dispatcher; only the timeout differs.
    okhttp3.OkHttpClient attempt = http.newBuilder().callTimeout(left).build();
    return new OkHttpClient(attempt).execute(request, options);
  }
}
