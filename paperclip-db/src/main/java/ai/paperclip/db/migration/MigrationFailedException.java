package ai.paperclip.db.migration;

import ai.paperclip.db.PaperclipDbException;

/**
 * A migration failed while it was applied. Its transaction was rolled back, so the database stays at the
 * last migration that succeeded; the message names the changeset, the statement and PostgreSQL's error.
 */
public class MigrationFailedException extends PaperclipDbException {

    private static final long serialVersionUID = 1L;

    private final String migration;
    private final String changeset;
    private final String statement;

    public MigrationFailedException(String message, String migration, String changeset, String statement,
            String sqlState, Throwable cause) {
        super(message, sqlState, cause);
        this.migration = migration;
        this.changeset = changeset;
        this.statement = statement;
    }

    /** The failing migration, {@code NNNN_name}. */
    public String migration() {
        return migration;
    }

    /** The failing changeset, {@code author:id}. */
    public String changeset() {
        return changeset;
    }

    /** The statement PostgreSQL refused, or {@code null} when the failure was not a statement's. */
    public String statement() {
        return statement;
    }
}
