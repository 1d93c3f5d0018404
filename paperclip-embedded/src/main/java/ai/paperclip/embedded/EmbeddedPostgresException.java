package ai.paperclip.embedded;

/**
 * Root of every exception thrown by paperclip-embedded. Unchecked; messages say what was wrong and
 * what to do, and never contain a password.
 */
public class EmbeddedPostgresException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmbeddedPostgresException(String message) {
        super(message);
    }

    public EmbeddedPostgresException(String message, Throwable cause) {
        super(message, cause);
    }
}
