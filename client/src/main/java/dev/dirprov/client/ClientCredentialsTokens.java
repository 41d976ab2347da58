package dev.dirprov.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dirprov.client.ManagementApiException.ErrorResponseDetails;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Management API access tokens from the OAuth client-credentials grant, cached until shortly before they expire.
 *
 * <pre>{@code
 * ClientCredentialsTokens tokens = new ClientCredentialsTokens(okHttp, mapper,
 *     "https://acme.eu.auth0.com/oauth/token", clientId, clientSecret,
 *     "https://acme.eu.auth0.com/api/v2/", Clock.systemUTC(), line -> { });
 * String accessToken = tokens.get(); // POSTs to /oauth/token at most once per token lifetime
 * }</pre>
 *
 * <p>A token is reused until {@link #REFRESH_MARGIN} (or a tenth of its lifetime, if shorter) before its
 * {@code expires_in}. When many threads need a new token at once, one of them asks for it and the others wait
 * for that answer, success or failure. {@link #invalidate(String)} drops a token the API refused. The request
 * body (with the client secret) is never logged, and neither the secret nor a token appears in a
 * {@link TokenException} or in {@link #toString()}.
 */
final class ClientCredentialsTokens implements Supplier<String> {

  /** How long before its expiry a token is replaced: 60 seconds. */
  static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);

  private static final MediaType JSON = MediaType.get("application/json");
  private static final int MAX_BODY_CHARS = 16 * 1024;

  private final OkHttpClient http;
  private final ObjectMapper mapper;
  private final String tokenUrl;
  private final String clientId;
  private final String clientSecret;
  private final String audience;
  private final Clock clock;
  private final Consumer<String> log;
  private final Object lock = new Object();
  private Token current;
  private CompletableFuture<Token> inFlight;

  ClientCredentialsTokens(OkHttpClient http, ObjectMapper mapper, String tokenUrl, String clientId,
      String clientSecret, String audience, Clock clock, Consumer<String> log) {
    this.http = http;
    this.mapper = mapper;
    this.tokenUrl = tokenUrl;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.audience = audience;
    this.clock = clock;
    this.log = log;
  }

  private record Token(String value, Instant refreshAt) {
  }

  @Override
  public String get() {
    CompletableFuture<Token> answer;
    boolean asker = false;
    synchronized (lock) {
      if (current != null && clock.instant().isBefore(current.refreshAt())) {
        return current.value();
      }
      if (inFlight == null) {
        inFlight = new CompletableFuture<>();
        asker = true;
      }
      answer = inFlight;
    }
    if (asker) {
      Token token = null;
      Throwable failure = null;
      try {
        token = request();
      } catch (RuntimeException | Error e) {
        failure = e;
      }
      synchronized (lock) {
        current = token == null ? current : token;
        inFlight = null;
      }
      if (failure == null) {
        answer.complete(token);
      } else {
        answer.completeExceptionally(failure);
      }
    }
    try {
      return answer.join().value();
    } catch (CompletionException e) {
      if (e.getCause() instanceof Error) {
        throw (Error) e.getCause();
      }
      throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
    }
  }

  /** Drops {@code refused} if it is still the cached token, so that the next call gets a new one. */
  boolean invalidate(String refused) {
    synchronized (lock) {
      if (current != null && current.value().equals(refused)) {
        current = null;
      }
    }
    return true;
  }

  private Token request() {
    Map<String, String> grant = new LinkedHashMap<>();
    grant.put("grant_type", "client_credentials");
    grant.put("client_id", clientId);
    grant.put("client_secret", clientSecret);
    grant.put("audience", audience);
    Instant asked = clock.instant();
    String body;
    int status;
    Map<String, List<String>> headers;
    String reason;
    log.accept("---> POST " + tokenUrl + " (client credentials; body not logged)");
    try (Response response = http.newCall(new Request.Builder().url(tokenUrl)
        .header("Accept", "application/json")
        .post(RequestBody.create(mapper.writeValueAsBytes(grant), JSON)).build()).execute()) {
      status = response.code();
      reason = response.message();
      headers = response.headers().toMultimap();
      body = read(response);
    } catch (IOException e) {
      TransportException failure = TransportException.of("POST", tokenUrl, e);
      throw new TokenException(tokenUrl, scrub(failure.getMessage()), ErrorResponseDetails.none(), failure);
    }
    log.accept("<--- " + status + " " + reason + " (token endpoint; body not logged)");
    JsonNode json = parse(body);
    if (status < 200 || status > 299) {
      String details = scrub(body);
      ErrorResponseDetails error = new ErrorResponseDetails(status, reason.isBlank() ? null : reason,
          scrub(text(json, "error")), scrub(text(json, "error_description")), ErrorResponseDetails.lowerCase(
              new LinkedHashMap<>(headers)), details);
      throw new TokenException(tokenUrl, scrub(error.message()), error, null);
    }
    String accessToken = text(json, "access_token");
    String tokenType = text(json, "token_type");
    if (accessToken == null || accessToken.isBlank()) {
      throw answerWithout("no access_token", status);
    }
    if (tokenType != null && !tokenType.equalsIgnoreCase("Bearer")) {
      throw answerWithout("token_type \"" + bound(tokenType) + "\" instead of Bearer", status);
    }
    JsonNode expiresIn = json.get("expires_in");
    long lifetime = expiresIn != null && expiresIn.canConvertToLong() ? expiresIn.asLong() : 0;
    Duration margin = Duration.ofSeconds(lifetime / 10).compareTo(REFRESH_MARGIN) < 0
        ? Duration.ofSeconds(lifetime / 10) : REFRESH_MARGIN;
    return new Token(accessToken, asked.plusSeconds(Math.max(lifetime, 0)).minus(margin));
  }

  /** A 2xx answer that is not a usable token; its body is not kept, since it may hold a token. */
  private TokenException answerWithout(String problem, int status) {
    return new TokenException(tokenUrl, "the " + status + " answer has " + problem,
        new ErrorResponseDetails(status, null, null, null, Map.of(), null), null);
  }

  private JsonNode parse(String body) {
    try {
      JsonNode json = body == null ? null : mapper.readTree(body);
      return json != null && json.isObject() ? json : mapper.createObjectNode();
    } catch (IOException e) {
      return mapper.createObjectNode();
    }
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String read(Response response) throws IOException {
    if (response.body() == null) {
      return null;
    }
    try (InputStream in = response.body().byteStream()) {
      byte[] bytes = in.readNBytes(MAX_BODY_CHARS);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static String bound(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  /** Removes the client secret from text that came from elsewhere, should it ever be echoed. */
  private String scrub(String text) {
    return text == null ? null : text.replace(clientSecret, "<redacted>");
  }

  @Override
  public String toString() {
    return "ClientCredentialsTokens[tokenUrl=" + tokenUrl + ", clientId=" + clientId
        + ", clientSecret=<redacted>, audience=" + audience + "]";
  }
}
