package dev.dirprov.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One way of making the benchmarked PATCH: built once against a server, then called many times, from one
 * thread or from many at once.
 */
interface Contender extends AutoCloseable {

  /** The contenders by the name used in {@code -p contender=...}, in the order of the tables. */
  String[] NAMES = {"floorJdk", "floorOkHttp", "feignFloor", "feignCore", "dirprov", "auth0Sdk"};

  /**
   * The contenders that send their PATCH over a socket: all but {@code feignCore}, which answers in memory
   * and so has no latency, throughput or cold start comparable with a call (see BENCHMARKS.md).
   */
  String[] OVER_A_SOCKET = {"floorJdk", "floorOkHttp", "feignFloor", "dirprov", "auth0Sdk"};

  /**
   * Builds the named contender against {@code baseUrl}. Each is in its own class, so that a cold start loads
   * only the classes of the contender it measures.
   */
  static Contender create(String name, String baseUrl) throws Exception {
    switch (name) {
      case "floorJdk":
        return new JdkHttpClientFloor(baseUrl);
      case "floorOkHttp":
        return new OkHttpFloor(baseUrl);
      case "feignFloor":
        return new FeignFloorContender(baseUrl);
      case "feignCore":
        return new FeignCoreContender(baseUrl);
      case "dirprov":
        return new DirprovContender(baseUrl);
      case "auth0Sdk":
        return new Auth0SdkContender(baseUrl);
      default:
        throw new IllegalArgumentException("Unknown contender \"" + name + "\"; expected one of "
            + String.join(", ", NAMES));
    }
  }

  /**
   * Sends the PATCH and returns the decoded 200 body.
   *
   * @throws Exception if the call failed or the answer was not a 200
   */
  Object patch() throws Exception;

  /**
   * Checks an object returned by {@link #patch()}: every field of the answer decoded, as sent.
   *
   * @throws IllegalStateException naming the first field that is wrong
   */
  void check(Object response);

  /**
   * Where this contender's requests can be captured for {@link #checkFirstCall}: the server it calls, unless
   * it answers in memory.
   */
  default RequestCapture requests(StubServer server) {
    return server;
  }

  /**
   * Makes one call and checks it end to end: the body that arrived must be the expected JSON, and every field
   * of the decoded answer must be as the server sent it. Every benchmark does this before measuring anything.
   *
   * @throws IllegalStateException naming what was wrong
   */
  static void checkFirstCall(String name, Contender client, StubServer server) throws Exception {
    RequestCapture requests = client.requests(server);
    requests.captureNext();
    client.check(client.patch());
    byte[] body = requests.takeCaptured();
    if (body == null || !Payloads.isExpectedRequest(body)) {
      throw new IllegalStateException(name + " sent an unexpected body: "
          + (body == null ? "none" : new String(body, StandardCharsets.UTF_8)));
    }
  }

  @Override
  default void close() throws IOException {
  }
}
