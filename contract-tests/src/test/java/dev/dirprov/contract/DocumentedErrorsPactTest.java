package dev.dirprov.contract;

import static au.com.dius.pact.consumer.ConsumerPactRunnerKt.runConsumerTest;
import static dev.dirprov.contract.ManagementApiInteractions.clientOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import au.com.dius.pact.consumer.PactTestRun;
import au.com.dius.pact.consumer.PactVerificationResult;
import au.com.dius.pact.consumer.model.MockProviderConfig;
import au.com.dius.pact.core.model.PactSpecVersion;
import dev.dirprov.client.BadRequestException;
import dev.dirprov.client.ConflictException;
import dev.dirprov.client.ForbiddenException;
import dev.dirprov.client.ManagementApiException;
import dev.dirprov.client.NotFoundException;
import dev.dirprov.client.RateLimitException;
import dev.dirprov.client.UnauthorizedException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented error status of every operation, one Pact interaction each (the rows of
 * {@link DocumentedErrors}): Pact's mock server answers the client's request with Auth0's status and error
 * body, and the client throws the exception of that status, carrying Auth0's error code and message.
 *
 * <p>Each row runs its own mock server, which fails the row unless the client's request matched the
 * interaction, and then merges the interaction into the build's pact file.
 */
class DocumentedErrorsPactTest {

  /** The exception the client documents for each status. */
  private static final Map<Integer, Class<? extends ManagementApiException>> THROWN = Map.of(
      400, BadRequestException.class,
      401, UnauthorizedException.class,
      403, ForbiddenException.class,
      404, NotFoundException.class,
      409, ConflictException.class,
      429, RateLimitException.class);

  static Stream<DocumentedError> documentedErrors() {
    return DocumentedErrors.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documentedErrors")
  void turnsTheErrorIntoTheExceptionOfItsStatus(DocumentedError documented) {
    PactTestRun<Throwable> callTheClient = (mockServer, context) ->
        catchThrowable(() -> documented.call().invoke().accept(clientOf(mockServer), documented.connectionId()));

    PactVerificationResult result = runConsumerTest(documented.pact(),
        MockProviderConfig.createDefault(PactSpecVersion.V4), callTheClient);

    assertThat(result).as("the mock server's verdict: %s", result.getDescription())
        .isInstanceOf(PactVerificationResult.Ok.class);
    Object thrown = ((PactVerificationResult.Ok) result).getResult();
    assertThat(thrown).as("what the client threw").isExactlyInstanceOf(THROWN.get(documented.status()));
    ManagementApiException e = (ManagementApiException) thrown;
    assertThat(e.statusCode()).isEqualTo(documented.status());
    assertThat(e.error()).isEqualTo(documented.error());
    assertThat(e.errorCode()).isEqualTo(documented.errorCode());
    assertThat(e.apiMessage()).isEqualTo(documented.message());
    assertThat(e).hasMessage(documented.status() + " " + documented.error()
        + (documented.errorCode() == null ? "" : " (" + documented.errorCode() + ")") + ": " + documented.message());
    if (e instanceof RateLimitException limited) {
      assertThat(limited.limit()).hasValue(DocumentedError.RATE_LIMIT);
      assertThat(limited.remaining()).hasValue(0);
      assertThat(limited.reset()).contains(Instant.ofEpochSecond(DocumentedError.RATE_LIMIT_RESET));
      assertThat(limited.retryAfter()).contains(Duration.ofSeconds(DocumentedError.RETRY_AFTER_SECONDS));
    }
  }
}
