package dev.dirprov.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 keep-alive responder on 127.0.0.1 that answers the benchmarked PATCH, and nothing else, with
 * one prebuilt 200 response.
 *
 * <pre>{@code
 * try (StubServer server = StubServer.start()) {
 *   String baseUrl = server.baseUrl(); // http://127.0.0.1:<port>/api/v2
 * }
 * }</pre>
 *
 * <p>Written for the benchmark so that the server costs as little as possible next to the client: one
 * blocking thread per connection, one read per request in the common case, the whole response in one
 * write, no allocation per request. It still reads every request completely: the request line must be
 * the PATCH of {@link Payloads#PATCH_PATH}, a bearer token must be present and the body is framed by
 * {@code Content-Length}; any other request gets a 400, which makes the contender fail loudly. A JDK
 * {@code HttpServer} costs several times more per request (see {@code ServerCostBenchmark}).
 */
final class StubServer implements RequestCapture, AutoCloseable {

  private static final byte[] EXPECTED_REQUEST_LINE =
      ("PATCH " + Payloads.PATCH_PATH + " HTTP/1.1").getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRANSFER_ENCODING = "transfer-encoding:".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] AUTHORIZATION_BEARER =
      "authorization: bearer ".getBytes(StandardCharsets.US_ASCII);

  private static final byte[] OK = response("200 OK", "", Payloads.RESPONSE_BYTES);
  private static final byte[] OK_AND_CLOSE = response("200 OK", "Connection: close\r\n", Payloads.RESPONSE_BYTES);
  private static final byte[] BAD_REQUEST = response("400 Bad Request", "",
      ("{\"statusCode\":400,\"error\":\"Bad Request\",\"message\":\"The benchmark stub only answers PATCH "
          + Payloads.PATCH_PATH + " with a bearer token and a Content-Length body\"}")
          .getBytes(StandardCharsets.UTF_8));

  private final ServerSocket serverSocket;
  private final Thread acceptor;
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private final AtomicLong connectionsOpened = new AtomicLong();
  private final AtomicLong closedRequests = new AtomicLong();
  private final AtomicLong closedCpuNanos = new AtomicLong();
  private final AtomicLong staleRequests = new AtomicLong();
  private final AtomicBoolean closeAfterNext = new AtomicBoolean();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private volatile byte[] captured;
  private volatile boolean capture;

  private StubServer(ServerSocket serverSocket) {
    this.serverSocket = serverSocket;
    this.acceptor = new Thread(this::acceptLoop, "stub-acceptor");
    this.acceptor.setDaemon(true);
  }

  /** Starts a server on an ephemeral port of 127.0.0.1. */
  static StubServer start() throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    StubServer server = new StubServer(socket);
    server.acceptor.start();
    return server;
  }

  /** The Management API base URL, such as {@code http://127.0.0.1:41234/api/v2}. */
  String baseUrl() {
    return "http://127.0.0.1:" + serverSocket.getLocalPort() + Payloads.API_PATH;
  }

  int port() {
    return serverSocket.getLocalPort();
  }

  /** Keeps the body of the next request, for {@link #takeCaptured()}; off the measured path. */
  @Override
  public void captureNext() {
    captured = null;
    capture = true;
  }

  /** The body kept since {@link #captureNext()}, or {@code null}. */
  @Override
  public byte[] takeCaptured() {
    return captured;
  }

  /**
   * Ends the connection that answers the next request, as a server does that closes a connection on purpose:
   * the answer says {@code Connection: close}, and the connection is closed after it. So the client's next
   * call opens a new connection, knowingly.
   */
  void closeAfterNextResponse() {
    closeAfterNext.set(true);
  }

  /**
   * Closes every open connection from this side, as a server's (or a load balancer's) idle timeout does, while
   * the client still keeps it in its pool: the client gets a FIN it cannot see without reading. The stub keeps
   * reading, so that a request the client still sends on such a connection is counted in
   * {@link #staleRequests()}; it is answered with a reset, as a closed socket answers data.
   */
  void closeIdleConnections() {
    for (Connection connection : connections) {
      connection.closeIdle();
    }
  }

  /** Requests that arrived on a connection after {@link #closeIdleConnections()} had closed it. */
  long staleRequests() {
    return staleRequests.get();
  }

  /** Requests answered so far. */
  long requests() {
    long sum = closedRequests.get();
    for (Connection connection : connections) {
      sum += connection.served;
    }
    return sum;
  }

  /** TCP connections accepted so far; with keep-alive this stays at about one per client thread. */
  long connectionsOpened() {
    return connectionsOpened.get();
  }

  /** CPU time (user and system) spent by the connection threads so far. */
  long cpuNanos() {
    long sum = closedCpuNanos.get();
    for (Connection connection : connections) {
      long cpu = threads.getThreadCpuTime(connection.getId());
      if (cpu > 0) {
        sum += cpu;
      }
    }
    return sum;
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
    for (Connection connection : connections) {
      connection.closeQuietly();
    }
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      try {
        Socket socket = serverSocket.accept();
        socket.setTcpNoDelay(true);
        connectionsOpened.incrementAndGet();
        Connection connection = new Connection(socket);
        connections.add(connection);
        connection.start();
      } catch (IOException e) {
        if (!serverSocket.isClosed()) {
          e.printStackTrace();
        }
      }
    }
  }

  private static byte[] response(String status, String extraHeaders, byte[] body) {
    String head = "HTTP/1.1 " + status + "\r\n"
        + extraHeaders
        + "Content-Type: application/json; charset=utf-8\r\n"
        + "Content-Length: " + body.length + "\r\n"
        + "x-ratelimit-limit: 50\r\n"
        + "x-ratelimit-remaining: 49\r\n"
        + "x-ratelimit-reset: 1796047331\r\n"
        + "Cache-Control: no-cache\r\n"
        + "\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = Arrays.copyOf(headBytes, headBytes.length + body.length);
    System.arraycopy(body, 0, all, headBytes.length, body.length);
    return all;
  }

  /** One keep-alive connection, served by its own thread until the client closes it. */
  private final class Connection extends Thread {
    private final Socket socket;
    private byte[] buffer = new byte[16 * 1024];
    private int start;
    private int end;
    volatile long served;
    private volatile boolean idleClosed;

    Connection(Socket socket) {
      super("stub-connection-" + socket.getPort());
      setDaemon(true);
      this.socket = socket;
    }

    @Override
    public void run() {
      try (socket) {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        long count = 0;
        while (true) {
          int headerEnd = readHeader(in);
          if (headerEnd < 0) {
            return;
          }
          if (idleClosed) {
            staleRequests.incrementAndGet();
            socket.setSoLinger(true, 0); // a reset, as the kernel answers data sent to a closed socket
            return;
          }
          boolean valid = startsWith(start, EXPECTED_REQUEST_LINE);
          long contentLength = -1;
          boolean bearer = false;
          int line = indexOfCrlf(start, headerEnd) + 2;
          while (line < headerEnd) {
            int lineEnd = indexOfCrlf(line, headerEnd + 2);
            if (startsWithIgnoreCase(line, CONTENT_LENGTH)) {
              contentLength = parseLong(line + CONTENT_LENGTH.length, lineEnd);
            } else if (startsWithIgnoreCase(line, TRANSFER_ENCODING)) {
              valid = false; // a body framed otherwise than by Content-Length is not expected here
            } else if (startsWithIgnoreCase(line, AUTHORIZATION_BEARER)) {
              bearer = lineEnd > line + AUTHORIZATION_BEARER.length;
            }
            line = lineEnd + 2;
          }
          int bodyStart = headerEnd + 4;
          if (contentLength < 0) {
            valid = false;
            contentLength = 0;
          }
          consumeBody(in, bodyStart, (int) contentLength);
          boolean close = closeAfterNext.get() && closeAfterNext.compareAndSet(true, false);
          out.write(!(valid && bearer) ? BAD_REQUEST : close ? OK_AND_CLOSE : OK);
          served = ++count;
          if (close) {
            return;
          }
        }
      } catch (SocketException e) {
        // the client or close() ended the connection
      } catch (IOException e) {
        e.printStackTrace();
      } finally {
        closedCpuNanos.addAndGet(Math.max(0, threads.getCurrentThreadCpuTime()));
        closedRequests.addAndGet(served);
        connections.remove(this);
      }
    }

    /** Reads until the buffer holds a whole header; returns the index of its closing CRLFCRLF, or -1 at EOF. */
    private int readHeader(InputStream in) throws IOException {
      int searchFrom = start;
      while (true) {
        for (int i = Math.max(searchFrom, start); i + 3 < end; i++) {
          if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
            return i;
          }
        }
        searchFrom = Math.max(start, end - 3);
        if (end == buffer.length) {
          int length = end - start;
          if (start == 0) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
          } else {
            System.arraycopy(buffer, start, buffer, 0, length);
          }
          searchFrom -= start;
          start = 0;
          end = length;
        }
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
          return -1;
        }
        end += read;
      }
    }

    private void consumeBody(InputStream in, int bodyStart, int length) throws IOException {
      int buffered = end - bodyStart;
      boolean keep = capture;
      byte[] body = keep ? new byte[length] : null;
      if (buffered >= length) {
        if (keep) {
          System.arraycopy(buffer, bodyStart, body, 0, length);
        }
        start = bodyStart + length;
        if (start == end) {
          start = 0;
          end = 0;
        }
      } else {
        if (keep) {
          System.arraycopy(buffer, bodyStart, body, 0, buffered);
        }
        int remaining = length - buffered;
        start = 0;
        end = 0;
        while (remaining > 0) {
          int read = in.read(buffer, 0, Math.min(buffer.length, remaining));
          if (read < 0) {
            throw new SocketException("connection closed inside a request body");
          }
          if (keep) {
            System.arraycopy(buffer, 0, body, length - remaining, read);
          }
          remaining -= read;
        }
      }
      if (keep) {
        captured = body;
        capture = false;
      }
    }

    private boolean startsWith(int at, byte[] prefix) {
      if (end - at <= prefix.length) {
        return false;
      }
      for (int i = 0; i < prefix.length; i++) {
        if (buffer[at + i] != prefix[i]) {
          return false;
        }
      }
      return buffer[at + prefix.length] == '\r';
    }

    private boolean startsWithIgnoreCase(int at, byte[] lowerCasePrefix) {
      if (end - at < lowerCasePrefix.length) {
        return false;
      }
      for (int i = 0; i < lowerCasePrefix.length; i++) {
        int b = buffer[at + i];
        if (b >= 'A' && b <= 'Z') {
          b += 'a' - 'A';
        }
        if (b != lowerCasePrefix[i]) {
          return false;
        }
      }
      return true;
    }

    private int indexOfCrlf(int from, int limit) {
      for (int i = from; i + 1 < limit; i++) {
        if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
          return i;
        }
      }
      return limit;
    }

    private long parseLong(int from, int to) {
      long value = 0;
      boolean digits = false;
      for (int i = from; i < to; i++) {
        byte b = buffer[i];
        if (b >= '0' && b <= '9') {
          value = value * 10 + (b - '0');
          digits = true;
        } else if (b != ' ' && b != '\t') {
          return -1;
        }
      }
      return digits ? value : -1;
    }

    private void closeIdle() {
      idleClosed = true;
      try {
        socket.shutdownOutput();
      } catch (IOException e) {
        // already closed
      }
    }

    private void closeQuietly() {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
