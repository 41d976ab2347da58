package dev.dirprov.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dirprov.client.api.DirectoryProvisioningApi;
import dev.dirprov.client.model.ApiResponse;
import dev.dirprov.client.model.UpdateDirectoryProvisioningRequestContent;
import dev.dirprov.client.model.UpdateDirectoryProvisioningResponseContent;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How successful responses are read back (OkHttpTransport, BoundedResponseDecoder): the charset a body
 * declares, bodies with and without Content-Length, and the status and headers of {@code WithHttpInfo} calls,
 * against a real HTTP server.
 */
class ResponseDecodingTest {

  private static final String ID = "con_0aB1cD2eF3gH4iJ5";
  private static final String BODY = "{\"connection_id\":\"" + ID + "\",\"connection_name\":\"Société Générale\","
      + "\"strategy\":\"google-apps\",\"mapping\":[{\"auth0\":\"email\",\"idp\":\"primaryEmail\"}],"
      + "\"synchronize_automatically\":true,\"created_at\":\"2026-03-02T09:15:27Z\","
      + "\"updated_at\":\"2026-11-30T14:02:11+01:00\"}";

  @RegisterExtension
  static LocalApi server = new LocalApi();

  private DirectoryProvisioningApi api() {
    return DirectoryProvisioningClient.builder()
        .baseUrl(server.apiUrl())
        .token("test-token")
        .build();
  }

  private static void answer(String contentType, byte[] body) {
    server.stubFor(any(anyUrl()).willReturn(aResponse()
        .withStatus(200)
        .withHeader("Content-Type", contentType)
        .withHeader("X-RateLimit-Remaining", "49")
        .withBody(body)));
  }

  @ParameterizedTest(name = "Content-Type: {0}")
  @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8"})
  void decodesUtf8BodiesWithOrWithoutADeclaredCharset(String contentType) {
    answer(contentType, BODY.getBytes(StandardCharsets.UTF_8));

    UpdateDirectoryProvisioningResponseContent response =
        api().updateDirectoryProvisioning(ID, new UpdateDirectoryProvisioningRequestContent());

    assertThat(response.getConnectionName()).isEqualTo("Société Générale");
  }

  @Test
  void decodesABodyInTheCharsetItDeclares() {
    answer("application/json; charset=ISO-8859-1", BODY.getBytes(StandardCharsets.ISO_8859_1));

    UpdateDirectoryProvisioningResponseContent response =
        api().updateDirectoryProvisioning(ID, new UpdateDirectoryProvisioningRequestContent());

    assertThat(response.getConnectionName()).isEqualTo("Société Générale");
  }

  @Test
  void returnsTheStatusTheHeadersAndTheBodyWithHttpInfo() {
    answer("application/json", BODY.getBytes(StandardCharsets.UTF_8));

    ApiResponse<UpdateDirectoryProvisioningResponseContent> response =
        api().updateDirectoryProvisioningWithHttpInfo(ID, new UpdateDirectoryProvisioningRequestContent());

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders().get("x-ratelimit-remaining")).containsExactly("49");
    assertThat(response.getHeaders().get("X-RateLimit-Remaining")).containsExactly("49");
    assertThat(response.getData().getConnectionId()).isEqualTo(ID);
  }

  @Test
  void decodesAChunkedBodyWithoutContentLength() throws Exception {
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    int half = body.length / 2;
    try (RawHttpServer raw = new RawHttpServer(socket -> {
      OutputStream out = socket.getOutputStream();
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      for (int[] chunk : new int[][] {{0, half}, {half, body.length}}) {
        out.write((Integer.toHexString(chunk[1] - chunk[0]) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body, chunk[0], chunk[1] - chunk[0]);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    })) {
      UpdateDirectoryProvisioningResponseContent response = DirectoryProvisioningClient.builder()
          .baseUrl(raw.baseUrl())
          .token("test-token")
          .build()
          .updateDirectoryProvisioning(ID, new UpdateDirectoryProvisioningRequestContent());

      assertThat(response.getConnectionName()).isEqualTo("Société Générale");
      assertThat(response.getUpdatedAt()).hasToString("2026-11-30T14:02:11+01:00");
    }
  }
}
