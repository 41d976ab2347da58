package dev.dirprov.benchmarks;

import dev.dirprov.client.DirectoryProvisioningClient;
import dev.dirprov.client.api.DirectoryProvisioningApi;
import dev.dirprov.client.model.UpdateDirectoryProvisioningRequestContent;

/** dirprov's client, built through {@link DirectoryProvisioningClient#builder()} with its defaults. */
final class DirprovContender implements Contender {

  private final DirectoryProvisioningApi api;
  private final UpdateDirectoryProvisioningRequestContent request = FloorModels.request();

  DirprovContender(String baseUrl) {
    this.api = DirectoryProvisioningClient.builder()
        .baseUrl(baseUrl)
        .token(Payloads.TOKEN)
        .build();
  }

  @Override
  public Object patch() {
    return api.updateDirectoryProvisioning(Payloads.CONNECTION_ID, request);
  }

  @Override
  public void check(Object response) {
    FloorModels.check(response);
  }
}
