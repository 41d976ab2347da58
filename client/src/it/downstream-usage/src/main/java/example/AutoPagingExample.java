package example;

import dev.dirprov.client.api.DirectoryProvisioningApi;
import dev.dirprov.client.model.SynchronizedGroupPayload;
import java.util.List;
import java.util.stream.Collectors;

/** README's paging example: the generated {@code ...All} companions compile against the packaged client alone. */
public final class AutoPagingExample {

  private AutoPagingExample() {
  }

  /** Prints every connection that does not synchronize automatically, walking all pages. */
  static void printManualConnections(DirectoryProvisioningApi api) {
    api.listDirectoryProvisioningsAll(100)
        .filter(c -> !c.getSynchronizeAutomatically())
        .forEach(c -> System.out.println(c.getConnectionId()));
  }

  /** Every synchronized group of a connection, across pages. */
  static List<String> groupIds(DirectoryProvisioningApi api, String connectionId) {
    return api.listSynchronizedGroupsAll(connectionId, null)
        .map(SynchronizedGroupPayload::getId)
        .collect(Collectors.toList());
  }
}
