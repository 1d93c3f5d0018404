package ai.paperclip.embedded;

import java.util.List;

/**
 * PostgreSQL could not be started, stopped or reached. The message carries the last lines of
 * PostgreSQL's log (also available from {@link #logTail()}) and a hint for the known causes.
 */
public class PostgresStartException extends EmbeddedPostgresException {

    private static final long serialVersionUID = 1L;

    private final List<String> logTail;

    public PostgresStartException(String message, List<String> logTail) {
        this(message, logTail, null);
    }

    public PostgresStartException(String message, List<String> logTail, Throwable cause) {
        super(message, cause);
        this.logTail = List.copyOf(logTail);
    }

    /** The last lines of PostgreSQL's log at the time of the failure, oldest first; may be empty. */
    public List<String> logTail() {
        return logTail;
    }
}
