package example;

import dev.dirprov.client.DirectoryProvisioningClient;
import dev.dirprov.client.api.DirectoryProvisioningApi;
import dev.dirprov.client.model.SynchronizeGroupsEnum;
import dev.dirprov.client.model.UpdateDirectoryProvisioningRequestContent;
import dev.dirprov.client.model.UpdateDirectoryProvisioningResponseContent;

/** The README's usage example, as a downstream team would write it. */
public final class TurnOnSynchronization {

  public static void main(String[] args) {
    DirectoryProvisioningApi api = DirectoryProvisioningClient.builder()
        .domain("acme.eu.auth0.com")                        // https://acme.eu.auth0.com/api/v2
        .token(System.getenv("AUTH0_MANAGEMENT_TOKEN"))     // or .tokenSupplier(...)
        .build();                                           // immutable, thread-safe: build once, share
    System.out.println(run(api).getUpdatedAt());
  }

  static UpdateDirectoryProvisioningResponseContent run(DirectoryProvisioningApi api) {
    UpdateDirectoryProvisioningResponseContent updated = api.updateDirectoryProvisioning(
        "con_0aB1cD2eF3gH4iJ5",
        new UpdateDirectoryProvisioningRequestContent()
            .synchronizeAutomatically(true)                 // only the fields you set are sent
            .synchronizeGroups(SynchronizeGroupsEnum.ALL));
    return updated;
  }
}
