package dev.dirprov.client;

import feign.InvocationHandlerFactory;
import feign.Target;
import java.io.InterruptedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Bounds each call, every attempt, every wait and the token request included, by {@code callTimeout}; the one
 * class that keeps per-call state in a thread-local.
 *
 * <pre>{@code
 * Feign.builder().invocationHandlerFactory(new CallDeadline(Duration.ofMinutes(2), clock, guard))
 * }</pre>
 *
 * <p>As Feign's invocation handler it starts the deadline when a call starts and ends it when the call returns
 * (after {@link ParameterEncodingGuard} checked the path arguments). {@link RateLimitAwareRetryer} makes no
 * retry whose wait would end after the deadline, and {@link OkHttpTransport} runs each attempt, API call or
 * token request, with OkHttp's call timeout set to {@link #attemptTimeout()}, which bounds connecting, waiting
 * and reading the whole body. Feign runs a call on the caller's thread from start to end, which is why the
 * deadline can live in a thread-local.
 */
final class CallDeadline implements InvocationHandlerFactory {

  private static final ThreadLocal<Instant> CURRENT = new ThreadLocal<>();

  private final Duration callTimeout;
  private final Clock clock;
  private final ParameterEncodingGuard guard;
  private final InvocationHandlerFactory next = new InvocationHandlerFactory.Default();

  CallDeadline(Duration callTimeout, Clock clock, ParameterEncodingGuard guard) {
    this.callTimeout = callTimeout;
    this.clock = clock;
    this.guard = guard;
  }

  @Override
  @SuppressWarnings("rawtypes") // the signature of InvocationHandlerFactory
  public InvocationHandler create(Target target, Map<Method, MethodHandler> dispatch) {
    InvocationHandler handler = next.create(target, dispatch);
    return (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return handler.invoke(proxy, method, args);
      }
      guard.checkPathArguments(method, args);
      Instant outer = CURRENT.get();
      CURRENT.set(clock.instant().plus(callTimeout));
      try {
        return handler.invoke(proxy, method, args);
      } finally {
        if (outer == null) {
          CURRENT.remove();
        } else {
          CURRENT.set(outer);
        }
      }
    };
  }

  /** The deadline of the call running on this thread, or null outside a call. */
  static Instant current() {
    return CURRENT.get();
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
