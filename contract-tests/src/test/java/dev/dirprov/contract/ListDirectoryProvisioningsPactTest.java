package dev.dirprov.contract;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static dev.dirprov.contract.ManagementApiInteractions.CONNECTION_ID;
import static dev.dirprov.contract.ManagementApiInteractions.CONSUMER;
import static dev.dirprov.contract.ManagementApiInteractions.PROVIDER;
import static dev.dirprov.contract.ManagementApiInteractions.THREE_CONFIGURATIONS;
import static dev.dirprov.contract.ManagementApiInteractions.clientOf;
import static dev.dirprov.contract.ManagementApiInteractions.json;
import static dev.dirprov.contract.ManagementApiInteractions.request;
import static dev.dirprov.contract.ManagementApiInteractions.requiredConfigurationFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.dirprov.client.CursorPaging;
import dev.dirprov.client.api.DirectoryProvisioningApi;
import dev.dirprov.client.model.DirectoryProvisioning;
import dev.dirprov.client.model.ListDirectoryProvisioningsResponseContent;
import dev.dirprov.client.model.SynchronizeGroupsEnum;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Listing the tenant's configurations page by page: the first page carries a {@code next} cursor, the client
 * asks for the page at that cursor, and the last page has none. The cursor is the provider's to choose, so
 * the second request takes it from the provider state ({@code ${next}}) rather than from this test.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class ListDirectoryProvisioningsPactTest {

  private static final String PATH = "/connections-directory-provisionings";
  private static final int PAGE_SIZE = 2;
  /** The cursor of the second page in this test; a provider hands out its own as {@code next}. */
  private static final String SECOND_PAGE = "Y29uXzFiQzJkRDNlRjRnSDVpSjZrTDc";
  private static final String LAST_CONNECTION_ID = "con_1bC2dD3eF4gH5iJ6";

  @Pact(consumer = CONSUMER)
  V4Pact listTwoPages(PactDslWithProvider builder) {
    DslPart firstPage = newJsonBody(body -> {
      body.minArrayLike("directory_provisionings", 1, PAGE_SIZE, ManagementApiInteractions::everyConfigurationField);
      body.stringType("next", SECOND_PAGE);
    }).build();
    DslPart lastPage = newJsonBody(body -> body.minArrayLike("directory_provisionings", 1, 1, item -> {
      requiredConfigurationFields(item, false);
      item.stringType("connection_id", LAST_CONNECTION_ID);
    })).build();
    PactDslResponse first = json(request(builder.given(THREE_CONFIGURATIONS),
            "a request for the first page of the tenant's directory provisioning configurations", "GET", PATH)
        .query("take=" + PAGE_SIZE)
        .willRespondWith().status(200), firstPage);
    return json(request(first.given(THREE_CONFIGURATIONS),
            "a request for the page of the tenant's directory provisioning configurations at the next cursor",
            "GET", PATH)
        .query("take=" + PAGE_SIZE)
        .queryParameterFromProviderState("from", "${next}", SECOND_PAGE)
        .willRespondWith().status(200), lastPage)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listTwoPages")
  void fetchesEachPageOnlyWhenItsItemsAreNeededAndStopsAtThePageWithoutNext(MockServer mockServer) {
    DirectoryProvisioningApi api = clientOf(mockServer);
    List<String> cursors = new ArrayList<>();
    List<DirectoryProvisioning> items = new ArrayList<>();

    try (Stream<DirectoryProvisioning> all = CursorPaging.stream(
        from -> {
          cursors.add(from);
          return api.listDirectoryProvisionings(from, PAGE_SIZE);
        },
        ListDirectoryProvisioningsResponseContent::getDirectoryProvisionings,
        ListDirectoryProvisioningsResponseContent::getNext)) {
      Iterator<DirectoryProvisioning> iterator = all.iterator();
      items.add(iterator.next());
      items.add(iterator.next());
      assertThat(cursors).as("cursors asked for after the first page's items").containsExactly((String) null);
      items.add(iterator.next());
      assertThat(iterator.hasNext()).isFalse();
    }

    assertThat(cursors).containsExactly(null, SECOND_PAGE);
    assertThat(items).extracting(DirectoryProvisioning::getConnectionId)
        .containsExactly(CONNECTION_ID, CONNECTION_ID, LAST_CONNECTION_ID);
    DirectoryProvisioning first = items.get(0);
    assertThat(first.getMapping()).extracting("auth0", "idp").containsExactly(tuple("email", "primaryEmail"));
    assertThat(first.getSynchronizeGroups()).isEqualTo(SynchronizeGroupsEnum.ALL);
    assertThat(first.getCreatedAt()).isEqualTo(OffsetDateTime.parse("2026-03-02T09:15:27Z"));
    assertThat(first.getLastSynchronizationAt()).isEqualTo(OffsetDateTime.parse("2026-11-30T13:30:00Z"));
    assertThat(first.getLastSynchronizationStatus()).isEqualTo("failed");
    assertThat(first.getLastSynchronizationError()).startsWith("The Google Workspace Groups API");
    assertThat(items.get(2).getSynchronizeAutomatically()).isFalse();
    assertThat(items.get(2).getSynchronizeGroups()).isNull();
  }
}
