package dev.dirprov.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dirprov.client.ManagementApiException.ErrorResponseDetails;
import feign.Request;
import feign.Response;
import feign.RetryableException;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Turns every error response into the {@link ManagementApiException} subclass of its status. Bodies that are
 * not Auth0's JSON (an HTML page from a proxy, plain text, nothing, a truncated or huge body) still give the
 * right subclass; at most {@link ManagementApiException#MAX_BODY_CHARS} characters of a body are read.
 *
 * <p>The typed exception reaches the {@link RateLimitAwareRetryer} as the cause of a {@link RetryableException}
 * whatever the status: the retryer alone decides what is tried again, and the caller gets the typed cause.
 */
final class ManagementApiErrorDecoder implements ErrorDecoder {

  /** The most characters of a non-JSON body quoted in an exception message. */
  static final int MAX_MESSAGE_CHARS = 200;

  private final ObjectMapper mapper;
  private final Clock clock;

  ManagementApiErrorDecoder(ObjectMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    ManagementApiException failure = typed(response);
    Request request = response.request();
    return new RetryableException(response.status(), failure.getMessage(), request.httpMethod(), failure,
        (Long) null, request);
  }

  /** The exception type of the response's status, carrying what the response said. */
  ManagementApiException typed(Response response) {
    ErrorResponseDetails details = details(response);
    int status = response.status();
    if (status == 400) {
      return new BadRequestException(details);
    } else if (status == 401) {
      return new UnauthorizedException(details);
    } else if (status == 403) {
      return new ForbiddenException(details);
    } else if (status == 404) {
      return new NotFoundException(details);
    } else if (status == 409) {
      return new ConflictException(details);
    } else if (status == 429) {
      return new RateLimitException(details, RateLimit.from(name -> first(details.headers(), name), clock.instant()));
    } else if (status >= 500 && status <= 599) {
      return new ServerErrorException(details);
    }
    return new ManagementApiException(details);
  }

  private ErrorResponseDetails details(Response response) {
    Map<String, List<String>> headers = ErrorResponseDetails.lowerCase(response.headers());
    String body = readBounded(response);
    String error = null;
    String errorCode = null;
    String apiMessage = null;
    JsonNode json = parseObject(body);
    if (json != null) {
      error = text(json, "error");
      errorCode = text(json, "errorCode");
      apiMessage = text(json, "message");
    } else if (body != null && !body.isBlank()) {
      apiMessage = excerpt(body, first(headers, "content-type"));
    }
    if (error == null) {
      error = reasonPhrase(response);
    }
    return new ErrorResponseDetails(response.status(), error, errorCode, apiMessage, headers, body);
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
    boolean html = (contentType != null && contentType.toLowerCase().contains("html"))
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
    String lower = text.toLowerCase();
    int start = lower.indexOf(open);
    int end = start < 0 ? -1 : lower.indexOf(close, start);
    return end < 0 ? null : text.substring(start + open.length(), end);
  }

  private static String bound(String text) {
    return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + "…";
  }

  private static String readBounded(Response response) {
    if (response.body() == null) {
      return null;
    }
    try (InputStream in = response.body().asInputStream();
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      char[] buffer = new char[ManagementApiException.MAX_BODY_CHARS];
      int filled = 0;
      int read;
      while (filled < buffer.length && (read = reader.read(buffer, filled, buffer.length - filled)) > 0) {
        filled += read;
      }
      return new String(buffer, 0, filled);
    } catch (IOException e) {
      return null; // the status alone still selects the exception
    }
  }

  private static String reasonPhrase(Response response) {
    if (response.reason() != null && !response.reason().isBlank()) {
      return response.reason();
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

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
