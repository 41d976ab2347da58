package dev.dirprov.benchmarks;

import dev.dirprov.client.model.DirectoryProvisioningMappingItem;
import dev.dirprov.client.model.SynchronizeGroupsEnum;
import dev.dirprov.client.model.UpdateDirectoryProvisioningRequestContent;
import dev.dirprov.client.model.UpdateDirectoryProvisioningResponseContent;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The request and the checks shared by dirprov and the two floors, which use dirprov's generated models. */
final class FloorModels {

  static final Class<UpdateDirectoryProvisioningResponseContent> RESPONSE_TYPE =
      UpdateDirectoryProvisioningResponseContent.class;

  private FloorModels() {
  }

  static UpdateDirectoryProvisioningRequestContent request() {
    List<DirectoryProvisioningMappingItem> mapping = new ArrayList<>();
    for (String[] item : Payloads.MAPPING) {
      mapping.add(new DirectoryProvisioningMappingItem().auth0(item[0]).idp(item[1]));
    }
    return new UpdateDirectoryProvisioningRequestContent().mapping(mapping).synchronizeAutomatically(true);
  }

  static void check(Object response) {
    UpdateDirectoryProvisioningResponseContent r = (UpdateDirectoryProvisioningResponseContent) response;
    expect("connection_id", r.getConnectionId(), Payloads.CONNECTION_ID);
    expect("connection_name", r.getConnectionName(), "google-workspace-acme");
    expect("strategy", r.getStrategy(), "google-apps");
    expect("mapping size", r.getMapping().size(), Payloads.MAPPING.size());
    for (int i = 0; i < Payloads.MAPPING.size(); i++) {
      expect("mapping[" + i + "].auth0", r.getMapping().get(i).getAuth0(), Payloads.MAPPING.get(i)[0]);
      expect("mapping[" + i + "].idp", r.getMapping().get(i).getIdp(), Payloads.MAPPING.get(i)[1]);
    }
    expect("synchronize_automatically", r.getSynchronizeAutomatically(), Boolean.TRUE);
    expect("synchronize_groups", r.getSynchronizeGroups(), SynchronizeGroupsEnum.ALL);
    expect("created_at", r.getCreatedAt(), OffsetDateTime.parse("2026-03-02T09:15:27.000Z"));
    expect("updated_at", r.getUpdatedAt(), OffsetDateTime.parse("2026-11-30T14:02:11.000+01:00"));
    expect("last_synchronization_at", r.getLastSynchronizationAt(), OffsetDateTime.parse("2026-11-30T13:30:00.000Z"));
    expect("last_synchronization_status", r.getLastSynchronizationStatus(), "success");
    expect("last_synchronization_error", r.getLastSynchronizationError(), "Skipped 2 users without primaryEmail");
  }

  static void expect(String field, Object actual, Object expected) {
    if (!expected.equals(actual)) {
      throw new IllegalStateException(field + " decoded as " + actual + ", expected " + expected);
    }
  }
}
