package dev.dirprov.contract;

import static dev.dirprov.contract.ManagementApiInteractions.CONSUMER;
import static dev.dirprov.contract.ManagementApiInteractions.PROVIDER;
import static dev.dirprov.contract.ManagementApiInteractions.auth0Error;
import static dev.dirprov.contract.ManagementApiInteractions.json;
import static dev.dirprov.contract.ManagementApiInteractions.rateLimitHeaders;

import au.com.dius.pact.consumer.ConsumerPactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.core.model.V4Pact;

/**
 * One documented error of one operation: the call that provokes it, the provider state it needs, and Auth0's
 * answer, which the client must turn into the exception of its status.
 *
 * <pre>{@code
 * new DocumentedError(CREATE, CONNECTION_ID, HAS_DIRECTORY_PROVISIONING,
 *     "a request to create the directory provisioning configuration of a connection that already has one",
 *     409, "Conflict", "Directory provisioning is already enabled on the specified connection", null).pact();
 * }</pre>
 *
 * @param call the operation and the arguments the client is called with
 * @param connectionId the connection the call names
 * @param state the provider state, as a sentence
 * @param description the interaction's description, as a sentence
 * @param status the HTTP status Auth0 answers with
 * @param error Auth0's {@code error}: the reason phrase
 * @param message Auth0's {@code message}
 * @param errorCode Auth0's {@code errorCode}, or {@code null} for an error Auth0 sends without one
 */
record DocumentedError(ClientCall call, String connectionId, String state, String description, int status,
    String error, String message, String errorCode) {

  /** The x-ratelimit-reset of every 429: 2026-11-30T14:02:11Z, in epoch seconds. */
  static final long RATE_LIMIT_RESET = 1796047331L;
  static final long RATE_LIMIT = 50;
  static final long RETRY_AFTER_SECONDS = 1;

  /** A pact of this one interaction, for Pact's mock server. */
  V4Pact pact() {
    PactDslResponse response = call
        .request(ConsumerPactBuilder.consumer(CONSUMER).hasPactWith(PROVIDER).given(state), description, connectionId)
        .willRespondWith()
        .status(status);
    if (status == 429) {
      response = rateLimitHeaders(response, RATE_LIMIT, 0, RATE_LIMIT_RESET)
          .matchHeader("Retry-After", "\\d+", Long.toString(RETRY_AFTER_SECONDS));
    }
    return json(response, auth0Error(status, error, message, errorCode)).toPact(V4Pact.class);
  }

  @Override
  public String toString() {
    return description;
  }
}
