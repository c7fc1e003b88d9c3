package dev.mano.vim;

/**
 * A libvirt operation failed; the message says what we tried, on which host, and libvirt's reason,
 * e.g. "cannot connect to qemu+ssh://h1/system: Cannot recv data: ...".
 */
public class VimException extends Exception {
    public VimException(String message) {
        super(message);
    }

    public VimException(String message, Throwable cause) {
        super(message, cause);
    }
}
