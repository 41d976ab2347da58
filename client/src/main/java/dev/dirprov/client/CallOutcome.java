package dev.dirprov.client;

import feign.RetryableException;

/**
 * The low-cardinality description of how a call or an attempt ended, shared by the metrics and the observations:
 * the HTTP status (or the transport failure kind), the outcome class of that status, and the exception's type.
 * No ids, URLs or messages: every value comes from a small fixed set.
 *
 * <pre>{@code
 * CallOutcome.of(404, null);        // status "404", outcome "CLIENT_ERROR", exception "none"
 * CallOutcome.of(0, transportFailure); // status "CONNECTION_REFUSED", outcome "UNKNOWN", exception "TransportException"
 * }</pre>
 *
 * @param status the HTTP status, a {@link TransportException.Kind} name, or {@code NONE}
 * @param outcome {@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code REDIRECTION},
 *     {@code INFORMATIONAL} or {@code UNKNOWN} (no response)
 * @param exception the simple name of the failure's type, or {@code none}
 */
record CallOutcome(String status, String outcome, String exception) {

  /**
   * How a call or attempt ended.
   *
   * @param lastStatus the status of the last response, or 0 if none arrived
   * @param failure what the caller got, or null on success; Feign's {@link RetryableException} is looked through
   */
  static CallOutcome of(int lastStatus, Throwable failure) {
    Throwable cause = failure instanceof RetryableException && failure.getCause() != null ? failure.getCause()
        : failure;
    TransportException transport = cause instanceof TransportException ? (TransportException) cause
        : cause instanceof TokenException && cause.getCause() instanceof TransportException
            ? (TransportException) cause.getCause() : null;
    String exception = cause == null ? "none" : cause.getClass().getSimpleName();
    if (transport != null) {
      return new CallOutcome(transport.kind().name(), "UNKNOWN", exception);
    }
    int status = cause instanceof ManagementApiException && !(cause instanceof TokenException)
        && ((ManagementApiException) cause).statusCode() > 0 ? ((ManagementApiException) cause).statusCode()
        : lastStatus;
    return new CallOutcome(status <= 0 ? "NONE" : Integer.toString(status), outcome(status), exception);
  }

  private static String outcome(int status) {
    switch (status / 100) {
      case 1: return "INFORMATIONAL";
      case 2: return "SUCCESS";
      case 3: return "REDIRECTION";
      case 4: return "CLIENT_ERROR";
      case 5: return "SERVER_ERROR";
      default: return "UNKNOWN";
    }
  }
}
