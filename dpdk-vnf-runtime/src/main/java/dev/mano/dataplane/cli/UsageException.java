package dev.mano.dataplane.cli;

/** The command line is wrong; the message says what and the usage follows. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
