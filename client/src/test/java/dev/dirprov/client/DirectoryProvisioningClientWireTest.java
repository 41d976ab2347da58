package dev.dirprov.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.dirprov.client.api.DirectoryProvisioningApi;
import dev.dirprov.client.model.ApiResponse;
import dev.dirprov.client.model.DirectoryProvisioningMappingItem;
import dev.dirprov.client.model.SynchronizeGroupsEnum;
import dev.dirprov.client.model.UpdateDirectoryProvisioningRequestContent;
import dev.dirprov.client.model.UpdateDirectoryProvisioningResponseContent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the client puts on the wire and reads back, against a real HTTP server on 127.0.0.1. */
class DirectoryProvisioningClientWireTest {

  private static final String ID = "con_0aB1cD2eF3gH4iJ5";
  private static final String PATH = "/api/v2/connections/" + ID + "/directory-provisioning";

  @RegisterExtension
  static LocalApi server = new LocalApi();

  private DirectoryProvisioningApi api() {
    return DirectoryProvisioningClient.builder()
        .baseUrl(server.apiUrl())
        .token("test-token")
        .build();
  }

  private static void answerWith(String fixture) {
    server.stubFor(any(anyUrl()).willReturn(aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(LocalApi.fixture(fixture))));
  }

  @Test
  void sendsAPatchWithTheBearerTokenAndJsonHeaders() {
    answerWith("update-200-full.json");

    api().updateDirectoryProvisioning(ID,
        new UpdateDirectoryProvisioningRequestContent().synchronizeAutomatically(true));

    server.verify(1, patchRequestedFor(urlEqualTo(PATH))
        .withHeader("Authorization", equalTo("Bearer test-token"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withHeader("Accept", equalTo("application/json")));
  }

  @Test
  void neverSendsUnsetFieldsAsNullOrAnEmptyMapping() {
    answerWith("update-200-full.json");

    api().updateDirectoryProvisioning(ID,
        new UpdateDirectoryProvisioningRequestContent().synchronizeAutomatically(false));

    LoggedRequest request = server.getAllServeEvents().get(0).getRequest();
    assertThat(request.getBodyAsString()).isEqualTo("{\"synchronize_automatically\":false}");
  }

  @Test
  void sendsAnEmptyObjectWhenNothingIsSet() {
    answerWith("update-200-full.json");

    api().updateDirectoryProvisioning(ID, new UpdateDirectoryProvisioningRequestContent());

    assertThat(server.getAllServeEvents().get(0).getRequest().getBodyAsString()).isEqualTo("{}");
  }

  @Test
  void sendsEveryFieldTheCallerSet() {
    answerWith("update-200-full.json");

    api().updateDirectoryProvisioning(ID, new UpdateDirectoryProvisioningRequestContent()
        .addMappingItem(new DirectoryProvisioningMappingItem().auth0("email").idp("primaryEmail"))
        .addMappingItem(new DirectoryProvisioningMappingItem().auth0("given_name").idp("name.givenName"))
        .synchronizeAutomatically(true)
        .synchronizeGroups(SynchronizeGroupsEnum.SELECTED));

    server.verify(patchRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson(
        "{\"mapping\":[{\"auth0\":\"email\",\"idp\":\"primaryEmail\"},"
            + "{\"auth0\":\"given_name\",\"idp\":\"name.givenName\"}],"
            + "\"synchronize_automatically\":true,\"synchronize_groups\":\"selected\"}", false, false)));
  }

  @ParameterizedTest(name = "id {0} arrives as segment {1}")
  @CsvSource(delimiter = '|', value = {
      "con_0aB1cD2eF3gH4iJ5 | con_0aB1cD2eF3gH4iJ5",
      "a/b                  | a%2Fb",
      "../../users          | ..%2F..%2Fusers",
      "a?b=c                | a%3Fb%3Dc",
      "a#frag               | a%23frag",
      "a%2Fb                | a%252Fb",
      "100%                 | 100%25",
      "'a b'                | a%20b",
      "cön€                 | c%C3%B6n%E2%82%AC",
      "{id}                 | %7Bid%7D",
      "a;b=c                | a%3Bb%3Dc",
  })
  void encodesTheIdAsExactlyOnePathSegment(String id, String segment) {
    answerWith("update-200-full.json");

    api().updateDirectoryProvisioning(id, new UpdateDirectoryProvisioningRequestContent());

    LoggedRequest request = server.getAllServeEvents().get(0).getRequest();
    assertThat(request.getUrl())
        .isEqualTo("/api/v2/connections/" + segment + "/directory-provisioning");
  }

  @ParameterizedTest(name = "id \"{0}\" is refused")
  @NullSource
  @ValueSource(strings = {"", ".", ".."})
  void refusesIdsThatCannotBeAPathSegmentBeforeSendingAnything(String id) {
    DirectoryProvisioningApi api = api();

    assertThatThrownBy(() -> api.updateDirectoryProvisioning(id, new UpdateDirectoryProvisioningRequestContent()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("id ");
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void decodesEveryResponseFieldKeepingTimestampOffsets() {
    answerWith("update-200-full.json");

    UpdateDirectoryProvisioningResponseContent response =
        api().updateDirectoryProvisioning(ID, new UpdateDirectoryProvisioningRequestContent());

    assertThat(response.getConnectionId()).isEqualTo(ID);
    assertThat(response.getConnectionName()).isEqualTo("google-workspace-acme");
    assertThat(response.getStrategy()).isEqualTo("google-apps");
    assertThat(response.getMapping()).containsExactly(
        new DirectoryProvisioningMappingItem().auth0("email").idp("primaryEmail"),
        new DirectoryProvisioningMappingItem().auth0("given_name").idp("name.givenName"),
        new DirectoryProvisioningMappingItem().auth0("family_name").idp("name.familyName"));
    assertThat(response.getSynchronizeAutomatically()).isTrue();
    assertThat(response.getSynchronizeGroups()).isEqualTo(SynchronizeGroupsEnum.SELECTED);
    assertThat(response.getCreatedAt()).isEqualTo(OffsetDateTime.parse("2026-03-02T09:15:27Z"));
    assertThat(response.getUpdatedAt().getOffset().getTotalSeconds()).isEqualTo(3600);
    assertThat(response.getUpdatedAt()).isEqualTo(OffsetDateTime.parse("2026-11-30T14:02:11+01:00"));
    assertThat(response.getLastSynchronizationAt()).isEqualTo(OffsetDateTime.parse("2026-11-30T13:30:00-05:00"));
    assertThat(response.getLastSynchronizationStatus()).isEqualTo("failed");
    assertThat(response.getLastSynchronizationError())
        .isEqualTo("The Google Workspace Users API is not enabled on the connection.");
  }

  @Test
  void acceptsUnknownFieldsAndUnknownEnumValues() {
    answerWith("update-200-future.json");

    UpdateDirectoryProvisioningResponseContent response =
        api().updateDirectoryProvisioning(ID, new UpdateDirectoryProvisioningRequestContent());

    assertThat(response.getSynchronizeGroups()).isEqualTo(SynchronizeGroupsEnum.UNKNOWN);
    assertThat(response.getMapping()).hasSize(1);
    assertThat(response.getLastSynchronizationAt()).isNull();
  }

  @Test
  void asksTheTokenSupplierOnEveryRequest() {
    answerWith("update-200-full.json");
    AtomicInteger calls = new AtomicInteger();
    DirectoryProvisioningApi api = DirectoryProvisioningClient.builder()
        .baseUrl(server.baseUrl() + "/api/v2/")
        .tokenSupplier(() -> "token-" + calls.incrementAndGet())
        .build();

    api.updateDirectoryProvisioning(ID, new UpdateDirectoryProvisioningRequestContent());
    api.updateDirectoryProvisioning(ID, new UpdateDirectoryProvisioningRequestContent());

    List<String> sent = server.getAllServeEvents().stream()
        .map(event -> event.getRequest().getHeader("Authorization"))
        .toList();
    assertThat(sent).containsExactlyInAnyOrder("Bearer token-1", "Bearer token-2");
  }

  @Test
  void returnsStatusHeadersAndTheDecodedBodyWithHttpInfo() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withHeader("x-ratelimit-remaining", "49")
        .withBody(LocalApi.fixture("update-200-full.json"))));

    ApiResponse<UpdateDirectoryProvisioningResponseContent> response =
        api().updateDirectoryProvisioningWithHttpInfo(ID, new UpdateDirectoryProvisioningRequestContent());

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders().get("x-ratelimit-remaining")).containsExactly("49");
    assertThat(response.getData().getConnectionId()).isEqualTo(ID);
  }

  @Test
  void refusesAnEmptyBodyWithHttpInfoToo() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

    assertThatThrownBy(() ->
        api().updateDirectoryProvisioningWithHttpInfo(ID, new UpdateDirectoryProvisioningRequestContent()))
        .isInstanceOf(ResponseDecodeException.class)
        .hasMessageEndingWith("as UpdateDirectoryProvisioningResponseContent: the body is empty");
  }
}
