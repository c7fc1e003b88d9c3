package dev.mano.vim.lifecycle;

import java.time.Duration;

/** How a domain came to be stopped. */
public sealed interface ShutdownOutcome {
    /** The guest shut itself down after the ACPI request, within the timeout. */
    record Graceful(Duration took) implements ShutdownOutcome {
    }

    /** The guest did not stop within the timeout (or ignored ACPI): it was destroyed (power cut). */
    record Destroyed(Duration waited) implements ShutdownOutcome {
    }

    /** It was not running. */
    record WasNotRunning() implements ShutdownOutcome {
    }
}
