package dev.dirprov.client;

import feign.Client;
import feign.Request;
import feign.Request.ProtocolVersion;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.Proxy;
import java.time.Duration;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;

/**
 * Sends Feign's requests, and the token requests, with OkHttp, each attempt bounded by what is left of the
 * call's {@link CallDeadline}; an I/O failure leaves it as a {@link TransportException} shaped by
 * {@link Failures}.
 *
 * <pre>{@code
 * Feign.builder().client(new OkHttpTransport(callersClientOrNull, proxyOrNull, connectTimeout, readTimeout,
 *     deadline, failures))
 * }</pre>
 *
 * <p>It runs on a client of its own, or on one derived with {@code newBuilder()} from the caller's (sharing its
 * connection pool, dispatcher, interceptors, proxy and TLS settings); either way its own rules hold: the
 * builder's connect and read timeouts, the call deadline per attempt, no redirects followed and no silent retry
 * by OkHttp. Only a client of its own is released by {@link #close()}.
 *
 * <p>A pooled keep-alive connection that the server (or a load balancer) closed while idle fails the next
 * request sent on it before any response arrives. Such a failure, on a reused connection only and never on a
 * timeout, is repeated at once on a fresh connection: the request never reached a server that processes it, so
 * this costs no wait and none of the retries. OkHttp's own silent retry stays off, since it would also repeat
 * requests that failed on fresh connections after they were sent. A network interceptor tells reused
 * connections from new ones (a connection it has seen before is reused), so that a caller's event listener
 * stays in place.
 *
 * <p>It sends what {@code feign.okhttp.OkHttpClient} sends: every header as given, the body typed by its
 * {@code Content-Type}, {@code Accept: *}{@code /*} when no {@code Accept} is given, and an empty response
 * body closed at once. It differs in cost, measured in BENCHMARKS.md: one shared OkHttp client whose call
 * timeout is set per call (instead of a client derived per attempt), and requests and responses converted in
 * one pass (feign-okhttp parses every request's {@code Content-Type}, copies the response headers through a
 * sorted multimap and builds each response twice).
 */
final class OkHttpTransport implements Client {

  private static final String JSON = "application/json";
  private static final MediaType JSON_TYPE = MediaType.get(JSON);

  /** Idle keep-alive connections a client keeps, each for up to 5 minutes. */
  private static final int MAX_IDLE_CONNECTIONS = 32;

  private final OkHttpClient http;
  private final boolean ownClient;
  private final CallDeadline deadline;
  private final Failures failures;

  /**
   * @param callers the caller's client to derive from, or null for a client of its own
   * @param proxy the proxy of every request, or null to keep the client's
   */
  OkHttpTransport(OkHttpClient callers, Proxy proxy, Duration connectTimeout, Duration readTimeout,
      CallDeadline deadline, Failures failures) {
    // OkHttp keeps 5 idle connections by default: a client shared by more threads would keep reconnecting.
    OkHttpClient.Builder builder = callers != null ? callers.newBuilder()
        : new OkHttpClient.Builder().connectionPool(new ConnectionPool(MAX_IDLE_CONNECTIONS, 5, TimeUnit.MINUTES));
    if (proxy != null) {
      builder.proxy(proxy);
    }
    this.http = builder
        .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .retryOnConnectionFailure(false) // the retryer alone retries, within its budget; stale connections: below
        .followRedirects(false)
        .followSslRedirects(false)
        .addNetworkInterceptor(new FreshConnections.Seen())
        .build();
    this.ownClient = callers == null;
    this.deadline = deadline;
    this.failures = failures;
  }

