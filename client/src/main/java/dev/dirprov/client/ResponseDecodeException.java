package dev.dirprov.client;

/**
 * Thrown when a successful response (2xx) has a body the client cannot read as the operation's result: not
 * JSON, JSON of the wrong shape (an array, a string, a field of the wrong type), empty, {@code null}, or
 * larger than the client accepts. It is not retried: the server answered, and asking again would most likely
 * get the same answer.
 *
 * <pre>{@code
 * try {
 *   api.updateDirectoryProvisioning(id, changes);
 * } catch (ResponseDecodeException e) {
 *   // "200 OK: could not decode the response of PATCH https://acme.eu.auth0.com/api/v2/connections/
 *   //  con_0aB1cD2eF3gH4iJ5/directory-provisioning as UpdateDirectoryProvisioningResponseContent:
 *   //  field updated_at: Cannot deserialize value of type `java.time.OffsetDateTime` ..."
 *   log.error(e.getMessage());
 *   String raw = e.body(); // what the server sent, bounded
 * }
 * }</pre>
 *
 * <p>{@link #statusCode()} is the status of the response that could not be decoded; {@link #headers()} and
 * {@link #body()} stay reachable.
 */
public final class ResponseDecodeException extends ManagementApiException {

  private static final long serialVersionUID = 1L;

  ResponseDecodeException(String message, ErrorResponseDetails response, Throwable cause) {
    super(message, response, cause);
  }
}
