package dev.dirprov.spec.drift;

/** A document that could not be fetched, read or parsed as OpenAPI; the message says which and why. */
final class UnreadableDocumentException extends Exception {

    UnreadableDocumentException(String message) {
        super(message);
    }

    UnreadableDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
