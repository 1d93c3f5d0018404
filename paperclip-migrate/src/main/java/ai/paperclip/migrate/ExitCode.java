package ai.paperclip.migrate;

import ai.paperclip.schema.migration.CheckCode;

/**
 * The process exit statuses of {@code paperclip-migrate}: 0 ok, 1 failure, 2 bad usage, and one
 * code per gate, so that scripts and CI can tell a refusal from an error. Stable: part of the
 * command-line contract.
 */
public enum ExitCode {

    OK(0, "ok"),
    FAILURE(1, "failure: the database or a file could not be used (the message says why and what to do)"),
    USAGE(2, "bad usage: unknown command or option, missing or invalid value"),
    MIGRATIONS_PENDING(3, "status (and check --database): the database needs migrations"),
    DECISIONS_NEEDED(4, "generate: a rename or data-losing change needs a decision in decisions.txt"),
    SCHEMA_NOT_MIGRATED(11,
            "check: the schema definitions have changes no migration covers (run generate)"),
    CONFLICTING_MIGRATIONS(12,
            "check: two migrations follow the same snapshot (parallel branches)"),
    MIGRATION_EDITED(13,
            "check: a committed migration or snapshot was edited"),
    INDEX_MISMATCH(14,
            "check: the index and the migration files disagree"),
    TRANSACTION_CONTROL(15,
            "check: a migration commits, rolls back or begins a transaction itself"),
    SCHEMA_DRIFT(16, "check --database: the database's schema differs from the snapshot of its newest applied migration"),
    LINT_FAILED(17, "lint (and check): a migration statement is unsafe on a live database (an error-level rule)"),
    PUSH_REFUSED(20, "push: data would be lost without --force, or the rows make a change impossible"),
    ADOPT_REFUSED(21, "adopt: the database differs from the schema of the chosen migration"),
    ROLLBACK_REFUSED(22, "rollback: a migration to undo is irreversible, or undoing it would delete rows without --force"),
    DOCTOR_FAILED(23, "doctor: at least one check failed"),
    RESET_REFUSED(24, "reset: not confirmed with --yes, or the target is not the embedded database"),
    STOP_REFUSED(25, "stop: a process still uses the server, no server is proven this instance's, or the target is"
            + " not the embedded database"),
    TRACE_FAILED(26, "trace: a migration statement blocked writes longer than the threshold"),
    BACKUP_REFUSED(30, "restore, verify: the file is truncated, corrupted or not a backup (nothing was changed)"),
    RESTORE_REFUSED(31, "restore: the target database has tables and --clean was not given (nothing was changed)"),
    VERIFY_FAILED(32, "verify: a table's rows or checksum differ from the backup's manifest"),
    BACKUP_IN_PROGRESS(33, "backup, restore: another backup or restore of the database is running");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    /** One line for the help text and the exit-code table of docs/cli.md. */
    public String meaning() {
        return meaning;
    }

    /** The exit status of a failed {@code check}. */
    public static ExitCode of(CheckCode check) {
        return switch (check) {
            case SCHEMA_NOT_MIGRATED -> SCHEMA_NOT_MIGRATED;
            case CONFLICTING_MIGRATIONS -> CONFLICTING_MIGRATIONS;
            case CHECKSUM_MISMATCH -> MIGRATION_EDITED;
            case INDEX_MISMATCH -> INDEX_MISMATCH;
            case TRANSACTION_CONTROL -> TRANSACTION_CONTROL;
        };
    }
}
