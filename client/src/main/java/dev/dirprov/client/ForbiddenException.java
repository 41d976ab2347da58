package dev.dirprov.client;

/**
 * Thrown on 403 Forbidden: the token lacks a scope, or a feature is not enabled for the tenant.
 *
 * <pre>{@code
 * try {
 *   api.updateDirectoryProvisioning(id, changes);
 * } catch (ForbiddenException e) {
 *   System.err.println(e.statusCode() + " " + e.errorCode() + ": " + e.apiMessage());
 * }
 * }</pre>
 */
public final class ForbiddenException extends ManagementApiException {

  private static final long serialVersionUID = 1L;

  ForbiddenException(ErrorResponseDetails response) {
    super(response);
  }
}
