package ai.paperclip.db;

/**
 * An option or environment variable with a value that cannot be used. The message names the option
 * (or variable), the value (redacted if it is a URL) and the fix.
 */
public class InvalidOptionException extends PaperclipDbException {

    private static final long serialVersionUID = 1L;

    public InvalidOptionException(String message) {
        super(message, null, null);
    }
}
