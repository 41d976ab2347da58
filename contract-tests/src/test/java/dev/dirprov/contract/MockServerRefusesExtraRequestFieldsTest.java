package dev.dirprov.contract;

import static au.com.dius.pact.consumer.ConsumerPactRunnerKt.runConsumerTest;
import static dev.dirprov.contract.ManagementApiInteractions.CONNECTION_ID;
import static dev.dirprov.contract.ManagementApiInteractions.CONSUMER;
import static dev.dirprov.contract.ManagementApiInteractions.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.ConsumerPactBuilder;
import au.com.dius.pact.consumer.PactTestRun;
import au.com.dius.pact.consumer.PactVerificationResult;
import au.com.dius.pact.consumer.model.MockProviderConfig;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import dev.dirprov.client.ManagementApiException;
import dev.dirprov.client.model.SynchronizeGroupsEnum;
import dev.dirprov.client.model.UpdateDirectoryProvisioningRequestContent;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partial-update interaction holds the client to exactly one field: Pact's mock server refuses the same
 * request with one more field, so the contract test of the partial update can only pass if the client sends
 * nothing else.
 */
class MockServerRefusesExtraRequestFieldsTest {

  @Test
  void refusesAPartialUpdateThatCarriesAnotherField() {
    V4Pact partialUpdate = new UpdateDirectoryProvisioningPactTest().turnOffAutomaticSynchronizationOnly(
        ConsumerPactBuilder.consumer(CONSUMER).hasPactWith(PROVIDER));
    UpdateDirectoryProvisioningRequestContent twoFields = new UpdateDirectoryProvisioningRequestContent()
        .synchronizeAutomatically(false)
        .synchronizeGroups(SynchronizeGroupsEnum.OFF);

    PactTestRun<ManagementApiException> sendTwoFields = (mockServer, context) -> {
      try {
        ManagementApiInteractions.clientOf(mockServer).updateDirectoryProvisioning(CONNECTION_ID, twoFields);
        return null;
      } catch (ManagementApiException e) {
        return e;
      }
    };
    PactVerificationResult result = runConsumerTest(partialUpdate,
        MockProviderConfig.createDefault(PactSpecVersion.V4), sendTwoFields);

    assertThat(result).isInstanceOf(PactVerificationResult.Mismatches.class);
    assertThat(result.getDescription()).contains("synchronize_groups");
  }

  @Test
  void answersThePartialUpdateThatCarriesOnlyItsField(@TempDir Path elsewhere) {
    V4Pact partialUpdate = new UpdateDirectoryProvisioningPactTest().turnOffAutomaticSynchronizationOnly(
        ConsumerPactBuilder.consumer(CONSUMER).hasPactWith(PROVIDER));

    PactTestRun<Boolean> sendOneField = (mockServer, context) -> {
      context.setPactFolder(elsewhere.toString()); // not the build's pact file: this run is no contract
      return ManagementApiInteractions.clientOf(mockServer).updateDirectoryProvisioning(CONNECTION_ID,
          new UpdateDirectoryProvisioningRequestContent().synchronizeAutomatically(false)).getSynchronizeAutomatically();
    };
    PactVerificationResult result = runConsumerTest(partialUpdate,
        MockProviderConfig.createDefault(PactSpecVersion.V4), sendOneField);

    assertThat(result).isEqualTo(new PactVerificationResult.Ok(false));
  }
}
