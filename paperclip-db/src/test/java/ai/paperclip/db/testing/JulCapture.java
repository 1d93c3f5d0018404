package ai.paperclip.db.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Records what pgJDBC logs through java.util.logging (its own logging, not SLF4J), at every level:
 * pgJDBC writes URLs into WARNING lines, which JUL prints to stderr by default.
 */
public final class JulCapture {

    private static final Logger PGJDBC = Logger.getLogger("org.postgresql"); // held: JUL keeps loggers weakly
    private static final ConcurrentLinkedQueue<String> LINES = new ConcurrentLinkedQueue<>();

    static {
        PGJDBC.setLevel(Level.ALL);
        SimpleFormatter formatter = new SimpleFormatter();
        PGJDBC.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                String line = formatter.formatMessage(record);
                if (record.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    record.getThrown().printStackTrace(new PrintWriter(trace));
                    line += "\n" + trace;
                }
                LINES.add(line);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    private JulCapture() {
    }

    /** Starts recording (idempotent). */
    public static void install() {
        // the static initializer does the work
    }

    /** Everything recorded so far, joined. */
    public static String text() {
        return String.join("\n", LINES);
    }
}
