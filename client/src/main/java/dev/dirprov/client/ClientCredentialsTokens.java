package dev.dirprov.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Logger;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Management API access tokens from the OAuth client-credentials grant, cached until shortly before they expire.
 *
 * <pre>{@code
 * Credentials credentials = ClientCredentialsTokens.grant(clientId, clientSecret)
 *     .connect(builderOptions, transport, failures, logger, mapper);
 * String accessToken = credentials.token(); // POSTs to /oauth/token at most once per token lifetime
 * }</pre>
 *
 * <p>The token request goes through the API's own transport: the same call deadline, bounds, logging (without
 * body) and typed failures. A token is reused until {@link #REFRESH_MARGIN} (or a tenth of its lifetime, if
 * shorter) before its {@code expires_in}. When many threads need a new token at once, one of them asks for it
 * and the others wait for that answer, each within its own deadline. An answer that is not a usable token (no
 * {@code access_token}, one with control characters, an {@code expires_in} that is not a whole number of
 * seconds from 0 to {@value #MAX_LIFETIME_SECONDS}) is a {@link TokenException} and is never cached. Neither
 * the secret nor a token appears in a {@link TokenException} or in {@link #toString()}.
 */
final class ClientCredentialsTokens extends Credentials {

  /** How long before its expiry a token is replaced: 60 seconds. */
  static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);
  /** The longest lifetime read from {@code expires_in}: about 68 years. */
  static final long MAX_LIFETIME_SECONDS = Integer.MAX_VALUE;

  private static final Map<String, Collection<String>> HEADERS = Map.of(
      "Accept", List.of("application/json"), "Content-Type", List.of("application/json"));
  private static final int MAX_BODY_BYTES = 16 * 1024;

  private final String clientId;
  private final String clientSecret;
  private final String audience;
  private final String tokenUrl;
  private final OkHttpTransport transport;
  private final Failures failures;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final RedactingLogger logger;
  private final Logger.Level logLevel;
  private final Object lock = new Object();
  private Token current;
  private CompletableFuture<Token> inFlight;

  private ClientCredentialsTokens(String clientId, String clientSecret, String audience, String tokenUrl,
      OkHttpTransport transport, Failures failures, ObjectMapper mapper, Clock clock, RedactingLogger logger,
      Logger.Level logLevel) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.audience = audience;
    this.tokenUrl = tokenUrl;
    this.transport = transport;
    this.failures = failures;
    this.mapper = mapper;
    this.clock = clock;
    this.logger = logger;
    this.logLevel = logLevel.compareTo(Logger.Level.HEADERS) > 0 ? Logger.Level.HEADERS : logLevel;
  }

  /** The grant as the builder holds it, before it knows where tokens come from. */
  static Credentials grant(String clientId, String clientSecret) {
    if (Objects.requireNonNull(clientId, "clientId == null").isBlank()
        | Objects.requireNonNull(clientSecret, "clientSecret == null").isBlank()) {
      throw new IllegalArgumentException(clientId.isBlank() ? "clientId is blank" : "clientSecret is blank");
    }
    return new Credentials() {
      @Override
      String token() {
        throw new IllegalStateException("not connected");
      }

      @Override
      List<String> secrets() {
        return List.of(clientSecret);
      }

      @Override
      Credentials connect(DirectoryProvisioningClientBuilder options, OkHttpTransport transport,
          Failures failures, RedactingLogger logger, ObjectMapper mapper) {
        return new ClientCredentialsTokens(clientId, clientSecret, options.audience == null
            ? options.url.defaultAudience() : options.audience, options.url.tokenUrl(), transport, failures, mapper,
            options.clock, logger, options.logLevel);
      }

      @Override
      public String toString() {
        return "clientCredentials(clientId=" + clientId + ", clientSecret=<redacted>)";
      }
    };
  }

  /** The audience option, checked. */
  static String checkAudience(String audience) {
    if (Objects.requireNonNull(audience, "audience == null").isBlank()) {
      throw new IllegalArgumentException("audience is blank");
    }
    return audience;
  }

  private record Token(String value, Instant refreshAt) {
  }

  @Override
  String token() {
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
      try {
        token = request();
        return token.value();
      } catch (RuntimeException | Error e) {
        answer.completeExceptionally(e);
        throw e;
      } finally {
        synchronized (lock) {
          current = token != null && clock.instant().isBefore(token.refreshAt()) ? token : current;
          inFlight = null;
        }
        answer.complete(token); // no effect after a failure
      }
    }
    return awaitOtherThread(answer);
  }

  private String awaitOtherThread(CompletableFuture<Token> answer) {
    Instant deadline = CallDeadline.current();
    try {
      return deadline == null ? answer.get().value()
          : answer.get(Math.max(0, Duration.between(clock.instant(), deadline).toNanos()), TimeUnit.NANOSECONDS)
              .value();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error) {
        throw (Error) e.getCause();
      }
      throw (RuntimeException) e.getCause();
    } catch (TimeoutException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw Failures.tokenUnreachable(tokenUrl, TransportException.of("POST", tokenUrl,
          new java.io.InterruptedIOException("callTimeout reached while another thread asked for a token")));
    }
  }

  @Override
  boolean refused(String refused) {
    synchronized (lock) {
      if (current != null && current.value().equals(refused)) {
        current = null;
      }
    }
    return true;
  }

  @Override
  List<String> secrets() {
    return List.of(clientSecret);
  }

  private Token request() {
    Map<String, String> grant = new LinkedHashMap<>();
    grant.put("grant_type", "client_credentials");
    grant.put("client_id", clientId);
    grant.put("client_secret", clientSecret);
    grant.put("audience", audience);
    Request request;
    try {
      request = Request.create(Request.HttpMethod.POST, tokenUrl, HEADERS, mapper.writeValueAsBytes(grant),
          StandardCharsets.UTF_8, null);
    } catch (IOException e) {
      throw new IllegalStateException(e); // a map of strings always serializes
    }
    String configKey = "ClientCredentials#token()";
    if (logLevel != Logger.Level.NONE) {
      logger.logRequest(configKey, logLevel, Request.create(request.httpMethod(), tokenUrl, HEADERS, null,
          null, null));
    }
    Instant asked = clock.instant();
    Response response;
    try {
      response = transport.exchange(request, null);
    } catch (TransportException e) {
      throw Failures.tokenUnreachable(tokenUrl, e);
    }
    if (logLevel != Logger.Level.NONE) {
      response = logger.logAndRebufferResponse(configKey, logLevel, response, 0);
    }
    try (Response closing = response) {
      if (response.status() < 200 || response.status() > 299) {
        throw failures.ofTokenStatus(response, tokenUrl);
      }
      byte[] body;
      try {
        body = Failures.read(response.body(), MAX_BODY_BYTES);
      } catch (IOException e) {
        throw Failures.tokenUnreachable(tokenUrl, failures.transport(request, e));
      }
      return token(parse(body), response.status(), asked);
    }
  }

  private Token token(JsonNode json, int status, Instant asked) {
    String accessToken = text(json, "access_token");
    String tokenType = text(json, "token_type");
    if (accessToken == null || accessToken.isBlank()) {
      throw Failures.badToken(tokenUrl, status, "no access_token");
    }
    if (!sendable(accessToken)) {
      throw Failures.badToken(tokenUrl, status, "an access_token with control characters (such as a line "
          + "break), which cannot be sent in a header");
    }
    if (tokenType != null && !tokenType.equalsIgnoreCase("Bearer")) {
      String shown = tokenType.length() <= 40 ? tokenType : tokenType.substring(0, 40) + "…";
      throw Failures.badToken(tokenUrl, status, "token_type \"" + failures.redact(shown, null)
          + "\" instead of Bearer");
    }
    JsonNode expiresIn = json.get("expires_in");
    long lifetime = 0; // absent: used for this call, not cached
    if (expiresIn != null && !expiresIn.isNull()) {
      if (!expiresIn.isIntegralNumber() || !expiresIn.canConvertToLong() || expiresIn.asLong() < 0
          || expiresIn.asLong() > MAX_LIFETIME_SECONDS) {
        String shown = expiresIn.toString();
        throw Failures.badToken(tokenUrl, status, "expires_in " + (shown.length() <= 40 ? shown
            : shown.substring(0, 40) + "…") + ", not a whole number of seconds from 0 to " + MAX_LIFETIME_SECONDS);
      }
      lifetime = expiresIn.asLong();
    }
    Duration margin = Duration.ofSeconds(Math.min(lifetime / 10, REFRESH_MARGIN.getSeconds()));
    return new Token(accessToken, asked.plusSeconds(lifetime).minus(margin));
  }

  private JsonNode parse(byte[] body) {
    try {
      JsonNode json = body.length == 0 || body.length > MAX_BODY_BYTES ? null : mapper.readTree(body);
      return json != null && json.isObject() ? json : mapper.createObjectNode();
    } catch (IOException e) {
      return mapper.createObjectNode();
    }
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  @Override
  public String toString() {
    return "ClientCredentialsTokens[tokenUrl=" + tokenUrl + ", clientId=" + clientId
        + ", clientSecret=<redacted>, audience=" + audience + "]";
  }
}
