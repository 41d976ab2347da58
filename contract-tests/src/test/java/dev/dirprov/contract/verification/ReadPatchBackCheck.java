package dev.dirprov.contract.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirprov.client.DirectoryProvisioningClient;
import dev.dirprov.client.api.DirectoryProvisioningApi;
import dev.dirprov.client.model.ApiResponse;
import dev.dirprov.client.model.GetDirectoryProvisioningResponseContent;
import dev.dirprov.client.model.SynchronizeGroupsEnum;
import dev.dirprov.client.model.UpdateDirectoryProvisioningRequestContent;
import dev.dirprov.client.model.UpdateDirectoryProvisioningResponseContent;
import java.io.IOException;
import java.util.List;

/**
 * Checks the spec against a running API: reads a connection's configuration through the real client, PATCHes
 * it back unchanged ({@code mapping}, {@code synchronize_automatically} and {@code synchronize_groups} as read),
 * and validates both exchanges, as a {@link RecordingProxy} saw them on the wire, against the spec.
 *
 * <pre>{@code
 * ReadPatchBackCheck.Outcome outcome = ReadPatchBackCheck.run("https://acme.eu.auth0.com/api/v2", token, id);
 * outcome.readFindings();  // what the real GET answer breaks of the spec
 * outcome.writeFindings(); // what the PATCH exchange breaks
 * }</pre>
 *
 * <p>Nothing is written when the read answer breaks the spec: a configuration the client may have decoded
 * wrongly is not sent back to a real tenant.
 */
final class ReadPatchBackCheck {

  /**
   * What the check saw.
   *
   * @param read the GET answer as the client decoded it
   * @param readFindings how the GET exchange breaks the spec; none when it conforms
   * @param written the PATCH answer, or {@code null} when the read answer broke the spec
   * @param writeFindings how the PATCH exchange breaks the spec; none when it conforms or was not sent
   * @param sent the PATCH body as the client sent it, or {@code null}
   */
  record Outcome(ApiResponse<GetDirectoryProvisioningResponseContent> read, List<Finding> readFindings,
      ApiResponse<UpdateDirectoryProvisioningResponseContent> written, List<Finding> writeFindings, ObjectNode sent) {
  }

  private ReadPatchBackCheck() {
  }

  /**
   * Runs the check.
   *
   * @param apiBaseUrl the API's base, such as {@code https://acme.eu.auth0.com/api/v2}
   * @param token a Management API token with {@code read:} and {@code update:directory_provisionings}
   * @param connectionId a connection that has directory provisioning
   */
  static Outcome run(String apiBaseUrl, String token, String connectionId) throws IOException {
    PactSpecValidator validator = PactSpecValidator.forPublishedSpec();
    try (RecordingProxy proxy = RecordingProxy.forwardingTo(apiBaseUrl)) {
      DirectoryProvisioningApi api = DirectoryProvisioningClient.builder().baseUrl(proxy.baseUrl()).token(token)
          .build();

      ApiResponse<GetDirectoryProvisioningResponseContent> read =
          api.getDirectoryProvisioningWithHttpInfo(connectionId);
      List<Finding> readFindings = validator.validate(RecordingProxy.pactOf(proxy.exchanges()));
      GetDirectoryProvisioningResponseContent current = read.getData();
      if (!readFindings.isEmpty()
          || current.getSynchronizeGroups() == SynchronizeGroupsEnum.UNKNOWN) {
        return new Outcome(read, readFindings, null, List.of(), null);
      }

      ApiResponse<UpdateDirectoryProvisioningResponseContent> written = api.updateDirectoryProvisioningWithHttpInfo(
          connectionId, new UpdateDirectoryProvisioningRequestContent()
              .mapping(current.getMapping())
              .synchronizeAutomatically(current.getSynchronizeAutomatically())
              .synchronizeGroups(current.getSynchronizeGroups()));
      ObjectNode patch = proxy.exchanges().get(1);
      List<Finding> writeFindings = validator.validate(RecordingProxy.pactOf(List.of(patch)));
      JsonNode sent = patch.at("/request/body/content");
      return new Outcome(read, readFindings, written, writeFindings, sent.isObject() ? (ObjectNode) sent : null);
    }
  }
}
