package dev.dirprov.client;

/**
 * Thrown on 5xx: Auth0 or a proxy in front of it failed (any 5xx status).
 *
 * <pre>{@code
 * try {
 *   api.updateDirectoryProvisioning(id, changes);
 * } catch (ServerErrorException e) {
 *   System.err.println(e.statusCode() + " " + e.errorCode() + ": " + e.apiMessage());
 * }
 * }</pre>
 */
public final class ServerErrorException extends ManagementApiException {

  private static final long serialVersionUID = 1L;

  ServerErrorException(ErrorResponseDetails response) {
    super(response);
  }
}
