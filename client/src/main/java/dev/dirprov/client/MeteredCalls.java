package dev.dirprov.client;

import feign.Capability;
import feign.Client;
import feign.FeignException;
import feign.InvocationHandlerFactory;
import feign.Request;
import feign.Response;
import feign.RetryableException;
import feign.Retryer;
import feign.Target;
import feign.micrometer.MeteredClient;
import feign.micrometer.MeteredInvocationHandleFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.noop.NoopCounter;
import java.lang.reflect.Method;

/**
 * The {@code meterRegistry} option: feign-micrometer's metered invocation handler and client, with dirprov's
 * names and low-cardinality tags, plus the retry counter feign-micrometer lacks. Only referenced when the
 * option is set, so that a client without it never loads a Micrometer class.
 *
 * <pre>{@code
 * Client metered = MeteredCalls.capability(meterRegistry, guard).enrich(transport);
 * }</pre>
 *
 * <ul>
 *   <li>{@value #CALLS} (timer): one per call, every attempt and wait included.</li>
 *   <li>{@value #ATTEMPTS} (timer): one per HTTP request to the API (token requests are not API requests).</li>
 *   <li>{@value #RETRIES} (counter): one per retry, tagged by {@code reason}: the status or transport failure kind
 *       that was retried ({@code 401} for the repeat with a new token).</li>
 * </ul>
 * Timers are tagged {@code operation} (the spec's operationId), {@code method} (HTTP), {@code status} (or the
 * transport failure kind), {@code outcome} and {@code exception}; see {@link CallOutcome}.
 */
final class MeteredCalls implements Capability {

  static final String CALLS = "dirprov.client.calls";
  static final String ATTEMPTS = "dirprov.client.attempts";
  static final String RETRIES = "dirprov.client.retries";

  private final MeterRegistry registry;
  private final ParameterEncodingGuard contract;

  private MeteredCalls(MeterRegistry registry, ParameterEncodingGuard contract) {
    this.registry = registry;
    this.contract = contract;
  }

  static Capability capability(MeterRegistry registry, ParameterEncodingGuard contract) {
    return new MeteredCalls(registry, contract);
  }

  @Override
  public InvocationHandlerFactory enrich(InvocationHandlerFactory next) {
    return new MeteredInvocationHandleFactory(next, registry) {
      @Override
      @SuppressWarnings("rawtypes") // the superclass's signature
      protected Timer createTimer(Target target, Method method, Object[] args, Throwable e) {
        return registry.timer(CALLS, tags(ParameterEncodingGuard.operation(method), contract.httpMethod(method),
            CallOutcome.of(CallDeadline.lastStatus(), e)));
      }

      @Override
      @SuppressWarnings("rawtypes") // the superclass's signature
      protected Counter createFeignExceptionCounter(Target target, Method method, Object[] args,
          FeignException e) {
        // Only an encoding failure is still a FeignException here; the calls timer has it already.
        return new NoopCounter(new Meter.Id(CALLS, Tags.empty(), null, null, Meter.Type.COUNTER));
      }
    };
  }

  @Override
  public Client enrich(Client client) {
    return new MeteredClient(client, registry) {
      @Override
      protected Timer createTimer(Request request, Response response, Request.Options options, Exception e) {
        return registry.timer(ATTEMPTS, tags(operationOf(request), request.httpMethod().name(),
            CallOutcome.of(response == null ? 0 : response.status(), e)));
      }

      @Override
      protected void countResponseCode(Request request, Response response, Request.Options options, int status,
          Exception e) {
        // The attempts timer counts responses by status already.
      }
    };
  }

  @Override
  public Retryer enrich(Retryer retryer) {
    return new CountingRetryer(retryer);
  }

  /** Counts each retry the delegate allows, by the status or failure kind that caused it. */
  private final class CountingRetryer implements Retryer {
    private final Retryer delegate;

    CountingRetryer(Retryer delegate) {
      this.delegate = delegate;
    }

    @Override
    public void continueOrPropagate(RetryableException e) {
      delegate.continueOrPropagate(e); // throws when there is no retry
      Request request = e.request();
      registry.counter(RETRIES, Tags.of("operation", request == null ? "UNKNOWN" : operationOf(request),
          "method", request == null ? "UNKNOWN" : request.httpMethod().name(),
          "reason", CallOutcome.of(e.status(), e).status())).increment();
    }

    @Override
    public Retryer clone() {
      return new CountingRetryer(delegate.clone());
    }
  }

  private static String operationOf(Request request) {
    return request.requestTemplate() == null || request.requestTemplate().methodMetadata() == null
        || request.requestTemplate().methodMetadata().method() == null ? "UNKNOWN"
        : ParameterEncodingGuard.operation(request.requestTemplate().methodMetadata().method());
  }

  private static Tags tags(String operation, String method, CallOutcome outcome) {
    return Tags.of("operation", operation, "method", method, "status", outcome.status(),
        "outcome", outcome.outcome(), "exception", outcome.exception());
  }
}
