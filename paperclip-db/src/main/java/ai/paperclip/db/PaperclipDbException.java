package ai.paperclip.db;

/**
 * Root of every exception paperclip-db throws. Unchecked; keeps the cause and, when the failure came
 * from the server or the driver, its SQLState. Messages never contain a password.
 */
public class PaperclipDbException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;

    public PaperclipDbException(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    /** The SQLState of the underlying failure (e.g. {@code 28P01}), or {@code null} if there is none. */
    public String sqlState() {
        return sqlState;
    }
}
