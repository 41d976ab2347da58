package dev.dirprov.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where a call's access token comes from, sent as {@code Authorization: Bearer <token>}: a fixed token, a
 * caller's supplier, or the client-credentials grant ({@link ClientCredentialsTokens}). It gives a token for
 * every request and takes back a token the API refused.
 *
 * <pre>{@code
 * Credentials credentials = Credentials.fixed(token);
 * Feign.builder().requestInterceptor(credentials)
 * }</pre>
 *
 * <p>A token that cannot be sent in a header (blank, or with control characters such as a line break) is a
 * {@link TokenException}, and is never quoted.
 */
abstract class Credentials implements RequestInterceptor {

  /** The token for the next request. */
  abstract String token();

  /**
   * Drops {@code refused}, which the API answered 401 to.
   *
   * @return whether asking again may give another token
   */
  boolean refused(String refused) {
    return false;
  }

  /** Values never shown in messages, headers or logs, beside the token of each request. */
  List<String> secrets() {
    return List.of();
  }

  /** These credentials, ready to fetch tokens through {@code transport} if they fetch any. */
  Credentials connect(DirectoryProvisioningClientBuilder options, OkHttpTransport transport, Failures failures,
      RedactingLogger logger, ObjectMapper mapper) {
    return this;
  }

  @Override
  public final void apply(RequestTemplate template) {
    List<String> authorization = authorization();
    template.removeHeader("Authorization");
    template.headerLiteral("Authorization", authorization);
  }

  /**
   * The {@code Authorization} header's values for the next request: {@code Bearer <token>}. A fixed token's is
   * built once, so that a call adds it without building the value again (BENCHMARKS.md).
   */
  List<String> authorization() {
    return List.of("Bearer " + token());
  }

  /** A fixed token, checked when it is given. */
  static Credentials fixed(String token) {
    if (!sendable(token)) {
      throw new IllegalArgumentException(token.isBlank() ? "token is blank"
          : "token contains control characters (such as a line break); it cannot be sent in a header");
    }
    List<String> authorization = List.of("Bearer " + token);
    return new Credentials() {
      @Override
      String token() {
        return token;
      }

      @Override
      List<String> authorization() {
        return authorization;
      }

      @Override
      List<String> secrets() {
        return List.of(token);
      }

      @Override
      public String toString() {
        return "token=<redacted>";
      }
    };
  }

  /** Asks {@code supplier} for every request. */
  static Credentials supplied(Supplier<String> supplier) {
    return new Credentials() {
      @Override
      String token() {
        String token = supplier.get();
        if (token == null || !sendable(token)) {
          throw Failures.badToken("the tokenSupplier", 0, token == null || token.isBlank()
              ? "it returned no token (null or blank)"
              : "it returned a token with control characters (such as a line break), which cannot be sent");
        }
        return token;
      }

      @Override
      public String toString() {
        return "tokenSupplier=<redacted>";
      }
    };
  }

  /** Not blank, and only visible ASCII and spaces: what a header value can carry. */
  static boolean sendable(String token) {
    if (token.isBlank()) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }
}
