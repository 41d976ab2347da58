package dev.dirprov.client;

/**
 * Thrown on 404 Not Found: the connection or its directory provisioning configuration does not exist.
 *
 * <pre>{@code
 * try {
 *   api.updateDirectoryProvisioning(id, changes);
 * } catch (NotFoundException e) {
 *   System.err.println(e.statusCode() + " " + e.errorCode() + ": " + e.apiMessage());
 * }
 * }</pre>
 */
public final class NotFoundException extends ManagementApiException {

  private static final long serialVersionUID = 1L;

  NotFoundException(ErrorResponseDetails response) {
    super(response);
  }
}
