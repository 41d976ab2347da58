package dev.dirprov.contract;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import dev.dirprov.client.DirectoryProvisioningClient;
import dev.dirprov.client.api.DirectoryProvisioningApi;
import java.time.OffsetDateTime;

/**
 * The vocabulary the interactions of dirprov-client with Auth0's Management API are written in: the parties,
 * the client under test, its requests as they must arrive, and the parts of Auth0's answers.
 *
 * <pre>{@code
 * return json(patch(builder, "connection con_… has directory provisioning",
 *         "a request to turn off automatic synchronization only", CONNECTION_ID, request)
 *     .willRespondWith().status(200), response)
 *     .toPact(V4Pact.class);
 * }</pre>
 *
 * <p>Requests are literal: the client must send exactly them (Pact's mock server rejects a request body
 * with a key the interaction does not have). Responses use type and format matchers, so that any answer of
 * the right shape satisfies the contract when the provider verifies it.
 */
final class ManagementApiInteractions {

  static final String CONSUMER = "dirprov-client";
  static final String PROVIDER = "auth0-management-api";

  /** A connection that exists. */
  static final String CONNECTION_ID = "con_0aB1cD2eF3gH4iJ5";
  /** An id no connection has. */
  static final String MISSING_CONNECTION_ID = "con_9zY8xW7vU6tS5rQ4";
  /** The token the tests give the client; the contract asks only for some bearer token. */
  static final String TOKEN = "contract-test-token";

  static final String HAS_DIRECTORY_PROVISIONING = "connection " + CONNECTION_ID + " has directory provisioning";
  static final String HAS_NO_DIRECTORY_PROVISIONING =
      "connection " + CONNECTION_ID + " has no directory provisioning";
  /** Its provider-state callback returns {@code next}: the cursor of the page after the first two. */
  static final String THREE_CONFIGURATIONS = "the tenant has three directory provisioning configurations";

  /** ISO 8601 with milliseconds and an offset, as Auth0 writes timestamps. */
  static final String ISO_DATE_TIME = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

  static final String SYNCHRONIZE_GROUPS_VALUES = "all|off|selected";

  private static final String JSON_CONTENT_TYPE = "application/json(;\\s*charset=[\\w-]+)?";
  private static final String DIGITS = "\\d+";

  private ManagementApiInteractions() {
  }

  /**
   * The client every Pact test drives: the real one, pointed at Pact's mock server. The only place the
   * tests build a client, so that a builder option all contract tests need is added here once.
   */
  static DirectoryProvisioningApi clientOf(MockServer mockServer) {
    // Each interaction is one request: the retry rules are proven in the client's own tests, and a
    // retried 429 would only wait out its Retry-After here.
    return DirectoryProvisioningClient.builder().baseUrl(mockServer.getUrl()).token(TOKEN).maxRetries(0).build();
  }

  /** The operation's path relative to the API base: the client's base URL is the mock server's root. */
  static String directoryProvisioningPath(String connectionId) {
    return "/connections/" + connectionId + "/directory-provisioning";
  }

  /**
   * A request of the client without a body, as it must arrive: a bearer token and {@code Accept:
   * application/json}, which the client sends on every operation.
   */
  static PactDslRequestWithPath request(PactDslWithState state, String description, String method, String path) {
    return state
        .uponReceiving(description)
        .method(method)
        .path(path)
        .matchHeader("Authorization", "Bearer .+", "Bearer " + TOKEN)
        .headers("Accept", "application/json");
  }

  /** A request of the client with a JSON body, which must be exactly {@code body}. */
  static PactDslRequestWithPath request(PactDslWithState state, String description, String method, String path,
      DslPart body) {
    return request(state, description, method, path)
        .headers("Content-Type", "application/json")
        .body(body);
  }

  /** The client's PATCH of a connection's directory provisioning configuration, as it must arrive. */
  static PactDslRequestWithPath patch(PactDslWithProvider builder, String state, String description,
      String connectionId, DslPart body) {
    return request(builder.given(state), description, "PATCH", directoryProvisioningPath(connectionId), body);
  }

  /** A JSON answer. */
  static PactDslResponse json(PactDslResponse response, DslPart body) {
    return response
        .matchHeader("Content-Type", JSON_CONTENT_TYPE, "application/json")
        .body(body);
  }

  /** The tenant's rate-limit state, in the headers Auth0 sends it in. */
  static PactDslResponse rateLimitHeaders(PactDslResponse response, long limit, long remaining, long reset) {
    return response
        .matchHeader("x-ratelimit-limit", DIGITS, Long.toString(limit))
        .matchHeader("x-ratelimit-remaining", DIGITS, Long.toString(remaining))
        .matchHeader("x-ratelimit-reset", DIGITS, Long.toString(reset));
  }

  /**
   * Auth0's error body: {@code statusCode}, {@code error} (the reason phrase), {@code message} and, where
   * Auth0 has one, {@code errorCode}.
   *
   * @param errorCode the machine-readable code, or {@code null} for an error Auth0 sends without one
   */
  static DslPart auth0Error(int statusCode, String error, String message, String errorCode) {
    return newJsonBody(body -> {
      body.integerType("statusCode", statusCode);
      body.stringType("error", error);
      body.stringType("message", message);
      if (errorCode != null) {
        body.stringMatcher("errorCode", "[a-z][a-z0-9_]*", errorCode);
      }
    }).build();
  }

  /**
   * The fields every directory provisioning configuration has, matched by type and format: those of a
   * Google Workspace connection mapping its users' primary e-mail.
   */
  static void requiredConfigurationFields(LambdaDslObject body, boolean synchronizeAutomatically) {
    body.stringType("connection_id", CONNECTION_ID);
    body.stringType("connection_name", "google-workspace-acme");
    body.stringType("strategy", "google-apps");
    body.minArrayLike("mapping", 1, item -> {
      item.stringType("auth0", "email");
      item.stringType("idp", "primaryEmail");
    });
    body.booleanType("synchronize_automatically", synchronizeAutomatically);
    timestamp(body, "created_at", "2026-03-02T09:15:27.000Z");
    timestamp(body, "updated_at", "2026-11-30T14:02:11.000+01:00");
  }

  /**
   * Every field a configuration can have: the required ones, every group synchronized, and a last
   * synchronization that failed.
   */
  static void everyConfigurationField(LambdaDslObject body) {
    requiredConfigurationFields(body, true);
    body.stringMatcher("synchronize_groups", SYNCHRONIZE_GROUPS_VALUES, "all");
    timestamp(body, "last_synchronization_at", "2026-11-30T13:30:00.000Z");
    body.stringType("last_synchronization_status", "failed");
    body.stringType("last_synchronization_error", "The Google Workspace Groups API is not enabled on the connection.");
  }

  /** A timestamp matched by format; the example keeps its offset and makes the pact file reproducible. */
  static LambdaDslObject timestamp(LambdaDslObject body, String name, String example) {
    return body.datetime(name, ISO_DATE_TIME, OffsetDateTime.parse(example).toZonedDateTime());
  }
}
