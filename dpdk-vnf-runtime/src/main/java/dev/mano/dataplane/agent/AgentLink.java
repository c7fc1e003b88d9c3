package dev.mano.dataplane.agent;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** One open connection to the VNFM: a byte stream each way. */
record AgentLink(InputStream in, OutputStream out, Closeable resource) implements Closeable {
    @Override
    public void close() throws IOException {
        resource.close();
    }
}
