package dev.dirprov.benchmarks;

import com.auth0.client.mgmt.ManagementApi;
import com.auth0.client.mgmt.connections.DirectoryProvisioningClient;
import com.auth0.client.mgmt.core.OptionalNullable;
import com.auth0.client.mgmt.types.DirectoryProvisioningMappingItem;
import com.auth0.client.mgmt.types.UpdateDirectoryProvisioningRequestContent;
import com.auth0.client.mgmt.types.UpdateDirectoryProvisioningResponseContent;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Auth0's official Java SDK 3.0.0, {@code connections().directoryProvisioning().update(...)}, built with its
 * defaults; {@code url(...)} is the SDK's own way to point it at another base URL than
 * {@code https://{domain}/api/v2}, and accepts {@code http}.
 */
final class Auth0SdkContender implements Contender {

  private final DirectoryProvisioningClient client;
  private final OptionalNullable<UpdateDirectoryProvisioningRequestContent> request;

  Auth0SdkContender(String baseUrl) {
    ManagementApi api = ManagementApi.builder()
        .url(baseUrl)
        .token(Payloads.TOKEN)
        .build();
    this.client = api.connections().directoryProvisioning();
    List<DirectoryProvisioningMappingItem> mapping = new ArrayList<>();
    for (String[] item : Payloads.MAPPING) {
      mapping.add(DirectoryProvisioningMappingItem.builder().auth0(item[0]).idp(item[1]).build());
    }
    this.request = OptionalNullable.of(UpdateDirectoryProvisioningRequestContent.builder()
        .mapping(mapping)
        .synchronizeAutomatically(true)
        .build());
  }

  @Override
  public Object patch() {
    return client.update(Payloads.CONNECTION_ID, request);
  }

  @Override
  public void check(Object response) {
    UpdateDirectoryProvisioningResponseContent r = (UpdateDirectoryProvisioningResponseContent) response;
    FloorModels.expect("connection_id", r.getConnectionId(), Payloads.CONNECTION_ID);
    FloorModels.expect("connection_name", r.getConnectionName(), "google-workspace-acme");
    FloorModels.expect("strategy", r.getStrategy(), "google-apps");
    FloorModels.expect("mapping size", r.getMapping().size(), Payloads.MAPPING.size());
    for (int i = 0; i < Payloads.MAPPING.size(); i++) {
      FloorModels.expect("mapping[" + i + "].idp", r.getMapping().get(i).getIdp(), Payloads.MAPPING.get(i)[1]);
    }
    FloorModels.expect("synchronize_automatically", r.getSynchronizeAutomatically(), Boolean.TRUE);
    FloorModels.expect("created_at", r.getCreatedAt(), OffsetDateTime.parse("2026-03-02T09:15:27.000Z"));
    FloorModels.expect("last_synchronization_error", r.getLastSynchronizationError().orElse(null),
        "Skipped 2 users without primaryEmail");
  }
}
