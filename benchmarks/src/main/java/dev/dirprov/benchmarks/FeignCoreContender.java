package dev.dirprov.benchmarks;

import dev.dirprov.client.api.DirectoryProvisioningApi;
import dev.dirprov.client.model.UpdateDirectoryProvisioningRequestContent;
import feign.Client;
import feign.Request;
import feign.Response;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * {@code feignCore}: the generated interface on {@link StockFeign} with a {@link Client} that answers in
 * memory, so that a call is Feign's own per-call work plus Jackson's, with no socket and no HTTP library.
 *
 * <p>The in-memory client does what {@link StubServer} does to each request (the request line must be the
 * PATCH, a bearer token must be present, the body must have its {@code Content-Length}; otherwise a 400) and
 * answers with the same 200: the same body bytes, shared and never copied, and the same headers. Its figures
 * belong to the allocation and CPU columns only: it has no latency, throughput or cold start of a call.
 */
final class FeignCoreContender implements Contender {

  private final InMemoryServer server;
  private final DirectoryProvisioningApi api;
  private final UpdateDirectoryProvisioningRequestContent request = FloorModels.request();

  FeignCoreContender(String baseUrl) {
    this.server = new InMemoryServer(baseUrl + "/connections/" + Payloads.CONNECTION_ID + "/directory-provisioning");
    this.api = StockFeign.api(server, baseUrl);
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
  public RequestCapture requests(StubServer ignored) {
    return server;
  }

  /** Answers every valid PATCH with the stub server's 200, from memory. */
  static final class InMemoryServer implements Client, RequestCapture {

    private static final Map<String, Collection<String>> HEADERS = Map.of(
        "Content-Type", List.of("application/json; charset=utf-8"),
        "Content-Length", List.of(String.valueOf(Payloads.RESPONSE_BYTES.length)),
        "x-ratelimit-limit", List.of("50"),
        "x-ratelimit-remaining", List.of("49"),
        "x-ratelimit-reset", List.of("1796047331"),
        "Cache-Control", List.of("no-cache"));
    private static final byte[] BAD_REQUEST = "{\"statusCode\":400,\"error\":\"Bad Request\"}"
        .getBytes(StandardCharsets.UTF_8);

    private final String url;
    private volatile boolean capture;
    private volatile byte[] captured;

    InMemoryServer(String url) {
      this.url = url;
    }

    @Override
    public Response execute(Request request, Request.Options options) {
      byte[] body = request.body();
      if (capture) {
        captured = body;
        capture = false;
      }
      boolean valid = request.httpMethod() == Request.HttpMethod.PATCH
          && request.url().equals(url)
          && body != null
          && contentLength(first(request, "Content-Length")) == body.length
          && bearer(first(request, "Authorization"));
      return Response.builder()
          .status(valid ? 200 : 400)
          .reason(valid ? "OK" : "Bad Request")
          .request(request)
          .headers(HEADERS)
          .body(new StockFeign.BytesBody(valid ? Payloads.RESPONSE_BYTES : BAD_REQUEST))
          .build();
    }

    private static String first(Request request, String header) {
      Collection<String> values = request.headers().get(header);
      return values == null || values.isEmpty() ? null : values.iterator().next();
    }

    private static int contentLength(String value) {
      try {
        return value == null ? -1 : Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    private static boolean bearer(String authorization) {
      return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
          && authorization.length() > 7;
    }

    @Override
    public void captureNext() {
      captured = null;
      capture = true;
    }

    @Override
    public byte[] takeCaptured() {
      return captured;
    }
  }
}
