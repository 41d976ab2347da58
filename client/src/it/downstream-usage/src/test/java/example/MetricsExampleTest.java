package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dirprov.client.DirectoryProvisioningClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The README's metrics example, run with Micrometer on the class path. */
class MetricsExampleTest {

  @Test
  void recordsACallAndItsAttempt() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    RunningInAService.withMetrics(registry); // the README example builds as written
    try (LocalServer local = new LocalServer()) {
      TurnOnSynchronization.run(DirectoryProvisioningClient.fromEnv().baseUrl(local.apiUrl())
          .meterRegistry(registry).build());
    }

    assertEquals(1, registry.get("dirprov.client.calls").tags("operation", "updateDirectoryProvisioning",
        "method", "PATCH", "status", "200", "outcome", "SUCCESS").timer().count());
    assertEquals(1, registry.get("dirprov.client.attempts").tags("status", "200").timer().count());
  }
}
