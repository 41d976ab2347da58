package dev.dirprov.client;

import java.util.function.Function;

/**
 * Fills in, from environment variables, the options a {@link DirectoryProvisioningClient#fromEnv()} builder was
 * not given explicitly: {@code AUTH0_DOMAIN}, and {@code AUTH0_TOKEN} or {@code AUTH0_CLIENT_ID} with
 * {@code AUTH0_CLIENT_SECRET} (and {@code AUTH0_AUDIENCE}, if set). Every refusal names the variable; none quotes
 * a token or a secret.
 *
 * <pre>{@code
 * EnvironmentPreset.fill(builder, System::getenv); // in build(), before the options are checked
 * }</pre>
 */
final class EnvironmentPreset {

  static final String DOMAIN = "AUTH0_DOMAIN";
  static final String TOKEN = "AUTH0_TOKEN";
  static final String CLIENT_ID = "AUTH0_CLIENT_ID";
  static final String CLIENT_SECRET = "AUTH0_CLIENT_SECRET";
  static final String AUDIENCE = "AUTH0_AUDIENCE";

  private EnvironmentPreset() {
  }

  /** Sets what {@code builder} lacks from {@code environment}; does nothing when {@code environment} is null. */
  static void fill(DirectoryProvisioningClientBuilder builder, Function<String, String> environment) {
    if (environment == null) {
      return;
    }
    if (builder.url == null) {
      String domain = value(environment, DOMAIN);
      if (domain == null) {
        throw new IllegalStateException(DOMAIN + " is not set (or call domain or baseUrl)");
      }
      try {
        builder.domain(domain);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(DOMAIN + ": " + e.getMessage(), e);
      }
    }
    if (builder.credentials != null) {
      return;
    }
    String token = value(environment, TOKEN);
    String clientId = value(environment, CLIENT_ID);
    String clientSecret = value(environment, CLIENT_SECRET);
    String audience = value(environment, AUDIENCE);
    if (token != null && (clientId != null || clientSecret != null)) {
      throw new IllegalStateException("Both " + TOKEN + " and " + (clientId != null ? CLIENT_ID : CLIENT_SECRET)
          + " are set: set " + TOKEN + ", or " + CLIENT_ID + " and " + CLIENT_SECRET + ", not both");
    }
    if (token != null) {
      if (audience != null) {
        throw new IllegalStateException(AUDIENCE + " is set, but it is only used with " + CLIENT_ID + " and "
            + CLIENT_SECRET + ", not with " + TOKEN);
      }
      try {
        builder.token(token);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(TOKEN + ": " + e.getMessage(), e); // the message never quotes the token
      }
      return;
    }
    if (clientId == null || clientSecret == null) {
      throw new IllegalStateException(clientId == null && clientSecret == null
          ? "Neither " + TOKEN + " nor " + CLIENT_ID + " and " + CLIENT_SECRET + " are set (or call token, "
              + "tokenSupplier or clientCredentials)"
          : (clientId == null ? CLIENT_ID : CLIENT_SECRET) + " is not set, but "
              + (clientId == null ? CLIENT_SECRET : CLIENT_ID) + " is: set both");
    }
    builder.clientCredentials(clientId, clientSecret);
    if (audience != null && builder.audience == null) {
      builder.audience(audience);
    }
  }

  /** The variable's value, or null if it is unset or blank. */
  private static String value(Function<String, String> environment, String name) {
    String value = environment.apply(name);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
