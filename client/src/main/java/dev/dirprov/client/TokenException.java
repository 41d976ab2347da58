package dev.dirprov.client;

/**
 * Thrown when the client could not obtain an access token with the credentials given to
 * {@code clientCredentials(clientId, clientSecret)}: the token endpoint refused them, answered something that
 * is not a token, or could not be reached. Neither the client secret nor any token appears in it.
 *
 * <pre>{@code
 * try {
 *   api.updateDirectoryProvisioning(id, changes);
 * } catch (TokenException e) {
 *   // "Could not obtain an access token from https://acme.eu.auth0.com/oauth/token:
 *   //  401 Unauthorized (access_denied): Unauthorized"
 *   alerting.credentialsBroken(e.getMessage());
 * }
 * }</pre>
 *
 * <p>{@link #statusCode()} is the token endpoint's status ({@code 0} when it could not be reached; the
 * {@link TransportException} is then the cause); {@link #errorCode()} is its OAuth {@code error} and
 * {@link #apiMessage()} its {@code error_description}.
 */
public final class TokenException extends ManagementApiException {

  private static final long serialVersionUID = 1L;

  TokenException(String tokenUrl, String problem, ErrorResponseDetails response, Throwable cause) {
    super("Could not obtain an access token from " + tokenUrl + ": " + problem, response, cause);
  }
}
