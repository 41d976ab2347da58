package dev.dirprov.client;

/**
 * Thrown on 401 Unauthorized: the token is missing, expired or invalid.
 *
 * <pre>{@code
 * try {
 *   api.updateDirectoryProvisioning(id, changes);
 * } catch (UnauthorizedException e) {
 *   System.err.println(e.statusCode() + " " + e.errorCode() + ": " + e.apiMessage());
 * }
 * }</pre>
 */
public final class UnauthorizedException extends ManagementApiException {

  private static final long serialVersionUID = 1L;

  UnauthorizedException(ErrorResponseDetails response) {
    super(response);
  }
}
