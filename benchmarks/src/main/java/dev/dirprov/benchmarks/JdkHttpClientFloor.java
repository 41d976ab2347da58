package dev.dirprov.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Floor A: the PATCH written by hand on {@code java.net.http.HttpClient} (HTTP/1.1, keep-alive), with one
 * reused {@link ObjectMapper} and dirprov's generated models as the JSON types.
 */
final class JdkHttpClientFloor implements Contender {

  private final HttpClient http;
  private final ObjectMapper mapper = Payloads.floorMapper();
  private final String baseUrl;
  private final Object request = FloorModels.request();

  JdkHttpClientFloor(String baseUrl) {
    this.baseUrl = baseUrl;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public Object patch() throws IOException, InterruptedException {
    HttpRequest call = HttpRequest.newBuilder(
            URI.create(baseUrl + "/connections/" + Payloads.CONNECTION_ID + "/directory-provisioning"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + Payloads.TOKEN)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(request)))
        .build();
    HttpResponse<byte[]> response = http.send(call, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode());
    }
    return mapper.readValue(response.body(), FloorModels.RESPONSE_TYPE);
  }

  @Override
  public void check(Object response) {
    FloorModels.check(response);
  }
}
