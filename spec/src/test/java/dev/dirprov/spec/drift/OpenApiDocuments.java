package dev.dirprov.spec.drift;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads an OpenAPI 3.0 or 3.1 document (JSON or YAML) from a file or an {@code http(s)} URL with swagger-parser.
 * A URL is fetched in bounded time and memory; anything that does not give a document with paths fails with an
 * {@link UnreadableDocumentException} naming the location and the cause.
 *
 * <pre>{@code
 * OpenAPI auth0 = OpenApiDocuments.read("https://auth0.com/docs/api/management/openapi.json",
 *         Duration.ofSeconds(60));
 * }</pre>
 */
final class OpenApiDocuments {

    /** Auth0's whole Management API document is a few MB; anything far larger is not what we asked for. */
    static final int MAX_BYTES = 64 * 1024 * 1024;

    private OpenApiDocuments() {
    }

    /**
     * Reads the document at {@code location}, a file path or an {@code http://}/{@code https://} URL.
     *
     * @param timeout the longest a URL may take to connect and deliver the whole document
     */
    static OpenAPI read(String location, Duration timeout) throws UnreadableDocumentException {
        if (location == null || location.isBlank()) {
            throw new UnreadableDocumentException("no document given (set -Dupstream.spec to a file or a URL)");
        }
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return parse(location, fetch(location, timeout), null);
        }
        Path file = Path.of(location).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new UnreadableDocumentException(location + ": no such file");
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new UnreadableDocumentException(location + ": larger than " + MAX_BYTES + " bytes");
            }
            return parse(location, Files.readString(file, StandardCharsets.UTF_8), file);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UnreadableDocumentException(location + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Parses a document given as text; {@code location} only names it in messages. */
    static OpenAPI parse(String location, String content) throws UnreadableDocumentException {
        return parse(location, content, null);
    }

    private static OpenAPI parse(String location, String content, Path file) throws UnreadableDocumentException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result;
        try {
            result = file != null
                    ? new OpenAPIV3Parser().readLocation(file.toString(), null, options)
                    : new OpenAPIV3Parser().readContents(content, null, options);
        } catch (RuntimeException e) {
            throw new UnreadableDocumentException(location + ": is not an OpenAPI document (" + e + ")", e);
        }
        OpenAPI document = result == null ? null : result.getOpenAPI();
        List<String> messages = result == null || result.getMessages() == null ? List.of() : result.getMessages();
        if (document == null || document.getOpenapi() == null) {
            throw new UnreadableDocumentException(location + ": is not an OpenAPI 3 document"
                    + (messages.isEmpty() ? "" : " (" + String.join("; ", head(messages)) + ")"));
        }
        if (document.getPaths() == null || document.getPaths().isEmpty()) {
            throw new UnreadableDocumentException(location + ": describes no paths"
                    + (messages.isEmpty() ? "" : " (" + String.join("; ", head(messages)) + ")"));
        }
        return document;
    }

    private static List<String> head(List<String> messages) {
        return messages.size() <= 5 ? messages : messages.subList(0, 5);
    }

    private static String fetch(String url, Duration timeout) throws UnreadableDocumentException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new UnreadableDocumentException(url + ": not a URL (" + e.getMessage() + ")", e);
        }
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json, application/yaml;q=0.9, */*;q=0.1")
                .GET()
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<HttpResponse<InputStream>> sent =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response = await(url, sent, deadline, timeout);
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new UnreadableDocumentException("GET " + url + " answered " + response.statusCode()
                        + ", not 200 with the document");
            }
            CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> readBounded(body));
            try {
                return new String(await(url, read, deadline, timeout), StandardCharsets.UTF_8);
            } catch (UnreadableDocumentException e) {
                read.cancel(true);
                throw e;
            }
        } catch (IOException e) {
            throw new UnreadableDocumentException("GET " + url + " failed while reading the body: " + e, e);
        }
    }

    private static <T> T await(String url, CompletableFuture<T> future, long deadline, Duration timeout)
            throws UnreadableDocumentException {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new UnreadableDocumentException("GET " + url + " did not deliver the document within "
                    + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableDocumentException("GET " + url + " was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw new UnreadableDocumentException("GET " + url + " did not answer within " + timeout, cause);
            }
            if (cause instanceof TooLargeException) {
                throw new UnreadableDocumentException("GET " + url + ": the document is larger than "
                        + MAX_BYTES + " bytes", cause);
            }
            throw new UnreadableDocumentException("GET " + url + " failed: " + cause, cause);
        }
    }

    private static byte[] readBounded(InputStream in) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) != -1; ) {
                if (out.size() + n > MAX_BYTES) {
                    throw new TooLargeException();
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final class TooLargeException extends RuntimeException {
        TooLargeException() {
            super(null, null, false, false);
        }
    }
}
