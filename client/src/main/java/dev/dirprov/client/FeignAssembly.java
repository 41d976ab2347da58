package dev.dirprov.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dirprov.client.api.DirectoryProvisioningApi;
import dev.dirprov.client.internal.ApiResponseDecoder;
import feign.ExceptionPropagationPolicy;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Target;
import feign.jackson.JacksonEncoder;
import java.util.function.Consumer;

/**
 * Puts the client together from checked builder options, each of Feign's seams used once: {@link OkHttpTransport}
 * as the {@code Client}, {@link Failures} as the {@code ErrorDecoder}, {@link RateLimitAwareRetryer} as the
 * {@code Retryer}, the {@link Credentials} as the {@code RequestInterceptor}, {@link ParameterEncodingGuard} as
 * the {@code Contract}, {@link CallDeadline} as the {@code InvocationHandlerFactory}, and
 * {@link ExceptionPropagationPolicy#UNWRAP} so that the caller gets the typed failure Feign carried.
 *
 * <pre>{@code
 * DirectoryProvisioningApi api = new FeignAssembly(builder).build();
 * }</pre>
 */
final class FeignAssembly {

  private final DirectoryProvisioningClient.Builder options;

  FeignAssembly(DirectoryProvisioningClient.Builder options) {
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

  DirectoryProvisioningApi build() {
    ObjectMapper mapper = objectMapper();
    Failures failures = new Failures(mapper, options.clock, options.credentials.secrets());
    ParameterEncodingGuard guard = new ParameterEncodingGuard();
    CallDeadline deadline = new CallDeadline(options.callTimeout, options.clock, guard);
    OkHttpTransport transport = new OkHttpTransport(options.connectTimeout, options.readTimeout, deadline,
        failures);
    Consumer<String> log = options.logLevel == Logger.Level.NONE ? line -> { } : options.logSink;
    RedactingLogger logger = new RedactingLogger(log);
    Credentials credentials = options.credentials.connect(options, transport, failures, logger, mapper);
    return Feign.builder()
        .client(transport)
        // Same values as the OkHttp client, so that the transport never has to derive a per-request client.
        .options(new Request.Options(options.connectTimeout, options.readTimeout, false))
        .encoder(new JacksonEncoder(mapper))
        .decoder(new BoundedResponseDecoder(mapper, new ApiResponseDecoder(mapper), failures))
        .errorDecoder(failures)
        .retryer(new RateLimitAwareRetryer(options.maxRetries, options.maxRetryWait, options.clock,
            options.sleeper, options.random, credentials::refused))
        .requestInterceptor(credentials)
        .logger(logger)
        .logLevel(options.logLevel)
        .contract(guard)
        .invocationHandlerFactory(deadline)
        .exceptionPropagationPolicy(ExceptionPropagationPolicy.UNWRAP)
        .target(new NamedTarget(options.url.baseUrl()));
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
