package example;

import dev.dirprov.client.CursorPaging;
import dev.dirprov.client.api.DirectoryProvisioningApi;
import dev.dirprov.client.model.DirectoryProvisioning;
import dev.dirprov.client.model.DirectoryProvisioningMappingItem;
import dev.dirprov.client.model.GetDirectoryProvisioningResponseContent;
import dev.dirprov.client.model.ListDirectoryProvisioningsResponseContent;
import dev.dirprov.client.model.UpdateDirectoryProvisioningRequestContent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The README's read-modify-write and paging examples, compiled against the packaged client. */
final class MoreReadmeExamples {

  private MoreReadmeExamples() {
  }

  static void addNickname(DirectoryProvisioningApi api) {
    GetDirectoryProvisioningResponseContent current = api.getDirectoryProvisioning("con_0aB1cD2eF3gH4iJ5");
    List<DirectoryProvisioningMappingItem> mapping = new ArrayList<>(current.getMapping());
    mapping.add(new DirectoryProvisioningMappingItem().auth0("nickname").idp("name.fullName"));
    api.updateDirectoryProvisioning("con_0aB1cD2eF3gH4iJ5",
        new UpdateDirectoryProvisioningRequestContent().mapping(mapping));
  }

  static void printManualConnections(DirectoryProvisioningApi api) {
    try (Stream<DirectoryProvisioning> all = CursorPaging.stream(
        from -> api.listDirectoryProvisionings(from, 100),
        ListDirectoryProvisioningsResponseContent::getDirectoryProvisionings,
        ListDirectoryProvisioningsResponseContent::getNext)) {
      all.filter(c -> !c.getSynchronizeAutomatically()).forEach(c -> System.out.println(c.getConnectionId()));
    }
  }
}
