package ai.paperclip.db.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a bounded loop: tests never sleep a fixed time and hope. */
public final class Wait {

    private static final Duration POLL = Duration.ofMillis(20);

    private Wait() {
    }

    public static void until(String what, Duration atMost, BooleanSupplier condition) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + atMost + " waiting for " + what);
            }
            LockSupport.parkNanos(POLL.toNanos()); // the polling interval, not a guess at how long it takes
        }
    }
}
