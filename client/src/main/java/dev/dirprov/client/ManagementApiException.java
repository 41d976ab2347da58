package dev.dirprov.client;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The root of every exception the client throws for a failed call: an error status from the Management API,
 * a response that could not be decoded ({@link ResponseDecodeException}), a transport failure
 * ({@link TransportException}) or a token that could not be obtained ({@link TokenException}).
 *
 * <pre>{@code
 * try {
 *   api.updateDirectoryProvisioning(id, changes);
 * } catch (NotFoundException e) {
 *   // the connection or its configuration does not exist
 * } catch (ManagementApiException e) {
 *   log.warn("PATCH failed: {}", e.getMessage()); // "403 Forbidden (insufficient_scope): Insufficient scope, ..."
 * }
 * }</pre>
 *
 * <p>{@link #getMessage()} names the status, the reason, Auth0's error code and message. The raw body (bounded
 * to {@value #MAX_BODY_CHARS} characters) and the response headers stay reachable. Subclasses exist for each
 * documented status; this class itself is thrown for any other status.
 */
public class ManagementApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The most characters of a response body kept by an exception. */
  public static final int MAX_BODY_CHARS = 16 * 1024;

  /** The HTTP status, 0 without a response. */
  private final int statusCode;
  /** The reason, as Auth0's body or the status line gives it. */
  private final String error;
  /** Auth0's machine-readable error code, if any. */
  private final String errorCode;
  /** Auth0's message, or an excerpt of a body that was not Auth0 JSON. */
  private final String apiMessage;
  private final transient Map<String, List<String>> headers;
  /** The bounded raw body. */
  private final String body;

  /**
   * Creates an exception for an HTTP error response.
   *
   * @param response what the server answered
   */
  ManagementApiException(ErrorResponseDetails response) {
    this(response.message(), response, null);
  }

  ManagementApiException(String message, ErrorResponseDetails response, Throwable cause) {
    super(message, cause);
    this.statusCode = response.statusCode();
    this.error = response.error();
    this.errorCode = response.errorCode();
    this.apiMessage = response.apiMessage();
    this.headers = response.headers();
    this.body = response.body();
  }

  /**
   * The HTTP status code, or {@code 0} when no response was received.
   *
   * @return the status code
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The HTTP reason as Auth0 names it in the body's {@code error} field (such as {@code Forbidden}), or the
   * standard reason phrase when the body has none.
   *
   * @return the reason, or {@code null} when no response was received
   */
  public String error() {
    return error;
  }

  /**
   * Auth0's machine-readable {@code errorCode} (such as {@code insufficient_scope}); not every error has one.
   *
   * @return the error code, or {@code null}
   */
  public String errorCode() {
    return errorCode;
  }

  /**
   * Auth0's {@code message} from the error body, or a bounded excerpt of a body that was not Auth0 JSON.
   *
   * @return the message, or {@code null} when the response had no body
   */
  public String apiMessage() {
    return apiMessage;
  }

  /**
   * The response headers, with lower-case names.
   *
   * @return an unmodifiable map, empty when no response was received
   */
  public Map<String, List<String>> headers() {
    return headers == null ? Map.of() : headers;
  }

  /**
   * The first value of a response header.
   *
   * @param name the header name, in any case
   * @return the value, or {@code null} when absent
   */
  public String header(String name) {
    List<String> values = headers().get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * The raw response body as text, cut at {@value #MAX_BODY_CHARS} characters.
   *
   * @return the body, or {@code null} when there was none
   */
  public String body() {
    return body;
  }

  /** What an error response consisted of, gathered by the error decoder. */
  record ErrorResponseDetails(int statusCode, String error, String errorCode, String apiMessage,
      Map<String, List<String>> headers, String body) {

    static ErrorResponseDetails none() {
      return new ErrorResponseDetails(0, null, null, null, Map.of(), null);
    }

    /** {@code 403 Forbidden (insufficient_scope): Insufficient scope, ...}. */
    String message() {
      StringBuilder message = new StringBuilder().append(statusCode);
      if (error != null) {
        message.append(' ').append(error);
      }
      if (errorCode != null) {
        message.append(" (").append(errorCode).append(')');
      }
      if (apiMessage != null && !apiMessage.isEmpty()) {
        message.append(": ").append(apiMessage);
      }
      return message.toString();
    }

    static Map<String, List<String>> lowerCase(Map<String, Collection<String>> headers) {
      Map<String, List<String>> copy = new TreeMap<>();
      headers.forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
      return Collections.unmodifiableMap(copy);
    }
  }
}
