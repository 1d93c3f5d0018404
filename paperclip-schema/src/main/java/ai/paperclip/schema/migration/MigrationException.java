package ai.paperclip.schema.migration;

import ai.paperclip.schema.SchemaException;

/** Root of the unchecked exceptions of migration generation and checking. */
public class MigrationException extends SchemaException {

    private static final long serialVersionUID = 1L;

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
