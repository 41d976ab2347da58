package dev.dirprov.client;

/**
 * Thrown on 409 Conflict: the configuration already exists, a synchronization is already in progress,
 * or a concurrent change to the group selection conflicts.
 *
 * <pre>{@code
 * try {
 *   api.updateDirectoryProvisioning(id, changes);
 * } catch (ConflictException e) {
 *   System.err.println(e.statusCode() + " " + e.errorCode() + ": " + e.apiMessage());
 * }
 * }</pre>
 */
public final class ConflictException extends ManagementApiException {

  private static final long serialVersionUID = 1L;

  ConflictException(ErrorResponseDetails response) {
    super(response);
  }
}
