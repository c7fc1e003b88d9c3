package dev.mano.dataplane.eal;

/** A DPDK call failed; the message says which call, on what, and the errno DPDK returned. */
public class DpdkException extends RuntimeException {
    public DpdkException(String message) {
        super(message);
    }

    /** For ethdev-style calls that return -errno. */
    public static DpdkException ofReturn(String what, int rc) {
        return new DpdkException(what + " failed: " + Errors.describe(-rc) + " (rc=" + rc + ")");
    }
}
