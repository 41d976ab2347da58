package dev.dirprov.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dirprov.client.api.DirectoryProvisioningApi;
import dev.dirprov.client.internal.ApiResponseDecoder;
import feign.Capability;
import feign.Client;
import feign.ExceptionPropagationPolicy;
import feign.Feign;
import feign.InvocationHandlerFactory;
import feign.Logger;
import feign.Request;
import feign.RequestTemplate;
import feign.Retryer;
import feign.Target;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * Puts the client together from checked builder options, each of Feign's seams used once: {@link OkHttpTransport}
 * as the {@code Client}, {@link Failures} as the {@code ErrorDecoder}, {@link RateLimitAwareRetryer} as the
 * {@code Retryer}, the {@link Credentials} as the {@code RequestInterceptor}, {@link ParameterEncodingGuard} as
 * the {@code Contract}, {@link RedactingLogger} as the {@code Logger}, and {@link ExceptionPropagationPolicy#UNWRAP}
 * so that the caller gets the typed failure Feign carried. {@code Capability}s wrap the client, the retryer and
 * the invocation handler: {@link MeteredCalls} and {@link ObservedCalls} when their registries are set (the only
 * classes that touch Micrometer, so that it stays optional), and {@link CallDeadline} outermost.
 *
 * <pre>{@code
 * DirectoryProvisioningApi api = new FeignAssembly(builder).build();
 * }</pre>
 */
final class FeignAssembly {

  private final DirectoryProvisioningClientBuilder options;

  FeignAssembly(DirectoryProvisioningClientBuilder options) {
    this.options = options;
  }

  /**
   * The Jackson mapper the client reads and writes JSON with: unset fields are left out, unknown fields
   * are ignored, and date-times keep the offset they were sent with.
   */
  static ObjectMapper objectMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
  }

  /** The default log sink: the SLF4J logger {@code dev.dirprov.client} at DEBUG, looked up once logging is on. */
  private static Consumer<String> slf4j() {
    org.slf4j.Logger logger = LoggerFactory.getLogger("dev.dirprov.client");
    return logger::debug;
  }

  DirectoryProvisioningApi build() {
    ObjectMapper mapper = objectMapper();
    Failures failures = new Failures(mapper, options.clock, options.credentials.secrets());
    ParameterEncodingGuard guard = new ParameterEncodingGuard();
    CallDeadline deadline = new CallDeadline(options.callTimeout, options.clock, guard);
    OkHttpTransport transport = new OkHttpTransport(options.httpClient, options.proxy, options.connectTimeout,
        options.readTimeout, deadline, failures);
    RedactingLogger logger = new RedactingLogger(options.logLevel == Logger.Level.NONE ? line -> { }
        : options.logSink != null ? options.logSink : slf4j());
    Credentials credentials = options.credentials.connect(options, transport, failures, logger, mapper);
    // Feign's own addCapability calls enrich reflectively, which needs public classes: applied here instead, in
    // the same order (the first added is innermost).
    List<Capability> capabilities = new ArrayList<>();
    if (options.meterRegistry != null) {
      capabilities.add(MeteredCalls.capability(options.meterRegistry, guard));
    }
    if (options.observationRegistry != null) {
      capabilities.add(ObservedCalls.capability(options.observationRegistry, guard));
    }
    capabilities.add(deadline.outermost(transport::close));
    Client client = transport;
    Retryer retryer = new RateLimitAwareRetryer(options.maxRetries, options.maxRetryWait, options.clock,
        options.sleeper, options.random, credentials::refused);
    InvocationHandlerFactory handlers = new InvocationHandlerFactory.Default();
    for (Capability capability : capabilities) {
      client = capability.enrich(client);
      retryer = capability.enrich(retryer);
      handlers = capability.enrich(handlers);
    }
    return Feign.builder()
        .client(client)
        // Same values as the OkHttp client, so that the transport never has to derive a per-request client.
        .options(new Request.Options(options.connectTimeout, options.readTimeout, false))
        .encoder(new JsonEncoder(mapper))
        .decoder(new BoundedResponseDecoder(mapper, new ApiResponseDecoder(mapper), failures))
        .errorDecoder(failures)
        .retryer(retryer)
        .invocationHandlerFactory(handlers)
        .requestInterceptor(credentials)
        .logger(logger)
        .logLevel(options.logLevel)
        .contract(guard)
        .exceptionPropagationPolicy(ExceptionPropagationPolicy.UNWRAP)
        .target(new NamedTarget(options.url.baseUrl()));
  }

  /**
   * Writes a request body as JSON with the client's mapper, straight to one byte array: feign-jackson's
   * {@code JacksonEncoder} builds an {@code ObjectWriter} for the body's type on every call (BENCHMARKS.md).
   */
  private static final class JsonEncoder implements Encoder {
    private final ObjectMapper mapper;

    JsonEncoder(ObjectMapper mapper) {
      this.mapper = mapper;
    }

    @Override
    public void encode(Object object, Type bodyType, RequestTemplate template) {
      try {
        template.body(mapper.writeValueAsBytes(object), StandardCharsets.UTF_8);
      } catch (JsonProcessingException e) {
        throw new EncodeException(e.getMessage(), e);
      }
    }
  }

  /** Feign's target, named {@code DirectoryProvisioningApi[<base URL>]} by the client's {@code toString()}. */
  private static final class NamedTarget extends Target.HardCodedTarget<DirectoryProvisioningApi> {
    NamedTarget(String baseUrl) {
      super(DirectoryProvisioningApi.class, baseUrl);
    }

    @Override
    public String toString() {
      return "DirectoryProvisioningApi[" + url() + "]";
    }
  }
}
