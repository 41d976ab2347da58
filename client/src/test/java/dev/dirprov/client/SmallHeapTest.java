package dev.dirprov.client;

import static dev.dirprov.client.LocalApi.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dirprov.client.api.DirectoryProvisioningApi;
import dev.dirprov.client.model.UpdateDirectoryProvisioningRequestContent;
import feign.Logger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Memory bounds at every log level, in a JVM whose heap is 64 MiB (the {@code small-heap} surefire execution):
 * a 64 MiB body, as a success, as an error or as a gzip bomb, must end in a typed exception, never in
 * {@link OutOfMemoryError}.
 */
@Tag("small-heap")
class SmallHeapTest {

  private static final int HUGE = 64 * 1024 * 1024;
  private static byte[] bomb;

  @BeforeAll
  static void heapIsSmall() throws IOException {
    assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(80L * 1024 * 1024);
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      byte[] zeros = new byte[64 * 1024];
      for (int i = 0; i < HUGE / zeros.length; i++) {
        gzip.write(zeros);
      }
    }
    bomb = compressed.toByteArray();
  }

  private static void hugeBody(Socket socket, int status) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + HUGE
        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, (byte) ' ');
    for (int sent = 0; sent < HUGE; sent += chunk.length) {
      out.write(chunk);
    }
    out.flush();
    socket.close();
  }

  private static void gzipBomb(Socket socket) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: "
        + bomb.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.write(bomb);
    out.flush();
    socket.close();
  }

  private static Throwable failureOf(RawHttpServer.Behaviour behaviour, Logger.Level level) throws Exception {
    List<String> lines = new ArrayList<>();
    try (RawHttpServer raw = new RawHttpServer(behaviour)) {
      DirectoryProvisioningApi api = DirectoryProvisioningClient.builder().baseUrl(raw.baseUrl()).token("t")
          .maxRetries(0).logLevel(level).logSink(lines::add).build();
      return catchThrowable(() ->
          api.updateDirectoryProvisioning(ID, new UpdateDirectoryProvisioningRequestContent()));
    }
  }

  @ParameterizedTest
  @EnumSource(Logger.Level.class)
  void a64MiBSuccessBodyIsADecodeFailure(Logger.Level level) throws Exception {
    assertThat(failureOf(socket -> hugeBody(socket, 200), level)).isInstanceOf(ResponseDecodeException.class);
  }

  @ParameterizedTest
  @EnumSource(Logger.Level.class)
  void a64MiBErrorBodyIsAServerError(Logger.Level level) throws Exception {
    assertThat(failureOf(socket -> hugeBody(socket, 502), level)).isInstanceOf(ServerErrorException.class);
  }

  @ParameterizedTest
  @EnumSource(Logger.Level.class)
  void aGzipBombIsADecodeFailure(Logger.Level level) throws Exception {
    assertThat(failureOf(SmallHeapTest::gzipBomb, level)).isInstanceOf(ResponseDecodeException.class);
  }
}
