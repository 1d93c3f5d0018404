package ai.paperclip.embedded.internal;

import java.io.PrintStream;

/**
 * Progress of the very first start on a machine (extracting the binaries, creating the cluster template),
 * which takes seconds: shown on the terminal, on standard error, only when the JVM has a console, so a
 * service's or a test's output never gets it. This is the library's one write outside SLF4J, on purpose:
 * a developer waiting at a terminal sees it whatever logging the host configured; every step is logged
 * through SLF4J as well.
 */
public final class StartProgress {

    private static final String PREFIX = "paperclip: ";

    private StartProgress() {
    }

    /** Shows {@code message} (with "..." appended) when a console is attached; logs nothing itself. */
    public static void step(String message) {
        if (System.console() != null) {
            show(System.err, message);
        }
    }

    /** The line {@link #step} writes, on {@code out}. */
    static void show(PrintStream out, String message) {
        out.println(PREFIX + message + "...");
        out.flush();
    }
}
