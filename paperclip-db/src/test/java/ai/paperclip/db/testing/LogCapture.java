package ai.paperclip.db.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding of the test JVMs: records every line at DEBUG and above from every library
 * (ours, HikariCP, jOOQ), with the full text of attached exceptions, so tests can prove what was
 * and was not logged. INFO and above also go to stderr (the surefire/failsafe output file).
 */
public final class LogCapture implements SLF4JServiceProvider {

    private static final int MAX_LINES = 200_000;
    private static final ConcurrentLinkedQueue<String> LINES = new ConcurrentLinkedQueue<>();

    private final ILoggerFactory factory = RecordingLogger::new;
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    /** Every line recorded so far, in order. */
    public static List<String> lines() {
        return List.copyOf(LINES);
    }

    /** Every line recorded so far, joined. */
    public static String text() {
        return String.join("\n", LINES);
    }

    /** A mark for {@link #textSince(int)}: the number of lines recorded so far. */
    public static int mark() {
        return LINES.size();
    }

    /** The lines recorded after {@code mark}, joined. */
    public static String textSince(int mark) {
        return LINES.stream().skip(mark).collect(Collectors.joining("\n"));
    }

    /** Lines of one logger. */
    public static List<String> linesOf(String loggerName) {
        return LINES.stream().filter(line -> line.contains(" " + loggerName + " - ")).collect(Collectors.toList());
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
    }

    private static final class RecordingLogger extends AbstractLogger {

        private static final long serialVersionUID = 1L;

        RecordingLogger(String name) {
            this.name = name;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                Throwable throwable) {
            String line = level + " " + name + " - " + MessageFormatter.basicArrayFormat(pattern, arguments);
            if (throwable != null) {
                StringWriter trace = new StringWriter();
                throwable.printStackTrace(new PrintWriter(trace));
                line += "\n" + trace;
            }
            if (LINES.size() < MAX_LINES) {
                LINES.add(line);
            }
            if (level.toInt() >= Level.INFO.toInt()) {
                System.err.println(line);
            }
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isTraceEnabled(Marker marker) {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled(Marker marker) {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled(Marker marker) {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled(Marker marker) {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled(Marker marker) {
            return true;
        }
    }
}
