package ai.paperclip.db.introspect;

import ai.paperclip.db.PaperclipDbException;

/**
 * Reading a live schema (or the rows a push would affect) failed: a missing schema, no privilege on
 * the catalog, a lost connection. Keeps the SQLState and the cause.
 */
public class IntrospectionException extends PaperclipDbException {

    private static final long serialVersionUID = 1L;

    public IntrospectionException(String message, String sqlState, Throwable cause) {
        super(message, sqlState, cause);
    }
}
