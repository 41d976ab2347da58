package dev.dirprov.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dirprov.client.ManagementApiException.ErrorResponseDetails;
import feign.Request;
import feign.Response;
import feign.RetryableException;
import feign.Types;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The one place that turns what went wrong into the exception the caller gets: an error status of the API or of
 * the token endpoint, a body that does not decode, or no response at all. It reads bodies bounded, extracts
 * Auth0's and OAuth's error fields, names HTML pages instead of quoting them, and takes every secret out of
 * messages, bodies and headers: the token the request carried, the configured token or client secret, and
 * anything that looks like {@code Bearer <token>}.
 *
 * <pre>{@code
 * Failures failures = new Failures(mapper, clock, List.of(clientSecret));
 * Feign.builder().errorDecoder(failures)
 * }</pre>
 *
 * <p>Every failure travels up Feign's call as the cause of a {@link RetryableException} made by
 * {@link #carry}: the retryer alone decides what is tried again, and Feign's
 * {@code ExceptionPropagationPolicy.UNWRAP} hands the caller the typed cause.
 */
final class Failures implements ErrorDecoder {

  /** The most characters of a non-JSON body quoted in an exception message. */
  static final int MAX_MESSAGE_CHARS = 200;
  static final String REDACTED = "<redacted>";
  /** Shorter values are not searched for: masking every "t" of a test token would garble every message. */
  private static final int MIN_SECRET_LENGTH = 8;
  /** The most bytes of an error body read: enough for {@link ManagementApiException#MAX_BODY_CHARS} characters. */
  private static final int MAX_BODY_BYTES = ManagementApiException.MAX_BODY_CHARS * 4;
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+");

  private final ObjectMapper mapper;
  private final Clock clock;
  private final List<String> secrets;

  /** @param secrets values never shown, such as the client secret or a fixed token */
  Failures(ObjectMapper mapper, Clock clock, List<String> secrets) {
    this.mapper = mapper;
    this.clock = clock;
    this.secrets = List.copyOf(secrets);
  }

  /** Carries a typed failure up Feign's call; the only place that makes a {@link RetryableException}. */
  static RetryableException carry(ManagementApiException failure, Request request) {
    return new RetryableException(failure.statusCode() == 0 ? -1 : failure.statusCode(), failure.getMessage(),
        request.httpMethod(), failure, (Long) null, request);
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    return carry(ofStatus(response), response.request());
  }

  /** The exception type of an API error status, carrying what the response said. */
  ManagementApiException ofStatus(Response response) {
    ErrorResponseDetails details = details(response, "errorCode", "message");
    return switch (response.status()) {
      case 400 -> new BadRequestException(details);
      case 401 -> new UnauthorizedException(details);
      case 403 -> new ForbiddenException(details);
      case 404 -> new NotFoundException(details);
      case 409 -> new ConflictException(details);
      case 429 -> new RateLimitException(details, RateLimit.from(n -> first(details.headers(), n), clock.instant()));
      default -> response.status() / 100 == 5 ? new ServerErrorException(details) : new ManagementApiException(details);
    };
  }

  /** The token endpoint refused: its OAuth {@code error} and {@code error_description}. */
  TokenException ofTokenStatus(Response response, String tokenUrl) {
    ErrorResponseDetails details = details(response, "error", "error_description");
    return new TokenException(tokenUrl, details.message(), details, null);
  }

  /** A 2xx token answer that is not a usable token; its body is not kept, since it may hold a token. */
  static TokenException badToken(String source, int status, String problem) {
    return new TokenException(source, (status == 0 ? "" : "the " + status + " answer has ") + problem,
        new ErrorResponseDetails(status, null, null, null, Map.of(), null), null);
  }

  /** The token could not be obtained because the token request did not complete. */
  static TokenException tokenUnreachable(String tokenUrl, TransportException failure) {
    return new TokenException(tokenUrl, failure.getMessage(), ErrorResponseDetails.none(), failure);
  }

  /** No complete response: the query and any user info are left out of the URL. */
  TransportException transport(Request request, IOException cause) {
    return TransportException.of(request.httpMethod().name(), request.url(), cause);
  }

  /** A 2xx body the client cannot use as {@code bodyType}. */
  ResponseDecodeException undecodable(Response response, Type bodyType, byte[] body, String problem,
      Throwable cause) {
    String text = redact(text(body), response.request());
    String reason = blankToNull(response.reason());
    Map<String, List<String>> headers = headers(response);
    String contentType = first(headers, "content-type");
    String notJson = contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")
        ? " (Content-Type " + contentType + ")" : "";
    String message = response.status() + (reason == null ? "" : " " + reason)
        + ": could not decode the response of " + response.request().httpMethod() + " "
        + withoutQuery(response.request().url()) + " as " + Types.getRawType(bodyType).getSimpleName()
        + notJson + ": " + redact(problem, response.request());
    return new ResponseDecodeException(message, new ErrorResponseDetails(response.status(), reason, null, null,
        headers, text), cause);
  }

  /**
   * The body's first {@code max} bytes, and one more if there are more: callers compare the length with
   * {@code max}. Never reads further, whatever the body's length or encoding.
   */
  static byte[] read(Response.Body body, int max) throws IOException {
    if (body == null) {
      return new byte[0];
    }
    Integer length = body.length(); // Content-Length, when the server sent one
    try (InputStream in = body.asInputStream()) {
      if (length != null && length <= max) {
        // Into one array of that length: readNBytes(int) would read into buffers of its own and copy them.
        byte[] bytes = new byte[length];
        int read = in.readNBytes(bytes, 0, length);
        return read == length ? bytes : Arrays.copyOf(bytes, read);
      }
      return in.readNBytes(max + 1);
    }
  }

  /** The first {@link ManagementApiException#MAX_BODY_CHARS} characters of a body. */
  private static String text(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, MAX_BODY_BYTES), StandardCharsets.UTF_8);
    return text.length() <= ManagementApiException.MAX_BODY_CHARS ? text
        : text.substring(0, ManagementApiException.MAX_BODY_CHARS);
  }

  /** {@code text} without the request's token, the configured secrets or any bearer token. */
  String redact(String text, Request request) {
    if (text == null) {
      return null;
    }
    String redacted = text;
    String token = request == null ? null : bearerTokenOf(request);
    if (token != null && token.length() >= MIN_SECRET_LENGTH) {
      redacted = redacted.replace(token, REDACTED);
    }
    for (String secret : secrets) {
      if (secret.length() >= MIN_SECRET_LENGTH) {
        redacted = redacted.replace(secret, REDACTED);
      }
    }
    return BEARER.matcher(redacted).replaceAll("$1" + REDACTED);
  }

  /** The token a request carried in {@code Authorization: Bearer <token>}, or null. */
  static String bearerTokenOf(Request request) {
    Collection<String> values = request.headers().get("Authorization");
    if (values == null || values.isEmpty()) {
      return null;
    }
    String value = values.iterator().next();
    return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7) : value;
  }

  private ErrorResponseDetails details(Response response, String codeField, String messageField) {
    Request request = response.request();
    Map<String, List<String>> headers = headers(response);
    String body;
    try {
      byte[] bytes = read(response.body(), MAX_BODY_BYTES);
      body = bytes.length == 0 ? null : redact(text(bytes), request);
    } catch (IOException e) {
      body = null; // the status alone still selects the exception
    }
    String error = null;
    String errorCode = null;
    String apiMessage = null;
    JsonNode json = parseObject(body);
    if (json != null) {
      error = codeField.equals("error") ? null : text(json, "error");
      errorCode = text(json, codeField);
      apiMessage = text(json, messageField);
    } else if (body != null && !body.isBlank()) {
      apiMessage = excerpt(body, first(headers, "content-type"));
    }
    if (error == null) {
      error = reasonPhrase(response);
    }
    return new ErrorResponseDetails(response.status(), redact(error, request), redact(errorCode, request),
        redact(apiMessage, request), headers, body);
  }

  private Map<String, List<String>> headers(Response response) {
    Map<String, List<String>> copy = new TreeMap<>();
    response.headers().forEach((name, values) -> {
      List<String> redacted = new ArrayList<>(values.size());
      values.forEach(value -> redacted.add(redact(value, response.request())));
      copy.put(name.toLowerCase(Locale.ROOT), Collections.unmodifiableList(redacted));
    });
    return Collections.unmodifiableMap(copy);
  }

  private JsonNode parseObject(String body) {
    if (body == null || !body.stripLeading().startsWith("{")) {
      return null;
    }
    try {
      JsonNode node = mapper.readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null; // truncated or not JSON after all: quoted as text instead
    }
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    return bound(value.isTextual() ? value.asText() : value.toString());
  }

  /** A one-line excerpt of a non-JSON body; an HTML page is named as such rather than quoted. */
  private static String excerpt(String body, String contentType) {
    String trimmed = body.strip();
    boolean html = (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html"))
        || trimmed.regionMatches(true, 0, "<!doctype html", 0, 14)
        || trimmed.regionMatches(true, 0, "<html", 0, 5);
    if (html) {
      String title = between(trimmed, "<title>", "</title>");
      return "HTML page" + (title == null ? "" : " \"" + bound(title.strip()) + "\"")
          + " (" + body.length() + " characters)";
    }
    return bound(trimmed.replaceAll("\\s+", " "));
  }

  private static String between(String text, String open, String close) {
    String lower = text.toLowerCase(Locale.ROOT);
    int start = lower.indexOf(open);
    int end = start < 0 ? -1 : lower.indexOf(close, start);
    return end < 0 ? null : text.substring(start + open.length(), end);
  }

  private static String bound(String text) {
    return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + "…";
  }

  private static String reasonPhrase(Response response) {
    String reason = blankToNull(response.reason());
    if (reason != null) {
      return reason;
    }
    switch (response.status()) {
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 403: return "Forbidden";
      case 404: return "Not Found";
      case 408: return "Request Timeout";
      case 409: return "Conflict";
      case 429: return "Too Many Requests";
      case 500: return "Internal Server Error";
      case 502: return "Bad Gateway";
      case 503: return "Service Unavailable";
      case 504: return "Gateway Timeout";
      default: return null;
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String withoutQuery(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }
}
