package dev.mano.dataplane.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition; fails with the description when it does not become true in time. */
public final class Await {
    private Await() {
    }

    public static void until(String description, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + description);
            }
            Thread.sleep(5);
        }
    }
}
