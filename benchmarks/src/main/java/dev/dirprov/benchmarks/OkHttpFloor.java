package dev.dirprov.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Floor B: the PATCH written by hand on OkHttp with its default connection pool, with one reused
 * {@link ObjectMapper} and dirprov's generated models as the JSON types.
 */
final class OkHttpFloor implements Contender {

  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient http = new OkHttpClient.Builder()
      .connectTimeout(10, TimeUnit.SECONDS)
      .readTimeout(30, TimeUnit.SECONDS)
      .followRedirects(false)
      .build();
  private final ObjectMapper mapper = Payloads.floorMapper();
  private final String baseUrl;
  private final Object request = FloorModels.request();

  OkHttpFloor(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  @Override
  public Object patch() throws IOException {
    Request call = new Request.Builder()
        .url(baseUrl + "/connections/" + Payloads.CONNECTION_ID + "/directory-provisioning")
        .header("Authorization", "Bearer " + Payloads.TOKEN)
        .header("Accept", "application/json")
        .patch(RequestBody.create(mapper.writeValueAsBytes(request), JSON))
        .build();
    try (Response response = http.newCall(call).execute()) {
      if (response.code() != 200) {
        throw new IOException("HTTP " + response.code());
      }
      return mapper.readValue(response.body().byteStream(), FloorModels.RESPONSE_TYPE);
    }
  }

  @Override
  public void check(Object response) {
    FloorModels.check(response);
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
