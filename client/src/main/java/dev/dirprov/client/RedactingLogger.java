package dev.dirprov.client;

import feign.Logger;
import feign.Request;
import feign.Response;
import feign.RetryableException;
import java.io.IOException;
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
 */
final class RedactingLogger extends Logger {

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
      long elapsedTime) throws IOException {
    try {
      return super.logAndRebufferResponse(configKey, logLevel, response, elapsedTime);
    } catch (IOException e) {
      // Reading the body for the log failed: a transport failure, retried like one failing in the decoder.
      throw new RetryableException(response.status(), e.getMessage(), response.request().httpMethod(), e,
          (Long) null, response.request());
    }
  }

  @Override
  protected void log(String configKey, String format, Object... args) {
    sink.accept(BEARER.matcher(methodTag(configKey) + String.format(format, args)).replaceAll("$1<redacted>"));
  }
}
