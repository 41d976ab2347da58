package dev.dirprov.contract;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static dev.dirprov.contract.ManagementApiInteractions.CONNECTION_ID;
import static dev.dirprov.contract.ManagementApiInteractions.CONSUMER;
import static dev.dirprov.contract.ManagementApiInteractions.MISSING_CONNECTION_ID;
import static dev.dirprov.contract.ManagementApiInteractions.PROVIDER;
import static dev.dirprov.contract.ManagementApiInteractions.auth0Error;
import static dev.dirprov.contract.ManagementApiInteractions.json;
import static dev.dirprov.contract.ManagementApiInteractions.patch;
import static dev.dirprov.contract.ManagementApiInteractions.rateLimitHeaders;
import static dev.dirprov.contract.UpdateDirectoryProvisioningPactTest.HAS_DIRECTORY_PROVISIONING;
import static dev.dirprov.contract.UpdateDirectoryProvisioningPactTest.clientOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.dirprov.client.BadRequestException;
import dev.dirprov.client.ForbiddenException;
import dev.dirprov.client.ManagementApiException;
import dev.dirprov.client.NotFoundException;
import dev.dirprov.client.RateLimitException;
import dev.dirprov.client.UnauthorizedException;
import dev.dirprov.client.model.DirectoryProvisioningMappingItem;
import dev.dirprov.client.model.UpdateDirectoryProvisioningRequestContent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * Every documented error of the PATCH: Auth0's status and error body, and the typed exception the client
 * turns them into, with Auth0's error code and message.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class UpdateDirectoryProvisioningErrorsPactTest {

  private static final long RATE_LIMIT_RESET = 1796047331L;

  private static final DslPart TURN_ON_SYNCHRONIZATION =
      newJsonBody(body -> body.booleanValue("synchronize_automatically", true)).build();

  private static final UpdateDirectoryProvisioningRequestContent TURN_ON =
      new UpdateDirectoryProvisioningRequestContent().synchronizeAutomatically(true);

  private static <T extends ManagementApiException> T thrownBy(Class<T> type, Executable call) {
    T thrown = catchThrowableOfType(type, call::execute);
    assertThat(thrown).as("the client throws %s", type.getSimpleName()).isNotNull();
    return thrown;
  }

  @Pact(consumer = CONSUMER)
  V4Pact rejectAnEmptyAttributeName(PactDslWithProvider builder) {
    DslPart request = newJsonBody(body -> body.array("mapping", mapping ->
        mapping.object(item -> item.stringValue("auth0", "").stringValue("idp", "primaryEmail")))).build();
    return json(patch(builder, HAS_DIRECTORY_PROVISIONING,
            "a request to map an empty Auth0 attribute name", CONNECTION_ID, request)
        .willRespondWith().status(400),
        auth0Error(400, "Bad Request",
            "Payload validation error: 'String is too short (0 chars), minimum 1' on property mapping[0].auth0.",
            "invalid_body"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "rejectAnEmptyAttributeName")
  void turnsAPayloadValidationErrorIntoABadRequestException(MockServer mockServer) {
    UpdateDirectoryProvisioningRequestContent emptyName = new UpdateDirectoryProvisioningRequestContent()
        .mapping(List.of(new DirectoryProvisioningMappingItem().auth0("").idp("primaryEmail")));

    BadRequestException e = thrownBy(BadRequestException.class,
        () -> clientOf(mockServer).updateDirectoryProvisioning(CONNECTION_ID, emptyName));

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.error()).isEqualTo("Bad Request");
    assertThat(e.errorCode()).isEqualTo("invalid_body");
    assertThat(e.apiMessage()).startsWith("Payload validation error: ");
    assertThat(e).hasMessage("400 Bad Request (invalid_body): Payload validation error: 'String is too short"
        + " (0 chars), minimum 1' on property mapping[0].auth0.");
  }

  @Pact(consumer = CONSUMER)
  V4Pact rejectAnInvalidToken(PactDslWithProvider builder) {
    return json(patch(builder, "the access token is not valid for the tenant",
            "a request with an invalid access token", CONNECTION_ID, TURN_ON_SYNCHRONIZATION)
        .willRespondWith().status(401),
        auth0Error(401, "Unauthorized", "Invalid token.", null))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "rejectAnInvalidToken")
  void turnsAnInvalidTokenIntoAnUnauthorizedException(MockServer mockServer) {
    UnauthorizedException e = thrownBy(UnauthorizedException.class,
        () -> clientOf(mockServer).updateDirectoryProvisioning(CONNECTION_ID, TURN_ON));

    assertThat(e.statusCode()).isEqualTo(401);
    assertThat(e.errorCode()).isNull();
    assertThat(e.apiMessage()).isEqualTo("Invalid token.");
    assertThat(e).hasMessage("401 Unauthorized: Invalid token.");
  }

  @Pact(consumer = CONSUMER)
  V4Pact rejectATokenWithoutTheScope(PactDslWithProvider builder) {
    return json(patch(builder, "the access token lacks the update:directory_provisionings scope",
            "a request with a token that lacks the update:directory_provisionings scope", CONNECTION_ID,
            TURN_ON_SYNCHRONIZATION)
        .willRespondWith().status(403),
        auth0Error(403, "Forbidden", "Insufficient scope, expected any of: update:directory_provisionings",
            "insufficient_scope"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "rejectATokenWithoutTheScope")
  void turnsAnInsufficientScopeIntoAForbiddenException(MockServer mockServer) {
    ForbiddenException e = thrownBy(ForbiddenException.class,
        () -> clientOf(mockServer).updateDirectoryProvisioning(CONNECTION_ID, TURN_ON));

    assertThat(e.statusCode()).isEqualTo(403);
    assertThat(e.errorCode()).isEqualTo("insufficient_scope");
    assertThat(e).hasMessage(
        "403 Forbidden (insufficient_scope): Insufficient scope, expected any of: update:directory_provisionings");
  }

  @Pact(consumer = CONSUMER)
  V4Pact rejectAConnectionThatDoesNotExist(PactDslWithProvider builder) {
    return json(patch(builder, "no connection " + MISSING_CONNECTION_ID + " exists",
            "a request to update a connection that does not exist", MISSING_CONNECTION_ID,
            TURN_ON_SYNCHRONIZATION)
        .willRespondWith().status(404),
        auth0Error(404, "Not Found", "The connection does not exist", "inexistent_connection"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "rejectAConnectionThatDoesNotExist")
  void turnsAMissingConnectionIntoANotFoundExceptionWithItsCode(MockServer mockServer) {
    NotFoundException e = thrownBy(NotFoundException.class,
        () -> clientOf(mockServer).updateDirectoryProvisioning(MISSING_CONNECTION_ID, TURN_ON));

    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.errorCode()).isEqualTo("inexistent_connection");
    assertThat(e).hasMessage("404 Not Found (inexistent_connection): The connection does not exist");
  }

  @Pact(consumer = CONSUMER)
  V4Pact rejectAConnectionWithoutDirectoryProvisioning(PactDslWithProvider builder) {
    return json(patch(builder, "connection " + CONNECTION_ID + " has no directory provisioning",
            "a request to update a connection without directory provisioning", CONNECTION_ID,
            TURN_ON_SYNCHRONIZATION)
        .willRespondWith().status(404),
        auth0Error(404, "Not Found", "Directory provisioning configuration not found", null))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "rejectAConnectionWithoutDirectoryProvisioning")
  void turnsAMissingConfigurationIntoANotFoundExceptionWithoutCode(MockServer mockServer) {
    NotFoundException e = thrownBy(NotFoundException.class,
        () -> clientOf(mockServer).updateDirectoryProvisioning(CONNECTION_ID, TURN_ON));

    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.errorCode()).isNull();
    assertThat(e).hasMessage("404 Not Found: Directory provisioning configuration not found");
  }

  @Pact(consumer = CONSUMER)
  V4Pact rejectARequestOverTheRateLimit(PactDslWithProvider builder) {
    return json(rateLimitHeaders(patch(builder, "the tenant has used up its rate limit",
                "a request while the tenant's rate limit is used up", CONNECTION_ID, TURN_ON_SYNCHRONIZATION)
            .willRespondWith().status(429), 50, 0, RATE_LIMIT_RESET)
            .matchHeader("Retry-After", "\\d+", "1"),
        auth0Error(429, "Too Many Requests", "Global limit has been reached", "too_many_requests"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "rejectARequestOverTheRateLimit")
  void turnsATooManyRequestsIntoARateLimitExceptionWithTheTenantsLimits(MockServer mockServer) {
    RateLimitException e = thrownBy(RateLimitException.class,
        () -> clientOf(mockServer).updateDirectoryProvisioning(CONNECTION_ID, TURN_ON));

    assertThat(e.statusCode()).isEqualTo(429);
    assertThat(e.errorCode()).isEqualTo("too_many_requests");
    assertThat(e.limit()).hasValue(50);
    assertThat(e.remaining()).hasValue(0);
    assertThat(e.reset()).contains(Instant.ofEpochSecond(RATE_LIMIT_RESET));
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
    assertThat(e).hasMessage("429 Too Many Requests (too_many_requests): Global limit has been reached");
  }
}
