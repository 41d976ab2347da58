package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dirprov.client.DirectoryProvisioningClient;
import dev.dirprov.client.api.DirectoryProvisioningApi;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Runs with and without Micrometer on the class path (see the surefire executions in pom.xml). */
class RunningInAServiceTest {

  @Test
  void theClassPathIsTheOneThisRunPromises() {
    boolean absent = Boolean.getBoolean("micrometer.absent");
    boolean present;
    try {
      Class.forName("io.micrometer.core.instrument.MeterRegistry");
      present = true;
    } catch (ClassNotFoundException e) {
      present = false;
    }
    assertEquals(!absent, present, "Micrometer on the class path");
  }

  @Test
  void fromEnvReadsTheEnvironment() {
    DirectoryProvisioningApi api = RunningInAService.fromTheEnvironment();
    assertEquals("DirectoryProvisioningApi[https://tenant.example.invalid/api/v2]", api.toString());
    DirectoryProvisioningClient.close(api);
    assertThrows(IllegalStateException.class, () -> api.getDirectoryProvisioning("con_0aB1cD2eF3gH4iJ5"));
  }

  @Test
  void runsOnTheServicesHttpClientWithTheTokenFromTheEnvironment() throws Exception {
    List<String> intercepted = new CopyOnWriteArrayList<>();
    OkHttpClient shared = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          intercepted.add(chain.request().method());
          return chain.proceed(chain.request());
        })
        .build();
    try (LocalServer local = new LocalServer()) {
      DirectoryProvisioningApi api = DirectoryProvisioningClient.fromEnv().httpClient(shared)
          .baseUrl(local.apiUrl()).build();

      TurnOnSynchronization.run(api);
      DirectoryProvisioningClient.close(api);

      assertEquals(List.of("PATCH /api/v2/connections/con_0aB1cD2eF3gH4iJ5/directory-provisioning "
          + "Bearer downstream-env-token"), local.seen);
      assertEquals(List.of("PATCH"), intercepted);
      assertTrue(!shared.dispatcher().executorService().isShutdown(), "the service's client stays open");
    }
  }

  @Test
  void theProxyExampleBuilds() {
    DirectoryProvisioningApi api = RunningInAService.throughAProxy("proxy.corp.example", 3128);
    assertEquals("DirectoryProvisioningApi[https://tenant.example.invalid/api/v2]", api.toString());
  }
}
