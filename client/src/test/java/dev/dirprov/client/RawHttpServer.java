package dev.dirprov.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bare HTTP/1.1 server on 127.0.0.1 for faults WireMock cannot make: it reads each request's head and
 * then lets the test decide, byte by byte, what the connection does.
 */
final class RawHttpServer implements AutoCloseable {

  /** What to do with a connection whose request head has been read. */
  interface Behaviour {
    void serve(Socket socket) throws IOException, InterruptedException;
  }

  /** What to do with a connection, given the request line of its first request. */
  interface Exchange {
    void serve(Socket socket, String requestLine) throws IOException, InterruptedException;
  }

  private final ServerSocket server;
  private final AtomicInteger requests = new AtomicInteger();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  RawHttpServer(Behaviour behaviour) throws IOException {
    this((socket, requestLine) -> behaviour.serve(socket));
  }

  RawHttpServer(Exchange behaviour) throws IOException {
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket socket = server.accept();
          open.add(socket);
          Thread connection = new Thread(() -> {
            try {
              String requestLine = readRequestHead(socket.getInputStream());
              requests.incrementAndGet();
              behaviour.serve(socket, requestLine);
            } catch (IOException | InterruptedException e) {
              // the test closed the server, or the client gave up: nothing to report
            }
          });
          connection.setDaemon(true);
          connection.start();
        } catch (IOException e) {
          return;
        }
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort() + "/api/v2";
  }

  /** Requests whose head arrived. */
  int requests() {
    return requests.get();
  }

  /** Closes the connection with a TCP reset rather than an orderly close. */
  static void reset(Socket socket) throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  /** Reads up to the end of a request head (skipping any body bytes before it); returns its first line. */
  static String readRequestHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    StringBuilder head = new StringBuilder();
    int b;
    while (matched < end.length && (b = in.read()) >= 0) {
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      head.append((char) b);
    }
    int line = head.indexOf("HTTP/1.1");
    int start = Math.max(0, Math.max(head.lastIndexOf("GET ", line), Math.max(head.lastIndexOf("POST ", line),
        Math.max(head.lastIndexOf("PATCH ", line), head.lastIndexOf("DELETE ", line)))));
    return line < 0 ? head.toString() : head.substring(start, line).trim();
  }

  /** Writes a complete response and keeps the connection open. */
  static void respond(Socket socket, int status, String headers, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    socket.getOutputStream().write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\n" + headers
        + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : open) {
      socket.close();
    }
  }
}