  /** Releases the idle connections and threads of a client of its own; a caller's client is left as it is. */
  void close() {
    if (ownClient) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Override
  public Response execute(Request request, Request.Options options) {
    try {
      Response response = exchange(request, options);
      CallDeadline.responded(response.status());
      return response;
    } catch (TransportException e) {
      throw Failures.carry(e, request);
    }
  }

  /** Sends one request within the call's deadline; the response body is the caller's to read and close. */
  Response exchange(Request request, Request.Options options) {
    OkHttpClient client = clientFor(options);
    okhttp3.Response response;
    try {
      FreshConnections attempt = new FreshConnections();
      try {
        response = call(client, okHttpRequest(request, attempt));
      } catch (IOException e) {
        if (!attempt.failedOnReusedConnection(e)) {
          throw e;
        }
        // Idle connections as old as the failed one are likely closed as well.
        client.connectionPool().evictAll();
        response = call(client, okHttpRequest(request, new FreshConnections()));
      }
    } catch (IOException e) {
      throw failures.transport(request, e);
    }
    return Response.builder()
        .protocolVersion(protocolVersion(response.protocol()))
        .status(response.code())
        .reason(response.message())
        .request(request)
        .headers(headers(response.headers()))
        .body(body(response.body()))
        .build();
  }

  private okhttp3.Response call(OkHttpClient client, okhttp3.Request request) throws IOException {
    Call call = client.newCall(request);
    call.timeout().timeout(deadline.attemptTimeout().toNanos(), TimeUnit.NANOSECONDS);
    return call.execute();
  }

  /** Tells, per attempt, whether the request went out on a connection that had carried requests before. */
  private static final class FreshConnections {
    /**
     * The network interceptor that notes, per attempt, whether its connection was seen before. Connections are
     * kept in a concurrent map, so that a call on a known connection takes no lock (a synchronized map was a
     * point of contention with 16 threads, BENCHMARKS.md); closed connections are dropped from it whenever it
     * holds more than {@value #PRUNE_ABOVE} and another connection is added, so it never outgrows the
     * connections that are open.
     */
    static final class Seen implements Interceptor {
      static final int PRUNE_ABOVE = 64;

      private final Map<Connection, Boolean> seen = new ConcurrentHashMap<>();

      @Override
      public okhttp3.Response intercept(Chain chain) throws IOException {
        FreshConnections attempt = chain.request().tag(FreshConnections.class);
        Connection connection = chain.connection();
        if (attempt != null && connection != null) {
          boolean reused = seen.get(connection) != null || seen.putIfAbsent(connection, Boolean.TRUE) != null;
          attempt.reused = reused;
          if (!reused && seen.size() > PRUNE_ABOVE) {
            seen.keySet().removeIf(known -> known.socket().isClosed());
          }
        }
        return chain.proceed(chain.request());
      }
    }

    private volatile boolean reused;

    /** A failure of a reused connection before the response head: not a timeout. */
    boolean failedOnReusedConnection(IOException e) {
      return reused && !(e instanceof InterruptedIOException);
    }
  }

  private static okhttp3.Request okHttpRequest(Request request, FreshConnections attempt) {
    okhttp3.Request.Builder builder = new okhttp3.Request.Builder().url(request.url())
        .tag(FreshConnections.class, attempt);
    boolean withBody = request.httpMethod().isWithBody();
    MediaType contentType = null;
    boolean accept = false;
    for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
      String name = header.getKey();
      boolean isContentType = name.equalsIgnoreCase("Content-Type");
      accept |= name.equalsIgnoreCase("Accept");
      for (String value : header.getValue()) {
        if (isContentType) {
          contentType = JSON.equals(value) ? JSON_TYPE : MediaType.parse(value);
          if (withBody) {
            continue; // OkHttp sends it from the body's type
          }
        }
        builder.addHeader(name, value);
      }
    }
    if (!accept) {
      builder.addHeader("Accept", "*/*");
    }
    byte[] body = request.body();
    if (body == null && withBody) {
      body = new byte[0];
    }
    return builder.method(request.httpMethod().name(), body == null ? null : RequestBody.create(body, contentType))
        .build();
  }

  /** The shared client, unless a request asks for other timeouts than the builder's (none does today). */
  private OkHttpClient clientFor(Request.Options options) {
    if (options == null || http.connectTimeoutMillis() == options.connectTimeoutMillis()
        && http.readTimeoutMillis() == options.readTimeoutMillis()
        && http.followRedirects() == options.isFollowRedirects()) {
      return http;
    }
    return http.newBuilder()
        .connectTimeout(options.connectTimeoutMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(options.readTimeoutMillis(), TimeUnit.MILLISECONDS)
        .followRedirects(options.isFollowRedirects())
        .build();
  }

  private static ProtocolVersion protocolVersion(okhttp3.Protocol protocol) {
    switch (protocol) {
      case HTTP_1_0:
        return ProtocolVersion.HTTP_1_0;
      case HTTP_1_1:
        return ProtocolVersion.HTTP_1_1;
      case HTTP_2:
        return ProtocolVersion.HTTP_2;
      default:
        return null; // as feign-okhttp: Feign has no name for the others
    }
  }

  private static Map<String, Collection<String>> headers(Headers headers) {
    Map<String, Collection<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      map.computeIfAbsent(headers.name(i), name -> new ArrayList<>(1)).add(headers.value(i));
    }
    return map;
  }

  private static Response.Body body(ResponseBody body) {
    if (body == null) {
      return null;
    }
    long length = body.contentLength();
    if (length == 0) {
      body.close();
      return null;
    }
    Integer knownLength = length > 0 && length <= Integer.MAX_VALUE ? (int) length : null;
    return new Response.Body() {
      @Override
      public Integer length() {
        return knownLength;
      }

      @Override
      public boolean isRepeatable() {
        return false;
      }

      @Override
      public InputStream asInputStream() {
        return body.byteStream();
      }

      @Override
      @SuppressWarnings("deprecation") // the interface's own deprecation
      public Reader asReader() {
        return body.charStream();
      }

      @Override
      public Reader asReader(Charset charset) {
        return body.charStream(); // as feign-okhttp: OkHttp reads the charset from the response
      }

      @Override
      public void close() {
        body.close();
      }
    };
  }
}
