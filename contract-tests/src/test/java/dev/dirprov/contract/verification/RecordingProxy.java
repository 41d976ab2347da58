package dev.dirprov.contract.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A proxy on 127.0.0.1 that forwards the client's requests to a real API and records each exchange as the
 * wire carried it, so that real answers can be validated against the spec like pact interactions.
 *
 * <pre>{@code
 * try (RecordingProxy proxy = RecordingProxy.forwardingTo("https://acme.eu.auth0.com/api/v2")) {
 *   DirectoryProvisioningClient.builder().baseUrl(proxy.baseUrl()).token(token).build().getDirectoryProvisioning(id);
 *   List<Finding> findings = PactSpecValidator.forPublishedSpec().validate(proxy.pactOf(proxy.exchanges()));
 * }
 * }</pre>
 *
 * <p>The access token is forwarded but never recorded: the recording carries {@code Bearer <redacted>}.
 */
final class RecordingProxy implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The request headers the client's calls depend on; hop-by-hop and transport headers are the proxy's own. */
  private static final List<String> FORWARDED = List.of("Authorization", "Content-Type", "Accept");
  private static final Set<String> NOT_RETURNED = Set.of("connection", "content-length", "transfer-encoding",
      "keep-alive", "content-encoding", "date");

  private final HttpServer server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String upstream;
  private final List<ObjectNode> exchanges = new ArrayList<>();

  private RecordingProxy(String upstream) throws IOException {
    this.upstream = upstream.endsWith("/") ? upstream.substring(0, upstream.length() - 1) : upstream;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::forward);
    server.start();
  }

  /** A started proxy to {@code upstream}, such as {@code https://acme.eu.auth0.com/api/v2}. */
  static RecordingProxy forwardingTo(String upstream) throws IOException {
    return new RecordingProxy(upstream);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every exchange so far, in order, each as a V4 pact interaction. */
  synchronized List<ObjectNode> exchanges() {
    return List.copyOf(exchanges);
  }

  /** A V4 pact of some recorded exchanges, for {@link PactSpecValidator#validate(String)}. */
  static String pactOf(List<ObjectNode> interactions) {
    ObjectNode pact = JSON.createObjectNode();
    pact.putObject("consumer").put("name", "dirprov-client");
    pact.putObject("provider").put("name", "auth0-management-api");
    pact.putArray("interactions").addAll(interactions);
    pact.putObject("metadata").putObject("pactSpecification").put("version", "4.0");
    return pact.toString();
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      URI uri = exchange.getRequestURI();
      byte[] requestBody = exchange.getRequestBody().readAllBytes();
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + uri.getRawPath()
              + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
          .timeout(Duration.ofSeconds(25))
          .method(method, requestBody.length == 0
              ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(requestBody));
      ObjectNode interaction = JSON.createObjectNode().put("type", "Synchronous/HTTP")
          .put("description", "the live " + method + " " + uri.getRawPath());
      ObjectNode recordedRequest = interaction.putObject("request").put("method", method)
          .put("path", URLDecoder.decode(uri.getRawPath(), StandardCharsets.UTF_8));
      query(uri.getRawQuery(), recordedRequest);
      for (String name : FORWARDED) {
        for (String value : exchange.getRequestHeaders().getOrDefault(name, List.of())) {
          request.header(name, value);
          recordedRequest.withObject("/headers").withArray(name)
              .add(name.equals("Authorization") ? redacted(value) : value);
        }
      }
      body(requestBody, exchange.getRequestHeaders().getFirst("Content-Type"), recordedRequest);
      HttpResponse<byte[]> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException | InterruptedException e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        // Not an answer of the API: the client gets a 502 that says so, and nothing is recorded.
        byte[] reason = ("The recording proxy could not reach " + upstream + ": " + e)
            .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(502, reason.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(reason);
        }
        return;
      }
      ObjectNode recordedResponse = interaction.putObject("response").put("status", response.statusCode());
      for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
        String name = header.getKey();
        if (name.startsWith(":") || NOT_RETURNED.contains(name.toLowerCase(Locale.ROOT))) {
          continue;
        }
        header.getValue().forEach(value -> {
          exchange.getResponseHeaders().add(name, value);
          recordedResponse.withObject("/headers").withArray(name).add(value);
        });
      }
      body(response.body(), response.headers().firstValue("Content-Type").orElse(null), recordedResponse);
      synchronized (this) {
        exchanges.add(interaction);
      }
      exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body());
      }
    }
  }

  private static String redacted(String authorization) {
    return authorization.regionMatches(true, 0, "Bearer ", 0, 7) && authorization.length() > 7
        ? "Bearer <redacted>" : "<redacted, not a bearer token>";
  }

  private static void query(String rawQuery, ObjectNode request) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      request.withObject("/query").withArray(name).add(value);
    }
  }

  /** A V4 pact body: JSON as JSON, anything else as text. */
  private static void body(byte[] bytes, String contentType, ObjectNode message) {
    if (bytes.length == 0) {
      return;
    }
    ObjectNode body = message.putObject("body").put("encoded", false)
        .put("contentType", contentType == null ? "application/octet-stream" : contentType);
    String text = new String(bytes, StandardCharsets.UTF_8);
    try {
      JsonNode json = contentType != null && contentType.contains("json") ? JSON.readTree(text) : null;
      if (json != null) {
        body.set("content", json);
        return;
      }
    } catch (IOException notJson) {
      // recorded as text: the validator reports a body that is not the JSON the spec describes
    }
    body.put("content", text);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
