package dev.dirprov.benchmarks;

import dev.dirprov.client.api.DirectoryProvisioningApi;
import dev.dirprov.client.model.UpdateDirectoryProvisioningRequestContent;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;

/**
 * {@code feignFloor}: the generated interface on {@link StockFeign} over the least {@link Client} OkHttp
 * allows, the floor of what a client generated for Feign can cost over the same socket as the others.
 *
 * <p>The client is one shared {@link OkHttpClient} with the settings of {@code floorOkHttp} (10 s connect,
 * 30 s read, no redirects, OkHttp's own retry on a failed connection) and dirprov's pool of 32 idle
 * connections, so that 16 threads never reconnect; it sends the request's body bytes as they are and hands
 * the answer's body to the decoder as a stream. Nothing else: no retries, no typed errors, no call timeout; Feign's
 * per-request {@code Options} are not looked at.
 */
final class FeignFloorContender implements Contender {

  private final OkHttpClient http = new OkHttpClient.Builder()
      .connectTimeout(10, TimeUnit.SECONDS)
      .readTimeout(30, TimeUnit.SECONDS)
      .followRedirects(false)
      .connectionPool(new ConnectionPool(32, 5, TimeUnit.MINUTES))
      .build();
  private final DirectoryProvisioningApi api;
  private final UpdateDirectoryProvisioningRequestContent request = FloorModels.request();

  FeignFloorContender(String baseUrl) {
    this.api = StockFeign.api(new MinimalOkHttpClient(http), baseUrl);
  }

  @Override
  public Object patch() {
    return api.updateDirectoryProvisioning(Payloads.CONNECTION_ID, request);
  }

  @Override
  public void check(Object response) {
    FloorModels.check(response);
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /**
   * Feign's request to OkHttp and OkHttp's answer back, in one pass each. The answer's body is streamed to the
   * decoder: reading it into an array first costs 0.8 KB more per call (measured with {@code Probe}), and
   * OkHttp hands the connection back as soon as the decoder has read the last byte.
   */
  static final class MinimalOkHttpClient implements Client {
    private static final byte[] NO_BODY = new byte[0];

    private final OkHttpClient http;

    MinimalOkHttpClient(OkHttpClient http) {
      this.http = http;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
      okhttp3.Request.Builder builder = new okhttp3.Request.Builder().url(request.url());
      for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
        String name = header.getKey();
        if (name.equalsIgnoreCase("Content-Length")) {
          continue; // OkHttp frames the body itself, and would replace it
        }
        for (String value : header.getValue()) {
          builder.addHeader(name, value); // Content-Type included: the body has no media type of its own
        }
      }
      byte[] body = request.body();
      if (body == null && request.httpMethod().isWithBody()) {
        body = NO_BODY;
      }
      builder.method(request.httpMethod().name(), body == null ? null : RequestBody.create(body, (MediaType) null));
      okhttp3.Response response = http.newCall(builder.build()).execute();
      return Response.builder()
          .status(response.code())
          .reason(response.message())
          .request(request)
          .headers(headers(response.headers()))
          .body(new StreamedBody(response.body()))
          .build();
    }

    /** OkHttp's body as Feign's: read once by the decoder, closed by Feign after decoding. */
    private static final class StreamedBody implements Response.Body {
      private final ResponseBody body;

      StreamedBody(ResponseBody body) {
        this.body = body;
      }

      @Override
      public Integer length() {
        long length = body.contentLength();
        return length >= 0 && length <= Integer.MAX_VALUE ? (int) length : null;
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
        return new InputStreamReader(body.byteStream(), charset);
      }

      @Override
      public void close() {
        body.close();
      }
    }

    private static Map<String, Collection<String>> headers(Headers headers) {
      Map<String, Collection<String>> map = new HashMap<>(headers.size() * 2);
      for (int i = 0; i < headers.size(); i++) {
        String name = headers.name(i);
        Collection<String> values = map.get(name);
        if (values == null) {
          map.put(name, List.of(headers.value(i)));
        } else {
          List<String> more = new ArrayList<>(values);
          more.add(headers.value(i));
          map.put(name, more);
        }
      }
      return map;
    }
  }
}
