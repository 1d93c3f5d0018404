package ai.paperclip.embedded;

/**
 * The data directory cannot be used as it is: not empty but no cluster in it, made by another
 * PostgreSQL major version, or a reset requested while its server runs. Nothing is ever wiped to
 * get past this error.
 */
public class DataDirectoryException extends EmbeddedPostgresException {

    private static final long serialVersionUID = 1L;

    public DataDirectoryException(String message) {
        super(message);
    }

    public DataDirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
