package ai.paperclip.schema.migration;

/** Why {@link MigrationCheck} failed; each has its own process exit status. */
public enum CheckCode {
    /** The definitions differ from the newest snapshot: a schema change has no migration. */
    SCHEMA_NOT_MIGRATED(1),
    /** Two migrations follow the same snapshot (parallel branches merged), or the chain is broken. */
    CONFLICTING_MIGRATIONS(2),
    /** A committed migration or snapshot no longer matches its checksum: it was edited. */
    CHECKSUM_MISMATCH(3),
    /** The index ({@code meta/_journal.json}, {@code changelog.xml}) and the files disagree. */
    INDEX_MISMATCH(4),
    /**
     * A migration controls the transaction itself ({@code COMMIT}, {@code ROLLBACK}, {@code BEGIN},
     * {@code START TRANSACTION}, {@code END}) in a changeset that runs in one.
     */
    TRANSACTION_CONTROL(5);

    private final int exitCode;

    CheckCode(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
