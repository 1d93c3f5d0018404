package ai.paperclip.db.introspect;

import ai.paperclip.db.PaperclipDbException;

/**
 * A statement of a push failed on the server (duplicate values for a new unique index, a value that
 * does not fit a narrowed type...). The whole push was rolled back: nothing changed. The message
 * names the statement and the server's error; the SQLState is kept.
 */
public class PushFailedException extends PaperclipDbException {

    private static final long serialVersionUID = 1L;

    public PushFailedException(String message, String sqlState, Throwable cause) {
        super(message, sqlState, cause);
    }
}
