package ai.paperclip.db;

/**
 * A database URL that cannot be used: a wrong scheme, a bad port, bad percent-encoding, a missing host,
 * an unknown parameter. The message shows the URL with its password masked and says what is wrong.
 */
public class InvalidUrlException extends PaperclipDbException {

    private static final long serialVersionUID = 1L;

    public InvalidUrlException(String message) {
        super(message, null, null);
    }
}
