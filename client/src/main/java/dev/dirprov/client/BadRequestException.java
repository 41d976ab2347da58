package dev.dirprov.client;

/**
 * Thrown on 400 Bad Request: the request was invalid (path or payload validation, an invalid mapping, or a connection that cannot be provisioned).
 *
 * <pre>{@code
 * try {
 *   api.updateDirectoryProvisioning(id, changes);
 * } catch (BadRequestException e) {
 *   System.err.println(e.statusCode() + " " + e.errorCode() + ": " + e.apiMessage());
 * }
 * }</pre>
 */
public final class BadRequestException extends ManagementApiException {

  private static final long serialVersionUID = 1L;

  BadRequestException(ErrorResponseDetails response) {
    super(response);
  }
}
