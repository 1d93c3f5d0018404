package ai.paperclip.db;

/**
 * The database could not be reached or refused us: wrong password, connection refused, unknown host,
 * missing database, timeout. The message names the redacted target and the likely fix.
 */
public class ConnectionFailedException extends PaperclipDbException {

    private static final long serialVersionUID = 1L;

    public ConnectionFailedException(String message, String sqlState, Throwable cause) {
        super(message, sqlState, cause);
    }
}
