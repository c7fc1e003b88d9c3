package dev.mano.dataplane.vnf.chain;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A table that workers read without locks while the control path replaces it whole (RCU, quiescent
 * state based): a worker brackets each burst with {@link Reader#enter()} / {@link Reader#exit()}; a
 * writer publishes the new table, then waits until every reader that was inside a burst has left it,
 * after which nobody can still hold the old table and the writer may free or reuse it.
 * Why: route, rule, backend and session changes must not stop forwarding, and the fast path must not
 * pay a lock or a reference count per packet. The cost is one volatile write per burst per reader.
 */
public final class Published<T> {
    private volatile T current;
    private final CopyOnWriteArrayList<Reader<T>> readers = new CopyOnWriteArrayList<>();

    public Published(T initial) {
        this.current = initial;
    }

    /** The table as of now, for the control path (not for workers: they use a Reader). */
    public T current() {
        return current;
    }

    public Reader<T> register() {
        Reader<T> reader = new Reader<>(this);
        readers.add(reader);
        return reader;
    }

    /**
     * Publishes {@code next} and returns the previous table once no reader can hold it any more.
     * Blocks for at most one burst of each active worker.
     */
    public synchronized T replace(T next) {
        T previous = current;
        current = next;
        for (Reader<T> reader : readers) {
            long seen = reader.counter();
            if ((seen & 1) == 0) {
                continue;
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (reader.counter() == seen) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("a worker stayed inside one burst for 10 s; the old table cannot be retired");
                }
                Thread.onSpinWait();
            }
        }
        return previous;
    }

    /** One worker's view. Not thread safe: one per worker thread. */
    public static final class Reader<T> {
        private static final VarHandle COUNTER;

        static {
            try {
                COUNTER = MethodHandles.lookup().findVarHandle(Reader.class, "counter", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final Published<T> owner;
        @SuppressWarnings("unused")
        private long counter;

        private Reader(Published<T> owner) {
            this.owner = owner;
        }

        /** Marks the start of a burst and returns the table to use for all of it. */
        public T enter() {
            // The volatile store orders "I am inside" before the read of current (store-load fence).
            COUNTER.setVolatile(this, counter + 1);
            return owner.current;
        }

        /** Marks the end of the burst: the table returned by enter() is no longer used. */
        public void exit() {
            COUNTER.setRelease(this, counter + 1);
        }

        long counter() {
            return (long) COUNTER.getVolatile(this);
        }

        /** Stops the writer from waiting on this worker (it stopped for good). */
        public void unregister() {
            owner.readers.remove(this);
        }
    }
}
