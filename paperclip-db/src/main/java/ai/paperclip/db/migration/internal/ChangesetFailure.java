package ai.paperclip.db.migration.internal;

import java.util.List;

/**
 * What {@link LiquibaseRunner} knows about a failed changeset; {@code Migrator} turns it into the
 * user's {@code MigrationFailedException}. Holds no Liquibase type, so the fast path can catch it.
 */
public final class ChangesetFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String migration;
    private final String changeset;
    private final boolean inTransaction;
    private final String statement;
    private final String sqlState;
    private final String databaseMessage;
    private final List<String> appliedBefore;
    private final List<String> changedChecksums;

    ChangesetFailure(String migration, String changeset, boolean inTransaction, String statement, String sqlState,
            String databaseMessage, List<String> appliedBefore, List<String> changedChecksums, Throwable cause) {
        super(databaseMessage, cause);
        this.migration = migration;
        this.changeset = changeset;
        this.inTransaction = inTransaction;
        this.statement = statement;
        this.sqlState = sqlState;
        this.databaseMessage = databaseMessage;
        this.appliedBefore = List.copyOf(appliedBefore);
        this.changedChecksums = List.copyOf(changedChecksums);
    }

    /** {@code NNNN_name}, or {@code null} when no changeset was running (e.g. validation failed). */
    public String migration() {
        return migration;
    }

    public String changeset() {
        return changeset;
    }

    public boolean inTransaction() {
        return inTransaction;
    }

    public String statement() {
        return statement;
    }

    public String sqlState() {
        return sqlState;
    }

    public String databaseMessage() {
        return databaseMessage;
    }

    /** Changesets ({@code author:id}) this run applied before the failure. */
    public List<String> appliedBefore() {
        return appliedBefore;
    }

    /**
     * Applied changesets whose file changed since, as Liquibase's validation lists them
     * ({@code file::id::author was: 9:... but is now: 9:...}); empty unless that is why it failed.
     */
    public List<String> changedChecksums() {
        return changedChecksums;
    }

    /** The same failure with the changesets every attempt of the run applied before it. */
    ChangesetFailure withAppliedBefore(List<String> applied) {
        return new ChangesetFailure(migration, changeset, inTransaction, statement, sqlState, databaseMessage, applied,
                changedChecksums, getCause());
    }
}
