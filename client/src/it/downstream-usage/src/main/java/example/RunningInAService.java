package example;

import dev.dirprov.client.DirectoryProvisioningClient;
import dev.dirprov.client.api.DirectoryProvisioningApi;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.net.Proxy;
import okhttp3.OkHttpClient;

/** The README's "Running in a service" examples, compiled against the packaged client. */
final class RunningInAService {

  private RunningInAService() {
  }

  /** README: the whole set-up from AUTH0_DOMAIN and AUTH0_TOKEN (or AUTH0_CLIENT_ID + AUTH0_CLIENT_SECRET). */
  static DirectoryProvisioningApi fromTheEnvironment() {
    return DirectoryProvisioningClient.fromEnv().build();
  }

  /** README: on the service's own OkHttp client (its interceptors, TLS, proxy and pool). */
  static DirectoryProvisioningApi onTheServicesHttpClient(OkHttpClient sharedHttpClient) {
    return DirectoryProvisioningClient.fromEnv()
        .httpClient(sharedHttpClient)                 // never closed by dirprov
        .build();
  }

  /** README: through a corporate proxy, without a client of one's own. */
  static DirectoryProvisioningApi throughAProxy(String host, int port) {
    return DirectoryProvisioningClient.fromEnv()
        .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(host, port)))
        .build();
  }

  /** README: metrics (timers per call and per attempt, retries by reason). */
  static DirectoryProvisioningApi withMetrics(MeterRegistry meterRegistry) {
    return DirectoryProvisioningClient.fromEnv()
        .meterRegistry(meterRegistry)                 // needs micrometer-core and feign-micrometer
        .build();
  }
}
