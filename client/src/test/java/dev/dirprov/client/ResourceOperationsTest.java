package dev.dirprov.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dirprov.client.api.DirectoryProvisioningApi;
import dev.dirprov.client.model.CreateDirectoryProvisioningRequestContent;
import dev.dirprov.client.model.CreateDirectoryProvisioningResponseContent;
import dev.dirprov.client.model.CreateDirectorySynchronizationResponseContent;
import dev.dirprov.client.model.GetDirectoryProvisioningDefaultMappingResponseContent;
import dev.dirprov.client.model.GetDirectoryProvisioningResponseContent;
import dev.dirprov.client.model.ReplaceSynchronizedGroupsRequestContent;
import dev.dirprov.client.model.SynchronizeGroupsEnum;
import dev.dirprov.client.model.SynchronizedGroupPayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operations besides the PATCH: method, path, body and what comes back, against a real server. */
class ResourceOperationsTest {

  private static final String BASE = "/api/v2/connections/a%2Fb/directory-provisioning";
  private static final String CONFIGURATION = "{\"connection_id\":\"con_1\",\"connection_name\":\"n\","
      + "\"strategy\":\"google-apps\",\"mapping\":[{\"auth0\":\"email\",\"idp\":\"primaryEmail\"}],"
      + "\"synchronize_automatically\":true,\"created_at\":\"2026-03-02T09:15:27Z\","
      + "\"updated_at\":\"2026-03-02T09:15:27+02:00\"}";

  @RegisterExtension
  static LocalApi server = new LocalApi();

  private DirectoryProvisioningApi api() {
    return DirectoryProvisioningClient.builder()
        .baseUrl(server.apiUrl())
        .token("t")
        .build();
  }

  private static void answer(int status, String body) {
    server.stubFor(any(anyUrl()).willReturn(body == null
        ? aResponse().withStatus(status)
        : aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
  }

  @Test
  void readsAConfigurationBeforeChangingIt() {
    answer(200, CONFIGURATION);

    GetDirectoryProvisioningResponseContent configuration = api().getDirectoryProvisioning("a/b");

    assertThat(configuration.getMapping()).hasSize(1);
    assertThat(configuration.getUpdatedAt().getOffset().getId()).isEqualTo("+02:00");
    server.verify(getRequestedFor(urlEqualTo(BASE)).withHeader("Authorization", equalTo("Bearer t")));
  }

  @Test
  void createsAConfigurationAndDecodesThe201() {
    answer(201, CONFIGURATION);

    CreateDirectoryProvisioningResponseContent created = api().createDirectoryProvisioning("a/b",
        new CreateDirectoryProvisioningRequestContent().synchronizeGroups(SynchronizeGroupsEnum.OFF));

    assertThat(created.getConnectionId()).isEqualTo("con_1");
    server.verify(postRequestedFor(urlEqualTo(BASE))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalTo("{\"synchronize_groups\":\"off\"}")));
  }

  @Test
  void saysSoWhenTheConfigurationAlreadyExists() {
    answer(409, "{\"statusCode\":409,\"error\":\"Conflict\","
        + "\"message\":\"Directory provisioning is already enabled on the specified connection\"}");

    assertThatThrownBy(() -> api().createDirectoryProvisioning("a/b", new CreateDirectoryProvisioningRequestContent()))
        .isInstanceOf(ConflictException.class)
        .hasMessage("409 Conflict: Directory provisioning is already enabled on the specified connection");
  }

  @Test
  void deletesAConfigurationAndReturnsNothingOnA204() {
    answer(204, null);

    api().deleteDirectoryProvisioning("a/b");

    server.verify(1, deleteRequestedFor(urlEqualTo(BASE)));
  }

  @Test
  void readsTheDefaultMapping() {
    answer(200, "{\"mapping\":[{\"auth0\":\"email\",\"idp\":\"primaryEmail\"},"
        + "{\"auth0\":\"family_name\",\"idp\":\"name.familyName\"}]}");

    GetDirectoryProvisioningDefaultMappingResponseContent defaults =
        api().getDirectoryProvisioningDefaultMapping("a/b");

    assertThat(defaults.getMapping()).extracting("idp").containsExactly("primaryEmail", "name.familyName");
    server.verify(getRequestedFor(urlEqualTo(BASE + "/default-mapping")));
  }

  @Test
  void requestsASynchronizationWithoutABody() {
    answer(201, "{\"connection_id\":\"con_1\",\"synchronization_id\":\"dsync_1\",\"status\":\"pending\"}");

    CreateDirectorySynchronizationResponseContent synchronization = api().createDirectorySynchronization("a/b");

    assertThat(synchronization.getSynchronizationId()).isEqualTo("dsync_1");
    assertThat(server.getAllServeEvents().get(0).getRequest().getBody()).isEmpty();
    server.verify(postRequestedFor(urlEqualTo(BASE + "/synchronizations")));
  }

  @Test
  void replacesTheSynchronizedGroupsAndReturnsNothingOnA204() {
    answer(204, null);

    api().replaceSynchronizedGroups("a/b", new ReplaceSynchronizedGroupsRequestContent()
        .addGroupsItem(new SynchronizedGroupPayload().id("03rdcrjn2nl6hzp")));

    server.verify(putRequestedFor(urlEqualTo(BASE + "/synchronized-groups"))
        .withRequestBody(equalTo("{\"groups\":[{\"id\":\"03rdcrjn2nl6hzp\"}]}")));
  }
}
