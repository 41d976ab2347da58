package dev.dirprov.contract.publish;

/** Why the pacts were not published; the message names the cause and never carries a credential. */
final class PublishException extends Exception {

    PublishException(String message) {
        super(message);
    }

    PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
