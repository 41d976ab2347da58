package dev.dirprov.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.dirprov.client.api.DirectoryProvisioningApi;
import dev.dirprov.client.model.UpdateDirectoryProvisioningRequestContent;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error status becomes its own exception type, with a message that says what happened. */
class ErrorMappingTest {

  @RegisterExtension
  static LocalApi server = new LocalApi();

  private ManagementApiException callAnswering(ResponseDefinitionBuilder response) {
    server.stubFor(any(anyUrl()).willReturn(response));
    DirectoryProvisioningApi api = DirectoryProvisioningClient.builder()
        .baseUrl(server.apiUrl())
        .token("secret-token-never-shown")
        .maxRetries(0) // retries have their own tests; here every status is answered once
        .build();
    return catchThrowableOfType(ManagementApiException.class,
        () -> api.updateDirectoryProvisioning("con_1", new UpdateDirectoryProvisioningRequestContent()));
  }

  private static ResponseDefinitionBuilder auth0Error(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  @ParameterizedTest(name = "{0} gives {1}")
  @CsvSource({
      "400, BadRequestException",
      "401, UnauthorizedException",
      "403, ForbiddenException",
      "404, NotFoundException",
      "409, ConflictException",
      "429, RateLimitException",
      "500, ServerErrorException",
      "503, ServerErrorException",
      "418, ManagementApiException",
  })
  void mapsEachStatusToItsOwnExceptionType(int status, String type) {
    ManagementApiException e = callAnswering(auth0Error(status,
        "{\"statusCode\":" + status + ",\"error\":\"Some Error\",\"message\":\"went wrong\"}"));

    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.statusCode()).isEqualTo(status);
  }

  @Test
  void namesStatusErrorCodeAndAuth0MessageInTheMessage() {
    ManagementApiException e = callAnswering(auth0Error(403,
        "{\"statusCode\":403,\"error\":\"Forbidden\",\"message\":\"Insufficient scope, expected any of:"
            + " update:directory_provisionings\",\"errorCode\":\"insufficient_scope\"}"));

    assertThat(e).isInstanceOf(ForbiddenException.class)
        .hasMessage("403 Forbidden (insufficient_scope): Insufficient scope, expected any of:"
            + " update:directory_provisionings");
    assertThat(e.error()).isEqualTo("Forbidden");
    assertThat(e.errorCode()).isEqualTo("insufficient_scope");
    assertThat(e.apiMessage()).startsWith("Insufficient scope");
    assertThat(e.body()).contains("\"statusCode\":403");
    assertThat(e.header("Content-Type")).isEqualTo("application/json");
    assertThat(e.getMessage()).doesNotContain("secret-token-never-shown");
  }

  @Test
  void readsTheRateLimitStateOfA429() {
    ManagementApiException e = callAnswering(auth0Error(429,
            "{\"statusCode\":429,\"error\":\"Too Many Requests\",\"message\":\"Global limit has been reached\","
                + "\"errorCode\":\"too_many_requests\"}")
        .withHeader("x-ratelimit-limit", "50")
        .withHeader("x-ratelimit-remaining", "0")
        .withHeader("x-ratelimit-reset", "1796047331")
        .withHeader("Retry-After", "7"));

    RateLimitException rateLimited = (RateLimitException) e;
    assertThat(rateLimited.limit()).hasValue(50);
    assertThat(rateLimited.remaining()).hasValue(0);
    assertThat(rateLimited.reset()).contains(Instant.ofEpochSecond(1796047331));
    assertThat(rateLimited.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(e).hasMessage("429 Too Many Requests (too_many_requests): Global limit has been reached");
  }

  @Test
  void namesAnHtmlPageFromAProxyInsteadOfQuotingIt() {
    ManagementApiException e = callAnswering(aResponse().withStatus(502)
        .withHeader("Content-Type", "text/html")
        .withBody("<html><head><title>502 Bad Gateway</title></head><body>" + "x".repeat(5000)
            + "</body></html>"));

    assertThat(e).isInstanceOf(ServerErrorException.class);
    assertThat(e.getMessage()).startsWith("502 Bad Gateway: HTML page \"502 Bad Gateway\" (");
    assertThat(e.getMessage().length()).isLessThan(300);
  }

  @Test
  void boundsAHugePlainTextBody() {
    ManagementApiException e = callAnswering(aResponse().withStatus(500)
        .withHeader("Content-Type", "text/plain")
        .withBody("boom ".repeat(300_000)));

    assertThat(e).isInstanceOf(ServerErrorException.class);
    assertThat(e.getMessage()).startsWith("500 Server Error: boom boom").hasSizeLessThan(300);
    assertThat(e.body()).hasSize(ManagementApiException.MAX_BODY_CHARS);
  }

  @Test
  void givesTheRightTypeForAnEmptyOrTruncatedBody() {
    ManagementApiException empty = callAnswering(aResponse().withStatus(404));
    assertThat(empty).isInstanceOf(NotFoundException.class).hasMessage("404 Not Found");

    ManagementApiException truncated = callAnswering(auth0Error(401, "{\"statusCode\":401,\"error\":\"Unauth"));
    assertThat(truncated).isInstanceOf(UnauthorizedException.class)
        .hasMessage("401 Unauthorized: {\"statusCode\":401,\"error\":\"Unauth");
  }
}
