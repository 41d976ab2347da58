package dev.dirprov.client;

import feign.Capability;
import feign.Client;
import feign.InvocationHandlerFactory;
import feign.Request;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.RequestReplySenderContext;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code observationRegistry} option: one Micrometer observation per call, named {@value #NAME}, with the
 * low-cardinality key values of {@link MeteredCalls} ({@code operation}, {@code method}, {@code status},
 * {@code outcome}, {@code exception}). Its context is a sender context whose carrier collects the headers a
 * tracing propagator injects when the call starts; every attempt of the call, retries included, carries them.
 * Only referenced when the option is set, so that a client without it never loads a Micrometer class.
 *
 * <pre>{@code
 * InvocationHandlerFactory observed = ObservedCalls.capability(observationRegistry, guard).enrich(handlers);
 * }</pre>
 *
 * <p>feign-micrometer's {@code MicrometerObservationCapability} observes each attempt instead of each call, so
 * a retried call would show as several client spans; this class observes the call and puts the call's trace
 * context on each attempt.
 */
final class ObservedCalls implements Capability {

  static final String NAME = "dirprov.client.calls";

  private final ObservationRegistry registry;
  private final ParameterEncodingGuard contract;

  private ObservedCalls(ObservationRegistry registry, ParameterEncodingGuard contract) {
    this.registry = registry;
    this.contract = contract;
  }

  static Capability capability(ObservationRegistry registry, ParameterEncodingGuard contract) {
    return new ObservedCalls(registry, contract);
  }

  /** One call: the headers to propagate, and how it ended. */
  static final class CallContext extends RequestReplySenderContext<Map<String, String>, Object> {
    final String operation;
    final String method;
    CallOutcome outcome = new CallOutcome("NONE", "UNKNOWN", "none");

    CallContext(String operation, String method) {
      super((carrier, key, value) -> carrier.put(key, value));
      setCarrier(new LinkedHashMap<>());
      this.operation = operation;
      this.method = method;
    }
  }

  /** Names and tags each call's observation. */
  static final class Convention implements ObservationConvention<CallContext> {
    static final Convention INSTANCE = new Convention();

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public String getContextualName(CallContext context) {
      return context.method + " " + context.operation;
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(CallContext context) {
      return KeyValues.of("operation", context.operation, "method", context.method, "status",
          context.outcome.status(), "outcome", context.outcome.outcome(), "exception", context.outcome.exception());
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
      return context instanceof CallContext;
    }
  }

  @Override
  public InvocationHandlerFactory enrich(InvocationHandlerFactory next) {
    return (target, dispatch) -> {
      InvocationHandler handler = next.create(target, dispatch);
      return (proxy, method, args) -> method.getDeclaringClass() == Object.class
          ? handler.invoke(proxy, method, args) : observe(handler, proxy, method, args);
    };
  }

  @SuppressWarnings("try") // the scope makes the observation current for the attempts, which read it
  private Object observe(InvocationHandler handler, Object proxy, Method method, Object[] args) throws Throwable {
    CallContext context = new CallContext(ParameterEncodingGuard.operation(method), contract.httpMethod(method));
    Observation observation = Observation.createNotStarted(null, Convention.INSTANCE, () -> context, registry)
        .start();
    Throwable failure = null;
    try (Observation.Scope scope = observation.openScope()) {
      return handler.invoke(proxy, method, args);
    } catch (Throwable e) {
      failure = e;
      observation.error(e);
      throw e;
    } finally {
      context.outcome = CallOutcome.of(CallDeadline.lastStatus(), failure);
      observation.stop();
    }
  }

  @Override
  public Client enrich(Client client) {
    return (request, options) -> {
      Observation current = registry.getCurrentObservation();
      if (current == null || !(current.getContext() instanceof CallContext)
          || ((CallContext) current.getContext()).getCarrier().isEmpty()) {
        return client.execute(request, options);
      }
      Map<String, Collection<String>> headers = new LinkedHashMap<>(request.headers());
      ((CallContext) current.getContext()).getCarrier().forEach((name, value) -> headers.put(name, List.of(value)));
      return client.execute(Request.create(request.httpMethod(), request.url(), headers, request.body(),
          request.charset(), request.requestTemplate()), options);
    };
  }
}
