package ai.paperclip.examples;

import ai.paperclip.db.PaperclipDbException;
import java.sql.SQLException;
import java.util.Map;

/**
 * How the examples' {@code main} methods end: normally, or with the failure on one line (Paperclip's
 * messages name the fix and never hold a password) and exit status 1. A connection lost mid-run (the
 * server stopped or restarted under the program) is said in those words, not as jOOQ's SQL text and a
 * driver stack trace; {@code PAPERCLIP_EXAMPLES_VERBOSE=1} prints the stack trace as well.
 */
final class Launcher {

    private Launcher() {
    }

    static void run(String example, Runnable body) {
        try {
            body.run();
        } catch (RuntimeException e) {
            System.err.println(describe(example, e));
            if (System.getenv("PAPERCLIP_EXAMPLES_VERBOSE") != null) {
                e.printStackTrace();
            }
            System.exit(1);
        }
    }

    /** The one line a failure is reported with. */
    static String describe(String example, Throwable failure) {
        // Our own exceptions already say what happened and what to do.
        SQLException lost = failure instanceof PaperclipDbException ? null : connectionLost(failure);
        if (lost != null) {
            return example + " failed: lost the connection to the database (" + firstLine(lost.getMessage())
                    + " [SQLSTATE " + lost.getSQLState() + "]). The server stopped or restarted while the program"
                    + " ran; check that it is running (an embedded one starts again with the program) and run again.";
        }
        return example + " failed: " + firstLine(failure.getMessage());
    }

    // Class 08 (connection exception) and 57P01-57P03 (shutdown, crash, cannot connect now), as pgJDBC and
    // HikariCP report a server that went away; the deepest one names the cause best.
    private static SQLException connectionLost(Throwable failure) {
        SQLException found = null;
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                found = sql;
            }
        }
        return found;
    }

    private static String firstLine(String message) {
        return message == null ? "(no message)" : message.strip().lines().findFirst().orElse("");
    }

    /** The value of {@code name}, or a failure that says what to set. */
    static String required(Map<String, String> env, String name, String hint) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set. " + hint);
        }
        return value;
    }
}
