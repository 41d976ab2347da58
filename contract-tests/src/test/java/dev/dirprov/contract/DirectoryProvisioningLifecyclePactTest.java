package dev.dirprov.contract;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static dev.dirprov.contract.ManagementApiInteractions.CONNECTION_ID;
import static dev.dirprov.contract.ManagementApiInteractions.CONSUMER;
import static dev.dirprov.contract.ManagementApiInteractions.HAS_DIRECTORY_PROVISIONING;
import static dev.dirprov.contract.ManagementApiInteractions.HAS_NO_DIRECTORY_PROVISIONING;
import static dev.dirprov.contract.ManagementApiInteractions.PROVIDER;
import static dev.dirprov.contract.ManagementApiInteractions.SYNCHRONIZE_GROUPS_VALUES;
import static dev.dirprov.contract.ManagementApiInteractions.clientOf;
import static dev.dirprov.contract.ManagementApiInteractions.directoryProvisioningPath;
import static dev.dirprov.contract.ManagementApiInteractions.json;
import static dev.dirprov.contract.ManagementApiInteractions.rateLimitHeaders;
import static dev.dirprov.contract.ManagementApiInteractions.request;
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
import dev.dirprov.client.model.ApiResponse;
import dev.dirprov.client.model.CreateDirectoryProvisioningRequestContent;
import dev.dirprov.client.model.CreateDirectoryProvisioningResponseContent;
import dev.dirprov.client.model.DirectoryProvisioningMappingItem;
import dev.dirprov.client.model.GetDirectoryProvisioningDefaultMappingResponseContent;
import dev.dirprov.client.model.GetDirectoryProvisioningResponseContent;
import dev.dirprov.client.model.SynchronizeGroupsEnum;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A configuration's life besides its updates: reading it, reading the connection's default mapping,
 * creating it (201) and deleting it (204, no body).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class DirectoryProvisioningLifecyclePactTest {

  @Pact(consumer = CONSUMER)
  V4Pact readTheConfiguration(PactDslWithProvider builder) {
    return json(request(builder.given(HAS_DIRECTORY_PROVISIONING),
            "a request to read the directory provisioning configuration of a connection that has one",
            "GET", directoryProvisioningPath(CONNECTION_ID))
        .willRespondWith().status(200), newJsonBody(ManagementApiInteractions::everyConfigurationField).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "readTheConfiguration")
  void decodesEveryFieldOfTheConfiguration(MockServer mockServer) {
    GetDirectoryProvisioningResponseContent read = clientOf(mockServer).getDirectoryProvisioning(CONNECTION_ID);

    assertThat(read.getConnectionId()).isEqualTo(CONNECTION_ID);
    assertThat(read.getConnectionName()).isEqualTo("google-workspace-acme");
    assertThat(read.getStrategy()).isEqualTo("google-apps");
    assertThat(read.getMapping()).extracting("auth0", "idp").containsExactly(tuple("email", "primaryEmail"));
    assertThat(read.getSynchronizeAutomatically()).isTrue();
    assertThat(read.getSynchronizeGroups()).isEqualTo(SynchronizeGroupsEnum.ALL);
    assertThat(read.getCreatedAt()).isEqualTo(OffsetDateTime.parse("2026-03-02T09:15:27Z"));
    assertThat(read.getUpdatedAt()).isEqualTo(OffsetDateTime.parse("2026-11-30T14:02:11+01:00"));
    assertThat(read.getLastSynchronizationAt()).isEqualTo(OffsetDateTime.parse("2026-11-30T13:30:00Z"));
    assertThat(read.getLastSynchronizationStatus()).isEqualTo("failed");
    assertThat(read.getLastSynchronizationError()).startsWith("The Google Workspace Groups API");
  }

  @Pact(consumer = CONSUMER)
  V4Pact readTheDefaultMapping(PactDslWithProvider builder) {
    DslPart mapping = newJsonBody(body -> body.minArrayLike("mapping", 1, 2, item -> {
      item.stringType("auth0", "email");
      item.stringType("idp", "primaryEmail");
    })).build();
    return json(request(builder.given("connection " + CONNECTION_ID + " is a Google Workspace connection"),
            "a request for the default attribute mapping of a Google Workspace connection",
            "GET", directoryProvisioningPath(CONNECTION_ID) + "/default-mapping")
        .willRespondWith().status(200), mapping)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "readTheDefaultMapping")
  void decodesTheDefaultMapping(MockServer mockServer) {
    GetDirectoryProvisioningDefaultMappingResponseContent defaults =
        clientOf(mockServer).getDirectoryProvisioningDefaultMapping(CONNECTION_ID);

    assertThat(defaults.getMapping()).extracting("auth0", "idp")
        .containsExactly(tuple("email", "primaryEmail"), tuple("email", "primaryEmail"));
  }

  @Pact(consumer = CONSUMER)
  V4Pact createAConfiguration(PactDslWithProvider builder) {
    DslPart request = newJsonBody(body -> {
      body.array("mapping", mapping -> {
        mapping.object(item -> item.stringValue("auth0", "email").stringValue("idp", "primaryEmail"));
        mapping.object(item -> item.stringValue("auth0", "family_name").stringValue("idp", "name.familyName"));
      });
      body.booleanValue("synchronize_automatically", true);
      body.stringValue("synchronize_groups", "selected");
    }).build();
    DslPart created = newJsonBody(body -> {
      requiredConfigurationFields(body, true);
      body.stringMatcher("synchronize_groups", SYNCHRONIZE_GROUPS_VALUES, "selected");
    }).build();
    return json(request(builder.given(HAS_NO_DIRECTORY_PROVISIONING),
            "a request to create a configuration with a mapping that synchronizes selected groups automatically",
            "POST", directoryProvisioningPath(CONNECTION_ID), request)
        .willRespondWith().status(201), created)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createAConfiguration")
  void sendsTheNewConfigurationAndDecodesTheCreatedOne(MockServer mockServer) {
    CreateDirectoryProvisioningResponseContent created = clientOf(mockServer).createDirectoryProvisioning(
        CONNECTION_ID, new CreateDirectoryProvisioningRequestContent()
            .mapping(List.of(new DirectoryProvisioningMappingItem().auth0("email").idp("primaryEmail"),
                new DirectoryProvisioningMappingItem().auth0("family_name").idp("name.familyName")))
            .synchronizeAutomatically(true)
            .synchronizeGroups(SynchronizeGroupsEnum.SELECTED));

    assertThat(created.getConnectionId()).isEqualTo(CONNECTION_ID);
    assertThat(created.getSynchronizeAutomatically()).isTrue();
    assertThat(created.getSynchronizeGroups()).isEqualTo(SynchronizeGroupsEnum.SELECTED);
    assertThat(created.getCreatedAt()).isEqualTo(OffsetDateTime.parse("2026-03-02T09:15:27Z"));
    assertThat(created.getLastSynchronizationAt()).isNull();
  }

  @Pact(consumer = CONSUMER)
  V4Pact deleteTheConfiguration(PactDslWithProvider builder) {
    return rateLimitHeaders(request(builder.given(HAS_DIRECTORY_PROVISIONING),
            "a request to delete the directory provisioning configuration of a connection that has one",
            "DELETE", directoryProvisioningPath(CONNECTION_ID))
        .willRespondWith().status(204), 50, 49, 1796047331L)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteTheConfiguration")
  void returnsNothingButTheStatusAndHeadersOfANoContentAnswer(MockServer mockServer) {
    ApiResponse<Void> deleted = clientOf(mockServer).deleteDirectoryProvisioningWithHttpInfo(CONNECTION_ID);

    assertThat(deleted.getStatusCode()).isEqualTo(204);
    assertThat(deleted.getData()).isNull();
    assertThat(deleted.getHeaders().get("x-ratelimit-remaining")).containsExactly("49");
  }
}
