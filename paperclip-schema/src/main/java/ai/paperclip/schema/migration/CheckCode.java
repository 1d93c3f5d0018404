package ai.paperclip.schema.migration;

/**
 * Why {@link MigrationCheck} failed. The command-line tool gives each its own exit status (see the
 * exit-code table of docs/cli.md); the library only names the reason.
 */
public enum CheckCode {
    /** The definitions differ from the newest snapshot: a schema change has no migration. */
    SCHEMA_NOT_MIGRATED,
    /** Two migrations follow the same snapshot (parallel branches merged), or the chain is broken. */
    CONFLICTING_MIGRATIONS,
    /** A committed migration or snapshot no longer matches its checksum: it was edited. */
    CHECKSUM_MISMATCH,
    /** The index ({@code meta/_journal.json}, {@code changelog.xml}) and the files disagree. */
    INDEX_MISMATCH,
    /**
     * A migration controls the transaction itself ({@code COMMIT}, {@code ROLLBACK}, {@code BEGIN},
     * {@code START TRANSACTION}, {@code END}) in a changeset that runs in one.
     */
    TRANSACTION_CONTROL
}
