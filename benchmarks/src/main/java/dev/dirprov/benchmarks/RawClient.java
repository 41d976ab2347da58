package dev.dirprov.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The cheapest possible caller of the PATCH: one keep-alive socket, a prebuilt request written at once and
 * the answer read by its {@code Content-Length}. What a call costs with this client is what the server and
 * the loopback cost; {@code ServerCostBenchmark} sets it beside the contenders.
 */
final class RawClient implements AutoCloseable {

  private static final byte[] REQUEST;

  static {
    byte[] body = Payloads.REQUEST_JSON.getBytes(StandardCharsets.UTF_8);
    byte[] head = ("PATCH " + Payloads.PATCH_PATH + " HTTP/1.1\r\n"
        + "Authorization: Bearer " + Payloads.TOKEN + "\r\n"
        + "Accept: application/json\r\n"
        + "Content-Type: application/json; charset=utf-8\r\n"
        + "Content-Length: " + body.length + "\r\n"
        + "Host: 127.0.0.1\r\n"
        + "Connection: Keep-Alive\r\n"
        + "User-Agent: raw\r\n"
        + "\r\n").getBytes(StandardCharsets.US_ASCII);
    REQUEST = new byte[head.length + body.length];
    System.arraycopy(head, 0, REQUEST, 0, head.length);
    System.arraycopy(body, 0, REQUEST, head.length, body.length);
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] buffer = new byte[16 * 1024];

  RawClient(int port) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(30_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  /** Sends the PATCH and reads the whole answer; returns the status code. */
  int patch() throws IOException {
    out.write(REQUEST);
    int end = 0;
    int headerEnd = -1;
    while (headerEnd < 0) {
      int read = in.read(buffer, end, buffer.length - end);
      if (read < 0) {
        throw new IOException("connection closed by the server");
      }
      int from = Math.max(0, end - 3);
      end += read;
      for (int i = from; i + 3 < end; i++) {
        if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
          headerEnd = i + 4;
          break;
        }
      }
    }
    int status = (buffer[9] - '0') * 100 + (buffer[10] - '0') * 10 + (buffer[11] - '0');
    int length = contentLength(headerEnd);
    int remaining = length - (end - headerEnd);
    while (remaining > 0) {
      int read = in.read(buffer, 0, Math.min(buffer.length, remaining));
      if (read < 0) {
        throw new IOException("connection closed inside the body");
      }
      remaining -= read;
    }
    return status;
  }

  private int contentLength(int headerEnd) throws IOException {
    String head = new String(buffer, 0, headerEnd, StandardCharsets.US_ASCII);
    int at = head.toLowerCase(java.util.Locale.ROOT).indexOf("\r\ncontent-length:");
    if (at < 0) {
      throw new IOException("no Content-Length in " + head);
    }
    int lineEnd = head.indexOf('\r', at + 2);
    return Integer.parseInt(head.substring(at + 17, lineEnd).trim());
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
