package dev.dirprov.client;

import feign.Logger;
import feign.Request;
import feign.Response;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Feign's request and response log, at any {@link Logger.Level}, with credentials taken out: the
 * {@code Authorization} header is logged as {@code <redacted>}, cookies are left out, and any
 * {@code Bearer <token>} that shows up in a logged line is masked.
 *
 * <pre>{@code
 * Feign.builder()
 *     .logger(new RedactingLogger(line -> System.err.println(line)))
 *     .logLevel(Logger.Level.FULL)
 * }</pre>
 *
 * <p>It never reads a response body itself: Feign's logger reads the whole body into memory before the
 * decoders' bounds apply. At {@code FULL} it logs what the decoder or error decoder reads, at most
 * {@value #MAX_LOGGED_BYTES} bytes of it, when they close the body.
 */
final class RedactingLogger extends Logger {

  /** The most bytes of a response body logged at {@code FULL}. */
  static final int MAX_LOGGED_BYTES = 16 * 1024;

  private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie");
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+");

  private final Consumer<String> sink;

  RedactingLogger(Consumer<String> sink) {
    this.sink = sink;
  }

  @Override
  protected void logRequest(String configKey, Level logLevel, Request request) {
    Map<String, Collection<String>> headers = new LinkedHashMap<>();
    request.headers().forEach((name, values) ->
        headers.put(name, SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? List.of("<redacted>") : values));
    super.logRequest(configKey, logLevel, Request.create(request.httpMethod(), request.url(), headers,
        request.body(), request.charset(), request.requestTemplate()));
  }

  @Override
  protected boolean shouldLogResponseHeader(String header) {
    return !header.equalsIgnoreCase("set-cookie");
  }

  @Override
  protected Response logAndRebufferResponse(String configKey, Level logLevel, Response response,
      long elapsedTime) {
    String reason = response.reason() != null && logLevel.compareTo(Level.NONE) > 0 ? " " + response.reason() : "";
    log(configKey, "<--- %s %s%s (%sms)", resolveProtocolVersion(response.protocolVersion()), response.status(),
        reason, elapsedTime);
    if (logLevel.ordinal() < Level.HEADERS.ordinal()) {
      return response;
    }
    response.headers().forEach((name, values) -> {
      if (shouldLogResponseHeader(name)) {
        values.forEach(value -> log(configKey, "%s: %s", name, value));
      }
    });
    if (response.body() == null) {
      log(configKey, "<--- END HTTP (no body)");
      return response;
    }
    return response.toBuilder().body(new LoggedBody(configKey, response.body(),
        logLevel == Level.FULL)).build();
  }

  @Override
  protected void log(String configKey, String format, Object... args) {
    sink.accept(BEARER.matcher(methodTag(configKey) + String.format(format, args)).replaceAll("$1<redacted>"));
  }

  /** A response body that logs, when closed, how much of it was read and, at FULL, its first bytes. */
  private final class LoggedBody implements Response.Body {
    private final String configKey;
    private final Response.Body body;
    private final ByteArrayOutputStream copy;
    private long read;
    private boolean closed;

    LoggedBody(String configKey, Response.Body body, boolean full) {
      this.configKey = configKey;
      this.body = body;
      this.copy = full ? new ByteArrayOutputStream() : null;
    }

    @Override
    public Integer length() {
      return body.length();
    }

    @Override
    public boolean isRepeatable() {
      return false;
    }

    @Override
    public InputStream asInputStream() throws IOException {
      return new FilterInputStream(body.asInputStream()) {
        @Override
        public int read() throws IOException {
          int b = super.read();
          if (b >= 0) {
            observed(new byte[] {(byte) b}, 0, 1);
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = super.read(buffer, offset, length);
          if (n > 0) {
            observed(buffer, offset, n);
          }
          return n;
        }

        @Override
        public void close() throws IOException {
          LoggedBody.this.close();
        }
      };
    }

    @Override
    @SuppressWarnings("deprecation") // the interface's own deprecation
    public Reader asReader() throws IOException {
      return asReader(StandardCharsets.UTF_8);
    }

    @Override
    public Reader asReader(Charset charset) throws IOException {
      return new InputStreamReader(asInputStream(), charset);
    }

    private void observed(byte[] buffer, int offset, int length) {
      read += length;
      if (copy != null && copy.size() < MAX_LOGGED_BYTES) {
        copy.write(buffer, offset, Math.min(length, MAX_LOGGED_BYTES - copy.size()));
      }
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      body.close();
      if (copy != null && copy.size() > 0) {
        log(configKey, "");
        log(configKey, "%s", copy.toString(StandardCharsets.UTF_8));
      }
      log(configKey, "<--- END HTTP (%s bytes read)", read);
    }
  }
}
