package dev.dirprov.contract.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes pact files to a Pact Broker or PactFlow through the broker's "publish contracts" API: it reads the
 * HAL index, follows {@code pb:publish-contracts} and posts every pact with the consumer version, branch and
 * build URL in one request (Pact Broker 2.86 and later, PactFlow).
 *
 * <pre>{@code
 * List<String> notices = new PactBroker(URI.create("https://acme.pactflow.io"), "Bearer " + token,
 *         Duration.ofSeconds(30)).publish(List.of(pactFile), publication);
 * }</pre>
 *
 * <p>Every request has a timeout; the credential goes only into the {@code Authorization} header, never into a
 * message.
 */
final class PactBroker {

    static final String PUBLISH_CONTRACTS = "pb:publish-contracts";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 1 << 20;

    private final URI base;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param authorization the whole {@code Authorization} header value ({@code Bearer ...} or {@code Basic ...}),
     *     or {@code null} for a broker without authentication
     */
    PactBroker(URI base, String authorization, Duration timeout) {
        this.base = base;
        this.authorization = authorization;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** Publishes the pacts; returns the broker's notices (what it recorded, links to the pacts). */
    List<String> publish(List<Path> pacts, PactPublication publication) throws PublishException {
        if (pacts.isEmpty()) {
            throw new PublishException("no pact files to publish");
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode contracts = JSON.createArrayNode();
        String consumer = null;
        for (Path pact : pacts) {
            byte[] content;
            JsonNode parsed;
            try {
                content = Files.readAllBytes(pact);
                parsed = JSON.readTree(content);
            } catch (IOException e) {
                throw new PublishException(pact + ": cannot be read as a pact (" + e.getMessage() + ")", e);
            }
            String consumerName = parsed.path("consumer").path("name").asText("");
            String providerName = parsed.path("provider").path("name").asText("");
            if (consumerName.isEmpty() || providerName.isEmpty()) {
                throw new PublishException(pact + ": is not a pact (no consumer.name or provider.name)");
            }
            if (consumer != null && !consumer.equals(consumerName)) {
                throw new PublishException("the pacts have two consumers, " + consumer + " and " + consumerName);
            }
            consumer = consumerName;
            contracts.addObject()
                    .put("consumerName", consumerName)
                    .put("providerName", providerName)
                    .put("specification", "pact")
                    .put("contentType", "application/json")
                    .put("content", Base64.getEncoder().encodeToString(content));
        }
        body.put("pacticipantName", consumer);
        body.put("pacticipantVersionNumber", publication.consumerVersion());
        body.put("branch", publication.branch());
        if (publication.buildUrl() != null) {
            body.put("buildUrl", publication.buildUrl());
        }
        body.set("contracts", contracts);

        URI publishUri = publishContractsLink();
        JsonNode answer = send(HttpRequest.newBuilder(publishUri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)), publishUri);
        List<String> notices = new ArrayList<>();
        answer.path("notices").forEach(notice -> notices.add(notice.path("text").asText()));
        return notices;
    }

    private URI publishContractsLink() throws PublishException {
        URI index = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
        JsonNode links = send(HttpRequest.newBuilder(index).GET(), index).path("_links");
        String href = links.path(PUBLISH_CONTRACTS).path("href").asText("");
        if (href.isEmpty()) {
            throw new PublishException("the broker at " + base + " offers no " + PUBLISH_CONTRACTS
                    + " link: publishing needs Pact Broker 2.86.0 or later, or PactFlow");
        }
        return index.resolve(href);
    }

    private JsonNode send(HttpRequest.Builder request, URI uri) throws PublishException {
        request.timeout(timeout).header("Accept", "application/hal+json, application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpRequest built = request.build();
        String what = built.method() + " " + uri;
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<InputStream> response =
                await(what, http.sendAsync(built, HttpResponse.BodyHandlers.ofInputStream()), deadline);
        String text;
        try (InputStream body = response.body()) {
            CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
                try {
                    return body.readNBytes(MAX_BODY);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            text = new String(await(what, read, deadline), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PublishException(what + " failed while reading the answer: " + e.getMessage(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new PublishException(what + " answered " + response.statusCode() + ": "
                    + (text.length() > 500 ? text.substring(0, 500) + "..." : text));
        }
        try {
            return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new PublishException(what + " answered " + response.statusCode() + " with a body that is not JSON",
                    e);
        }
    }

    private <T> T await(String what, CompletableFuture<T> future, long deadline) throws PublishException {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new PublishException(what + " did not answer within " + timeout, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                throw new PublishException(what + " did not answer within " + timeout, e.getCause());
            }
            throw new PublishException(what + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException(what + " was interrupted", e);
        }
    }
}
