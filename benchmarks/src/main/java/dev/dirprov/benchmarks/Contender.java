package dev.dirprov.benchmarks;

import java.io.IOException;

/**
 * One way of making the benchmarked PATCH: built once against a server, then called many times, from one
 * thread or from many at once.
 */
interface Contender extends AutoCloseable {

  /** The contenders by the name used in {@code -p contender=...}, in the order of the tables. */
  String[] NAMES = {"floorJdk", "floorOkHttp", "dirprov", "auth0Sdk"};

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

  @Override
  default void close() throws IOException {
  }
}
