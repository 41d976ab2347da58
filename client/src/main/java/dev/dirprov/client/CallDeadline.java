package dev.dirprov.client;

import feign.Capability;
import feign.InvocationHandlerFactory;
import java.io.InterruptedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Bounds each call, every attempt, every wait and the token request included, by {@code callTimeout}; the one
 * class that keeps per-call state in a thread-local: the deadline and the status of the call's last response.
 *
 * <pre>{@code
 * CallDeadline deadline = new CallDeadline(Duration.ofMinutes(2), clock, guard);
 * handlers = deadline.outermost(transport::close).enrich(handlers); // applied last
 * }</pre>
 *
 * <p>As the outermost invocation handler (a {@link Capability} applied last) it starts the deadline when a call
 * starts and ends it when the call returns (after {@link ParameterEncodingGuard} checked the path arguments), so
 * that the metrics and observation handlers inside it read the call's last status. {@link RateLimitAwareRetryer}
 * makes no retry whose wait would end after the deadline, and {@link OkHttpTransport} runs each attempt, API
 * call or token request, with OkHttp's call timeout set to {@link #attemptTimeout()}, which bounds connecting,
 * waiting and reading the whole body. Feign runs a call on the caller's thread from start to end, which is why
 * the state can live in a thread-local. It also holds what {@link DirectoryProvisioningClient#close} releases.
 */
final class CallDeadline {

  private static final ThreadLocal<Call> CURRENT = new ThreadLocal<>();

  private final Duration callTimeout;
  private final Clock clock;
  private final ParameterEncodingGuard guard;

  /** The state of the call running on a thread. */
  private static final class Call {
    final Instant deadline;
    int status;

    Call(Instant deadline) {
      this.deadline = deadline;
    }
  }

  CallDeadline(Duration callTimeout, Clock clock, ParameterEncodingGuard guard) {
    this.callTimeout = callTimeout;
    this.clock = clock;
    this.guard = guard;
  }

  /**
   * The capability that wraps Feign's invocation handler; applied after every other one, so that it is outermost.
   *
   * @param release frees what the client built for itself, on {@link DirectoryProvisioningClient#close}
   */
  Capability outermost(Runnable release) {
    return new Capability() {
      @Override
      public InvocationHandlerFactory enrich(InvocationHandlerFactory next) {
        return (target, dispatch) -> new Handler(next.create(target, dispatch), release);
      }
    };
  }

  /** Feign's invocation handler of one client: the proxy's, so that {@link #close} finds it. */
  private final class Handler implements InvocationHandler {
    private final InvocationHandler next;
    private final Runnable release;
    private volatile boolean closed;

    Handler(InvocationHandler next, Runnable release) {
      this.next = next;
      this.release = release;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getDeclaringClass() == Object.class) {
        return next.invoke(proxy, method, args);
      }
      if (closed) {
        throw new IllegalStateException("This client was closed (DirectoryProvisioningClient.close)");
      }
      guard.checkPathArguments(method, args);
      Call outer = CURRENT.get();
      CURRENT.set(new Call(clock.instant().plus(callTimeout)));
      try {
        return next.invoke(proxy, method, args);
      } finally {
        if (outer == null) {
          CURRENT.remove();
        } else {
          CURRENT.set(outer);
        }
      }
    }

    synchronized void close() {
      if (!closed) {
        closed = true;
        release.run();
      }
    }
  }

  /** Closes a client built by the builder; see {@link DirectoryProvisioningClient#close}. */
  static void close(Object api) {
    InvocationHandler handler = api != null && Proxy.isProxyClass(api.getClass())
        ? Proxy.getInvocationHandler(api) : null;
    if (!(handler instanceof Handler)) {
      throw new IllegalArgumentException("not a client built by DirectoryProvisioningClient: " + api);
    }
    ((Handler) handler).close();
  }

  /** The deadline of the call running on this thread, or null outside a call. */
  static Instant current() {
    Call call = CURRENT.get();
    return call == null ? null : call.deadline;
  }

  /** Notes the status of the running call's latest API response (not of token requests). */
  static void responded(int status) {
    Call call = CURRENT.get();
    if (call != null) {
      call.status = status;
    }
  }

  /** The status of the running call's latest API response, or 0 if none arrived (or outside a call). */
  static int lastStatus() {
    Call call = CURRENT.get();
    return call == null ? 0 : call.status;
  }

  /**
   * The time the next attempt on this thread may take: what is left of the running call's deadline, or the
   * whole {@code callTimeout} outside a call.
   *
   * @throws InterruptedIOException if the deadline has passed, so that no attempt starts
   */
  Duration attemptTimeout() throws InterruptedIOException {
    Instant deadline = current();
    Duration left = deadline == null ? callTimeout : Duration.between(clock.instant(), deadline);
    if (left.isNegative() || left.isZero()) {
      throw new InterruptedIOException("callTimeout of " + callTimeout + " reached before the attempt started");
    }
    return left;
  }
}
