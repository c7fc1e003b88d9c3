package dev.mano.dataplane.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * A pseudo-terminal in raw mode: its slave is a real character device, as the
 * virtio-serial port is inside a VM, so the agent opens it through exactly the code it
 * uses in production. The test speaks through the master side.
 */
final class Pty implements AutoCloseable {

    private static final int O_RDWR = 2;
    private static final int O_NOCTTY = 0x100;
    private static final int TCSANOW = 0;
    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final MethodHandle POSIX_OPENPT = fn("posix_openpt", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT);
    private static final MethodHandle GRANTPT = fn("grantpt", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT);
    private static final MethodHandle UNLOCKPT = fn("unlockpt", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT);
    private static final MethodHandle PTSNAME_R = fn("ptsname_r", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
            ValueLayout.ADDRESS, ValueLayout.JAVA_LONG);
    private static final MethodHandle TCGETATTR = fn("tcgetattr", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
            ValueLayout.ADDRESS);
    private static final MethodHandle TCSETATTR = fn("tcsetattr", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT, ValueLayout.ADDRESS);
    private static final MethodHandle CFMAKERAW = LINKER.downcallHandle(LIBC.find("cfmakeraw").orElseThrow(),
            FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
    private static final MethodHandle READ = fn("read", ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
            ValueLayout.ADDRESS, ValueLayout.JAVA_LONG);
    private static final MethodHandle WRITE = fn("write", ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
            ValueLayout.ADDRESS, ValueLayout.JAVA_LONG);
    private static final MethodHandle CLOSE = fn("close", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT);

    private final int master;
    private final Path slave;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment readBuffer = arena.allocate(4096);
    private final MemorySegment writeBuffer = arena.allocate(65536);

    private Pty(int master, Path slave) {
        this.master = master;
        this.slave = slave;
    }

    static Pty open() throws Throwable {
        int fd = (int) POSIX_OPENPT.invokeExact(O_RDWR | O_NOCTTY);
        check(fd, "posix_openpt");
        check((int) GRANTPT.invokeExact(fd), "grantpt");
        check((int) UNLOCKPT.invokeExact(fd), "unlockpt");
        try (Arena a = Arena.ofConfined()) {
            MemorySegment name = a.allocate(256);
            check((int) PTSNAME_R.invokeExact(fd, name, 256L), "ptsname_r");
            // termios is 60 bytes on x86-64 glibc; 256 leaves room for any ABI
            MemorySegment termios = a.allocate(256);
            check((int) TCGETATTR.invokeExact(fd, termios), "tcgetattr");
            CFMAKERAW.invokeExact(termios);
            check((int) TCSETATTR.invokeExact(fd, TCSANOW, termios), "tcsetattr");
            return new Pty(fd, Path.of(name.getString(0)));
        }
    }

    /** The character device the agent opens, e.g. /dev/pts/3. */
    Path device() {
        return slave;
    }

    InputStream input() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    while (true) {
                        long n = (long) READ.invokeExact(master, readBuffer, (long) Math.min(len, 4096));
                        if (n > 0) {
                            MemorySegment.copy(readBuffer, ValueLayout.JAVA_BYTE, 0, b, off, (int) n);
                            return (int) n;
                        }
                        // EIO on the master means the slave side is closed: end of stream
                        return -1;
                    }
                } catch (Throwable t) {
                    throw new IOException(t);
                }
            }
        };
    }

    OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) throws IOException {
                try {
                    while (len > 0) {
                        int chunk = Math.min(len, 65536);
                        MemorySegment.copy(b, off, writeBuffer, ValueLayout.JAVA_BYTE, 0, chunk);
                        long n = (long) WRITE.invokeExact(master, writeBuffer, (long) chunk);
                        if (n < 0) {
                            throw new IOException("write to pty master failed");
                        }
                        off += (int) n;
                        len -= (int) n;
                    }
                } catch (IOException e) {
                    throw e;
                } catch (Throwable t) {
                    throw new IOException(t);
                }
            }
        };
    }

    @Override
    public void close() throws Exception {
        int rc;
        try {
            rc = (int) CLOSE.invokeExact(master);
        } catch (Throwable t) {
            throw new Exception(t);
        }
        check(rc, "close");
    }

    private static void check(int rc, String what) {
        if (rc < 0) {
            throw new IllegalStateException(what + " failed");
        }
    }

    private static MethodHandle fn(String name, ValueLayout result, ValueLayout... args) {
        return LINKER.downcallHandle(LIBC.find(name).orElseThrow(), FunctionDescriptor.of(result, args));
    }
}
