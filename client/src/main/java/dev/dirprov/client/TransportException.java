package dev.dirprov.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Thrown when no complete response arrived: the connection was refused, reset or timed out. Its
 * {@link #kind()} says which, and its message says where (method and URL, without any query).
 *
 * <pre>{@code
 * try {
 *   api.updateDirectoryProvisioning(id, changes);
 * } catch (TransportException e) {
 *   // "Read timed out: PATCH https://acme.eu.auth0.com/api/v2/connections/con_0aB1cD2eF3gH4iJ5/
 *   //  directory-provisioning (SocketTimeoutException: timeout)"
 *   if (e.kind() == TransportException.Kind.CONNECTION_REFUSED) {
 *     failover();
 *   }
 * }
 * }</pre>
 *
 * <p>It is thrown once retries (if any) are used up; {@link #statusCode()} is {@code 0} and the
 * {@link IOException} is the cause.
 */
public final class TransportException extends ManagementApiException {

  private static final long serialVersionUID = 1L;

  /** What went wrong on the connection. */
  public enum Kind {
    /** Nothing listens at the address, or a firewall refused the connection. */
    CONNECTION_REFUSED("Connection refused"),
    /** The connection was not established within {@code connectTimeout}. */
    CONNECT_TIMEOUT("Connect timed out"),
    /** The server sent nothing for {@code readTimeout}: no headers, or a stalled body. */
    READ_TIMEOUT("Read timed out"),
    /** The call reached its {@code callTimeout}: a slow or trickling response, or retries that ran out of time. */
    CALL_TIMEOUT("Call timed out"),
    /** The server reset or closed the connection before the response was complete. */
    CONNECTION_RESET("Connection reset"),
    /** The host name could not be resolved. */
    UNKNOWN_HOST("Unknown host"),
    /** The TLS handshake or session failed. */
    TLS("TLS failure"),
    /** Any other I/O failure. */
    OTHER("I/O failure");

    private final String description;

    Kind(String description) {
      this.description = description;
    }
  }

  /** Which failure it was. */
  private final Kind kind;
  /** The HTTP method of the failed request. */
  private final String method;
  /** The URL of the failed request, without query or user info. */
  private final String url;

  private TransportException(Kind kind, String method, String url, IOException cause) {
    super(kind.description + ": " + method + " " + url + " (" + cause.getClass().getSimpleName() + ": "
        + cause.getMessage() + ")", ErrorResponseDetails.none(), cause);
    this.kind = kind;
    this.method = method;
    this.url = url;
  }

  /** A transport failure of {@code method url}; the query and any user info are left out of the URL. */
  static TransportException of(String method, String url, IOException cause) {
    return new TransportException(kindOf(cause), method == null ? "?" : method, withoutSecrets(url), cause);
  }

  /**
   * Which failure it was.
   *
   * @return the kind of failure
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The HTTP method of the request that failed.
   *
   * @return the method, such as {@code PATCH}
   */
  public String method() {
    return method;
  }

  /**
   * The URL of the request that failed, without its query or any user info.
   *
   * @return the URL
   */
  public String url() {
    return url;
  }

  static Kind kindOf(IOException failure) {
    if (failure instanceof SocketTimeoutException) {
      String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
      return message.contains("connect") ? Kind.CONNECT_TIMEOUT : Kind.READ_TIMEOUT;
    }
    if (failure instanceof InterruptedIOException) {
      return Kind.CALL_TIMEOUT; // OkHttp's call timeout; socket timeouts were handled above
    }
    if (failure instanceof ConnectException) {
      return Kind.CONNECTION_REFUSED;
    }
    if (failure instanceof UnknownHostException) {
      return Kind.UNKNOWN_HOST;
    }
    if (failure instanceof SSLException) {
      return Kind.TLS;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SocketException || t instanceof EOFException
          || String.valueOf(t.getMessage()).contains("unexpected end of stream")
          || t.getClass().getSimpleName().equals("StreamResetException")) {
        return Kind.CONNECTION_RESET;
      }
    }
    return Kind.OTHER;
  }

  private static String withoutSecrets(String url) {
    if (url == null) {
      return "?";
    }
    int end = url.length();
    for (char c : new char[] {'?', '#'}) {
      int at = url.indexOf(c);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    String bare = url.substring(0, end);
    int scheme = bare.indexOf("://");
    int at = bare.indexOf('@');
    int path = scheme < 0 ? -1 : bare.indexOf('/', scheme + 3);
    if (scheme >= 0 && at > scheme && (path < 0 || at < path)) {
      bare = bare.substring(0, scheme + 3) + bare.substring(at + 1);
    }
    return bare;
  }
}
