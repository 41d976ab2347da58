package dev.dirprov.contract.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dirprov.contract.verification.ReadPatchBackCheck.Outcome;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The spec checked against the real API: on a real tenant, reads a connection's directory provisioning
 * configuration, PATCHes it back unchanged, and validates both real exchanges (status, headers, body) against
 * the spec with the validator of the pacts. Skipped unless these are set:
 * <ul>
 *   <li>{@code AUTH0_DOMAIN}: the tenant, such as {@code acme.eu.auth0.com};</li>
 *   <li>{@code AUTH0_TOKEN}: a Management API token with {@code read:directory_provisionings} and
 *       {@code update:directory_provisionings} (never printed);</li>
 *   <li>{@code AUTH0_CONNECTION_ID}: a connection that has directory provisioning.</li>
 * </ul>
 * The PATCH writes the configuration as it was read; only {@code updated_at} changes.
 */
class LiveTenantSmokeTest {

  static final List<String> REQUIRED = List.of("AUTH0_DOMAIN", "AUTH0_TOKEN", "AUTH0_CONNECTION_ID");

  private static String env(String name) {
    String value = System.getenv(name);
    return value == null ? "" : value.trim();
  }

  private static String describe(List<Finding> findings) {
    return findings.stream().map(Finding::toString).collect(Collectors.joining("\n"));
  }

  @Test
  void readsTheConfigurationAndPatchesItBackUnchangedWithBothRealAnswersConformingToTheSpec() throws IOException {
    List<String> missing = REQUIRED.stream().filter(name -> env(name).isEmpty()).toList();
    assumeTrue(missing.isEmpty(), () -> "No live tenant: set " + String.join(", ", missing) + " to check the spec"
        + " against the real API (README, 'Checking the spec against the real API')");
    String domain = env("AUTH0_DOMAIN").replaceFirst("(?i)^https://", "").replaceFirst("/+$", "");

    Outcome outcome = ReadPatchBackCheck.run("https://" + domain + "/api/v2", env("AUTH0_TOKEN"),
        env("AUTH0_CONNECTION_ID"));

    assertThat(outcome.read().getStatusCode()).isEqualTo(200);
    assertThat(outcome.readFindings())
        .withFailMessage(() -> "The real GET answer breaks spec/openapi.yaml (nothing was PATCHed):\n"
            + describe(outcome.readFindings()))
        .isEmpty();
    assertThat(outcome.written()).as("the PATCH answer").isNotNull();
    assertThat(outcome.written().getStatusCode()).isEqualTo(200);
    assertThat(outcome.writeFindings())
        .withFailMessage(() -> "The real PATCH exchange breaks spec/openapi.yaml:\n"
            + describe(outcome.writeFindings()))
        .isEmpty();
    assertThat(outcome.written().getData().getMapping()).isEqualTo(outcome.read().getData().getMapping());
    assertThat(outcome.written().getData().getSynchronizeAutomatically())
        .isEqualTo(outcome.read().getData().getSynchronizeAutomatically());
    assertThat(outcome.written().getData().getSynchronizeGroups())
        .isEqualTo(outcome.read().getData().getSynchronizeGroups());
  }
}
