package dev.dirprov.client;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.dirprov.client.model.ApiResponse;
import feign.Response;
import feign.RetryableException;
import feign.Types;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Locale;

/**
 * Decodes successful responses, so that a body the client cannot use becomes a {@link ResponseDecodeException}
 * saying what was wrong, never a {@code null} result or a bare Jackson or Feign exception.
 *
 * <pre>{@code
 * Feign.builder().decoder(new BoundedResponseDecoder(mapper, new ApiResponseDecoder(mapper), failures))
 * }</pre>
 *
 * <p>It first reads the whole body (at most {@value #MAX_BODY_BYTES} bytes), then maps it: a model type in
 * UTF-8 (JSON's encoding; no charset declared or {@code charset=utf-8}) straight from the bytes with the
 * client's {@code ObjectMapper}, anything else ({@code ApiResponse<T>}, no body expected, another charset)
 * through the generated decoder. The generated decoder reads through a {@code Reader}, which costs a charset
 * decoder and its buffers on every response (BENCHMARKS.md). Reading and mapping are kept apart: an I/O
 * failure while reading is a transport failure, handed to the retryer like any other; a body that does not map
 * is a decode failure, not retried. {@link Failures} shapes both.
 */
final class BoundedResponseDecoder implements Decoder {

  /** The largest successful response body read: 4 MiB, far above any answer of these endpoints. */
  static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  /** The most characters of a Jackson message quoted in an exception message. */
  private static final int MAX_PROBLEM_CHARS = 300;

  private final ObjectMapper mapper;
  private final Decoder delegate;
  private final Failures failures;

  BoundedResponseDecoder(ObjectMapper mapper, Decoder delegate, Failures failures) {
    this.mapper = mapper;
    this.delegate = delegate;
    this.failures = failures;
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    byte[] body;
    try {
      body = Failures.read(response.body(), MAX_BODY_BYTES);
    } catch (IOException e) {
      throw Failures.carry(failures.transport(response.request(), e), response.request());
    }
    Type bodyType = bodyTypeOf(type);
    boolean expectsBody = bodyType != Void.class && bodyType != void.class;
    if (body.length > MAX_BODY_BYTES) {
      throw failure(response, bodyType, body, "the body is larger than " + MAX_BODY_BYTES + " bytes", null);
    }
    if (expectsBody && isBlank(body)) {
      throw failure(response, bodyType, body, "the body is empty", null);
    }
    Object decoded;
    try {
      if (expectsBody && type instanceof Class && isUtf8(response)) {
        decoded = mapper.readValue(body, mapper.constructType(type));
      } else {
        decoded = delegate.decode(response.toBuilder().body(body).build(), type);
      }
    } catch (IOException | RuntimeException e) {
      throw failure(response, bodyType, body, problem(e), e);
    }
    boolean isNull = decoded == null
        || (decoded instanceof ApiResponse && ((ApiResponse<?>) decoded).getData() == null);
    if (expectsBody && isNull) {
      throw failure(response, bodyType, body, "the body is JSON null", null);
    }
    return decoded;
  }

  /** Whether the body is in JSON's encoding, UTF-8: no charset declared, or {@code charset=utf-8}. */
  private static boolean isUtf8(Response response) {
    for (String contentType : response.headers().getOrDefault("Content-Type", List.of())) {
      int charset = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
      if (charset >= 0 && !contentType.regionMatches(true, charset + 8, "utf-8", 0, 5)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }

  /** {@code T} for {@code ApiResponse<T>}, else the type itself. */
  private static Type bodyTypeOf(Type type) {
    if (type instanceof ParameterizedType && Types.getRawType(type) == ApiResponse.class) {
      return ((ParameterizedType) type).getActualTypeArguments()[0];
    }
    return type;
  }

  /** What Jackson found wrong, in one bounded line. */
  static String problem(Exception e) {
    String problem;
    if (e instanceof JsonParseException) {
      problem = "it is not valid JSON: " + ((JsonParseException) e).getOriginalMessage();
    } else if (e instanceof MismatchedInputException && ((JsonMappingException) e).getPath().isEmpty()) {
      problem = "it is not a JSON object: " + ((JsonProcessingException) e).getOriginalMessage();
    } else if (e instanceof JsonMappingException && !((JsonMappingException) e).getPath().isEmpty()) {
      problem = "field " + path((JsonMappingException) e) + ": " + ((JsonMappingException) e).getOriginalMessage();
    } else if (e instanceof JsonProcessingException) {
      problem = ((JsonProcessingException) e).getOriginalMessage();
    } else {
      problem = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    problem = problem.replaceAll("\\s+", " ");
    return problem.length() <= MAX_PROBLEM_CHARS ? problem : problem.substring(0, MAX_PROBLEM_CHARS) + "…";
  }

  /** {@code mapping[0].idp} */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private RetryableException failure(Response response, Type bodyType, byte[] body, String problem,
      Throwable cause) {
    return Failures.carry(failures.undecodable(response, bodyType, body, problem, cause), response.request());
  }
}
