package dev.dirprov.contract;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static dev.dirprov.contract.ManagementApiInteractions.CONNECTION_ID;
import static dev.dirprov.contract.ManagementApiInteractions.CONSUMER;
import static dev.dirprov.contract.ManagementApiInteractions.HAS_DIRECTORY_PROVISIONING;
import static dev.dirprov.contract.ManagementApiInteractions.PROVIDER;
import static dev.dirprov.contract.ManagementApiInteractions.SYNCHRONIZE_GROUPS_VALUES;
import static dev.dirprov.contract.ManagementApiInteractions.clientOf;
import static dev.dirprov.contract.ManagementApiInteractions.json;
import static dev.dirprov.contract.ManagementApiInteractions.patch;
import static dev.dirprov.contract.ManagementApiInteractions.requiredConfigurationFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.dirprov.client.model.DirectoryProvisioningMappingItem;
import dev.dirprov.client.model.SynchronizeGroupsEnum;
import dev.dirprov.client.model.UpdateDirectoryProvisioningRequestContent;
import dev.dirprov.client.model.UpdateDirectoryProvisioningResponseContent;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The updates Auth0 accepts: what the client sends for each, and that it decodes every answer of that shape. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class UpdateDirectoryProvisioningPactTest {

  private static DirectoryProvisioningMappingItem map(String auth0, String idp) {
    return new DirectoryProvisioningMappingItem().auth0(auth0).idp(idp);
  }

  @Pact(consumer = CONSUMER)
  V4Pact replaceTheMappingAndSynchronizeEverything(PactDslWithProvider builder) {
    DslPart request = newJsonBody(body -> {
      body.array("mapping", mapping -> {
        mapping.object(item -> item.stringValue("auth0", "email").stringValue("idp", "primaryEmail"));
        mapping.object(item -> item.stringValue("auth0", "given_name").stringValue("idp", "name.givenName"));
        mapping.object(item -> item.stringValue("auth0", "family_name").stringValue("idp", "name.familyName"));
      });
      body.booleanValue("synchronize_automatically", true);
      body.stringValue("synchronize_groups", "all");
    }).build();
    DslPart response = newJsonBody(ManagementApiInteractions::everyConfigurationField).build();
    return json(patch(builder, HAS_DIRECTORY_PROVISIONING,
            "a request to replace the mapping and turn on automatic synchronization of every group",
            CONNECTION_ID, request)
        .willRespondWith().status(200), response)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "replaceTheMappingAndSynchronizeEverything")
  void sendsTheWholeMappingAndDecodesEveryFieldOfTheAnswer(MockServer mockServer) {
    UpdateDirectoryProvisioningResponseContent updated = clientOf(mockServer).updateDirectoryProvisioning(
        CONNECTION_ID,
        new UpdateDirectoryProvisioningRequestContent()
            .mapping(List.of(map("email", "primaryEmail"), map("given_name", "name.givenName"),
                map("family_name", "name.familyName")))
            .synchronizeAutomatically(true)
            .synchronizeGroups(SynchronizeGroupsEnum.ALL));

    assertThat(updated.getConnectionId()).isEqualTo(CONNECTION_ID);
    assertThat(updated.getConnectionName()).isEqualTo("google-workspace-acme");
    assertThat(updated.getStrategy()).isEqualTo("google-apps");
    assertThat(updated.getMapping()).extracting("auth0", "idp").containsExactly(tuple("email", "primaryEmail"));
    assertThat(updated.getSynchronizeAutomatically()).isTrue();
    assertThat(updated.getSynchronizeGroups()).isEqualTo(SynchronizeGroupsEnum.ALL);
    assertThat(updated.getCreatedAt()).isEqualTo(OffsetDateTime.parse("2026-03-02T09:15:27Z"));
    assertThat(updated.getUpdatedAt()).isEqualTo(OffsetDateTime.parse("2026-11-30T14:02:11+01:00"));
    assertThat(updated.getLastSynchronizationAt()).isEqualTo(OffsetDateTime.parse("2026-11-30T13:30:00Z"));
    assertThat(updated.getLastSynchronizationStatus()).isEqualTo("failed");
    assertThat(updated.getLastSynchronizationError()).startsWith("The Google Workspace Groups API");
  }

  @Pact(consumer = CONSUMER)
  V4Pact turnOffAutomaticSynchronizationOnly(PactDslWithProvider builder) {
    DslPart request = newJsonBody(body -> body.booleanValue("synchronize_automatically", false)).build();
    DslPart response = newJsonBody(body -> {
      requiredConfigurationFields(body, false);
      body.stringMatcher("synchronize_groups", SYNCHRONIZE_GROUPS_VALUES, "off");
    }).build();
    return json(patch(builder, HAS_DIRECTORY_PROVISIONING,
            "a request to turn off automatic synchronization only", CONNECTION_ID, request)
        .willRespondWith().status(200), response)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "turnOffAutomaticSynchronizationOnly")
  void sendsOnlyTheOneFieldThatChanges(MockServer mockServer) {
    UpdateDirectoryProvisioningResponseContent updated = clientOf(mockServer).updateDirectoryProvisioning(
        CONNECTION_ID, new UpdateDirectoryProvisioningRequestContent().synchronizeAutomatically(false));

    assertThat(updated.getSynchronizeAutomatically()).isFalse();
    assertThat(updated.getSynchronizeGroups()).isEqualTo(SynchronizeGroupsEnum.OFF);
    assertThat(updated.getMapping()).extracting("auth0").containsExactly("email");
  }

  @Pact(consumer = CONSUMER)
  V4Pact synchronizeSelectedGroups(PactDslWithProvider builder) {
    DslPart request = newJsonBody(body -> body.stringValue("synchronize_groups", "selected")).build();
    DslPart response = newJsonBody(body -> requiredConfigurationFields(body, true)).build();
    return json(patch(builder, HAS_DIRECTORY_PROVISIONING,
            "a request to synchronize only selected groups", CONNECTION_ID, request)
        .willRespondWith().status(200), response)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "synchronizeSelectedGroups")
  void decodesAnAnswerWithoutAnyOptionalField(MockServer mockServer) {
    UpdateDirectoryProvisioningResponseContent updated = clientOf(mockServer).updateDirectoryProvisioning(
        CONNECTION_ID,
        new UpdateDirectoryProvisioningRequestContent().synchronizeGroups(SynchronizeGroupsEnum.SELECTED));

    assertThat(updated.getConnectionId()).isEqualTo(CONNECTION_ID);
    assertThat(updated.getUpdatedAt()).isEqualTo(OffsetDateTime.parse("2026-11-30T14:02:11+01:00"));
    assertThat(updated.getSynchronizeGroups()).isNull();
    assertThat(updated.getLastSynchronizationAt()).isNull();
    assertThat(updated.getLastSynchronizationStatus()).isNull();
    assertThat(updated.getLastSynchronizationError()).isNull();
  }
}
