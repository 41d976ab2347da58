package dev.dirprov.client;

import feign.Client;
import feign.Request;
import feign.Request.ProtocolVersion;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;

/**
 * Sends Feign's requests with OkHttp, each attempt bounded by what is left of the call's {@link CallDeadline}.
 *
 * <pre>{@code
 * Feign.builder().client(new OkHttpTransport(okHttpClient, deadline))
 * }</pre>
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

  private final OkHttpClient http;
  private final CallDeadline deadline;

  OkHttpTransport(OkHttpClient http, CallDeadline deadline) {
    this.http = http;
    this.deadline = deadline;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    long timeoutNanos = deadline.attemptTimeout().toNanos();
    Call call = clientFor(options).newCall(okHttpRequest(request));
    call.timeout().timeout(timeoutNanos, TimeUnit.NANOSECONDS);
    okhttp3.Response response = call.execute();
    return Response.builder()
        .protocolVersion(protocolVersion(response.protocol()))
        .status(response.code())
        .reason(response.message())
        .request(request)
        .headers(headers(response.headers()))
        .body(body(response.body()))
        .build();
  }

  private static okhttp3.Request okHttpRequest(Request request) {
    okhttp3.Request.Builder builder = new okhttp3.Request.Builder().url(request.url());
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
    if (http.connectTimeoutMillis() == options.connectTimeoutMillis()
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
