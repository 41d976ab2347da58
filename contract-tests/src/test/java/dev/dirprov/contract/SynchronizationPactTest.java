package dev.dirprov.contract;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static dev.dirprov.contract.ManagementApiInteractions.CONNECTION_ID;
import static dev.dirprov.contract.ManagementApiInteractions.CONSUMER;
import static dev.dirprov.contract.ManagementApiInteractions.HAS_DIRECTORY_PROVISIONING;
import static dev.dirprov.contract.ManagementApiInteractions.PROVIDER;
import static dev.dirprov.contract.ManagementApiInteractions.clientOf;
import static dev.dirprov.contract.ManagementApiInteractions.directoryProvisioningPath;
import static dev.dirprov.contract.ManagementApiInteractions.json;
import static dev.dirprov.contract.ManagementApiInteractions.request;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.dirprov.client.model.ApiResponse;
import dev.dirprov.client.model.CreateDirectorySynchronizationResponseContent;
import dev.dirprov.client.model.ListSynchronizedGroupsResponseContent;
import dev.dirprov.client.model.ReplaceSynchronizedGroupsRequestContent;
import dev.dirprov.client.model.SynchronizedGroupPayload;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Synchronizing a connection's directory: requesting a synchronization now (201), and reading (one page at
 * a cursor) and replacing (204, no body) the groups selected for synchronization.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class SynchronizationPactTest {

  /** Its provider-state callback returns {@code groups_cursor}: a cursor into the connection's groups. */
  static final String SELECTS_GROUPS = "connection " + CONNECTION_ID + " synchronizes selected groups";

  /** Google Workspace group ids: letters and digits, at most 32. */
  private static final String GROUP_ID = "[A-Za-z0-9]{1,32}";
  private static final String GROUPS_PATH = directoryProvisioningPath(CONNECTION_ID) + "/synchronized-groups";
  /** The cursor of this test; a provider hands out its own as {@code groups_cursor}. */
  private static final String CURSOR = "Z3JwXzAzcmRjcmpuMm5sNmh6cA";
  private static final String NEXT_CURSOR = "Z3JwXzAxeDBnazM3M3Y4aGp6bQ";

  @Pact(consumer = CONSUMER)
  V4Pact requestASynchronization(PactDslWithProvider builder) {
    DslPart requested = newJsonBody(body -> {
      body.stringType("connection_id", CONNECTION_ID);
      body.stringType("synchronization_id", "dsync_9zY8xW7vU6tS5rQ4");
      body.stringType("status", "pending");
    }).build();
    return json(request(builder.given(HAS_DIRECTORY_PROVISIONING),
            "a request to synchronize the directory of a connection now", "POST",
            directoryProvisioningPath(CONNECTION_ID) + "/synchronizations")
        .willRespondWith().status(201), requested)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "requestASynchronization")
  void decodesTheRequestedSynchronization(MockServer mockServer) {
    CreateDirectorySynchronizationResponseContent requested =
        clientOf(mockServer).createDirectorySynchronization(CONNECTION_ID);

    assertThat(requested.getConnectionId()).isEqualTo(CONNECTION_ID);
    assertThat(requested.getSynchronizationId()).isEqualTo("dsync_9zY8xW7vU6tS5rQ4");
    assertThat(requested.getStatus()).isEqualTo("pending");
  }

  @Pact(consumer = CONSUMER)
  V4Pact listAPageOfSynchronizedGroups(PactDslWithProvider builder) {
    DslPart page = newJsonBody(body -> {
      body.minArrayLike("groups", 1, 2, group -> group.stringMatcher("id", GROUP_ID, "03rdcrjn2nl6hzp"));
      body.stringType("next", NEXT_CURSOR);
    }).build();
    return json(request(builder.given(SELECTS_GROUPS),
            "a request for a page of the synchronized groups of a connection at a cursor", "GET", GROUPS_PATH)
        .query("take=100")
        .queryParameterFromProviderState("from", "${groups_cursor}", CURSOR)
        .willRespondWith().status(200), page)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listAPageOfSynchronizedGroups")
  void sendsTheCursorAndPageSizeAndDecodesTheGroupsAndTheNextCursor(MockServer mockServer) {
    ListSynchronizedGroupsResponseContent page =
        clientOf(mockServer).listSynchronizedGroups(CONNECTION_ID, CURSOR, 100);

    assertThat(page.getGroups()).extracting(SynchronizedGroupPayload::getId)
        .containsExactly("03rdcrjn2nl6hzp", "03rdcrjn2nl6hzp");
    assertThat(page.getNext()).isEqualTo(NEXT_CURSOR);
  }

  @Pact(consumer = CONSUMER)
  V4Pact replaceTheSynchronizedGroups(PactDslWithProvider builder) {
    DslPart groups = newJsonBody(body -> body.array("groups", array -> {
      array.object(group -> group.stringValue("id", "03rdcrjn2nl6hzp"));
      array.object(group -> group.stringValue("id", "01x0gk373v8hjzm"));
    })).build();
    return request(builder.given(SELECTS_GROUPS),
            "a request to replace the synchronized groups of a connection with two groups", "PUT", GROUPS_PATH,
            groups)
        .willRespondWith().status(204)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "replaceTheSynchronizedGroups")
  void sendsTheWholeSelectionAndReturnsNothingOnNoContent(MockServer mockServer) {
    ApiResponse<Void> replaced = clientOf(mockServer).replaceSynchronizedGroupsWithHttpInfo(CONNECTION_ID,
        new ReplaceSynchronizedGroupsRequestContent().groups(List.of(
            new SynchronizedGroupPayload().id("03rdcrjn2nl6hzp"),
            new SynchronizedGroupPayload().id("01x0gk373v8hjzm"))));

    assertThat(replaced.getStatusCode()).isEqualTo(204);
    assertThat(replaced.getData()).isNull();
  }
}
