package dev.dirprov.contract.publish;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small stand-in for a Pact Broker on 127.0.0.1 (ephemeral port): a HAL index that links
 * {@code pb:publish-contracts}, and a publish endpoint that answers as the broker does. It records every
 * request it receives, so a test can check what a broker would have been told.
 *
 * <pre>{@code
 * try (StandInPactBroker broker = StandInPactBroker.start()) {
 *     ... publish to broker.url() ...
 *     broker.requests(); // [GET /, POST /contracts/publish]
 * }
 * }</pre>
 */
final class StandInPactBroker implements AutoCloseable {

    /**
     * One request as the broker received it.
     *
     * @param method the HTTP method
     * @param path the path and query
     * @param headers the headers, names in lower case, first value each
     * @param body the body as text
     */
    record Received(String method, String path, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Received> requests = new ArrayList<>();
    private volatile boolean offersPublishContracts = true;
    private volatile int publishStatus = 200;

    private StandInPactBroker(HttpServer server) {
        this.server = server;
    }

    static StandInPactBroker start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        StandInPactBroker broker = new StandInPactBroker(server);
        server.createContext("/", broker::handle);
        server.start();
        return broker;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Makes the index look like a broker older than 2.86, without {@code pb:publish-contracts}. */
    void withoutPublishContracts() {
        offersPublishContracts = false;
    }

    /** Makes the publish endpoint answer with {@code status} (a 401 for a wrong token, say). */
    void answerPublishWith(int status) {
        publishStatus = status;
    }

    List<Received> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
                values.get(0)));
        synchronized (requests) {
            requests.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers,
                    body));
        }
        String path = exchange.getRequestURI().getPath();
        if ("GET".equals(exchange.getRequestMethod()) && "/".equals(path)) {
            String links = offersPublishContracts
                    ? "\"pb:publish-contracts\": {\"href\": \"" + url() + "/contracts/publish\","
                            + " \"title\": \"Publish contracts\"},"
                    : "";
            answer(exchange, 200, "{\"_links\": {" + links + " \"pb:latest-version\": {\"href\": \"" + url()
                    + "/pacticipants/{pacticipant}/latest-version\", \"templated\": true}}}");
        } else if ("POST".equals(exchange.getRequestMethod()) && "/contracts/publish".equals(path)) {
            answer(exchange, publishStatus, publishStatus == 200
                    ? "{\"notices\": [{\"type\": \"success\", \"text\": \"Created pact (stand-in broker)\"}],"
                            + " \"_embedded\": {}, \"_links\": {}}"
                    : "{\"error\": {\"message\": \"stand-in broker says no\"}}");
        } else {
            answer(exchange, 404, "{\"error\": {\"message\": \"no such resource\"}}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/hal+json;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
