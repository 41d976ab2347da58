package dev.dirprov.client;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.util.function.Supplier;

/**
 * Sends {@code Authorization: Bearer <token>} on every request, asking the supplier each time so that a
 * rotated token is picked up without rebuilding the client.
 */
final class BearerTokenInterceptor implements RequestInterceptor {

  private final Supplier<String> tokens;

  BearerTokenInterceptor(Supplier<String> tokens) {
    this.tokens = tokens;
  }

  @Override
  public void apply(RequestTemplate template) {
    String token = tokens.get();
    if (token == null || token.isBlank()) {
      throw new IllegalStateException("The token supplier returned no token (null or blank)");
    }
    template.removeHeader("Authorization");
    template.headerLiteral("Authorization", "Bearer " + token);
  }

  @Override
  public String toString() {
    return "BearerTokenInterceptor[token=<redacted>]";
  }
}
