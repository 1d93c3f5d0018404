package ai.paperclip.schema.lint;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of {@link MigrationLint}, each with a stable {@link #id()} (used in silencing comments, JSON
 * and CI annotations; never renamed), why it matters and how to fix it. "Existing table" means a table
 * not created earlier in the same migration file: a table created by an earlier migration is existing for
 * a later one, and a table created in the same file has no readers or writers yet.
 */
public enum LintRule {

    CREATE_INDEX_NOT_CONCURRENTLY("create-index-not-concurrently", Severity.ERROR,
            "CREATE INDEX without CONCURRENTLY holds a SHARE lock on the table for the whole build: every"
                    + " INSERT, UPDATE and DELETE waits.",
            "CREATE INDEX CONCURRENTLY in a changeset of its own with runInTransaction:false.",
            "large-create-index-not-concurrently"),
    CONSTRAINT_WITHOUT_NOT_VALID("constraint-without-not-valid", Severity.ERROR,
            "Adding a FOREIGN KEY or CHECK checks every row while holding a lock that blocks writes (SHARE ROW"
                    + " EXCLUSIVE for a foreign key, ACCESS EXCLUSIVE for a check).",
            "ADD CONSTRAINT ... NOT VALID, then ALTER TABLE ... VALIDATE CONSTRAINT in a later changeset."),
    SET_NOT_NULL_WITHOUT_CHECK("set-not-null-without-check", Severity.ERROR,
            "SET NOT NULL scans the table under an ACCESS EXCLUSIVE lock unless a validated CHECK (column IS NOT"
                    + " NULL) already proves it: reads and writes wait.",
            "ADD CONSTRAINT c CHECK (column IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT c in a later changeset;"
                    + " then SET NOT NULL and DROP CONSTRAINT c."),
    VOLATILE_DEFAULT("volatile-default", Severity.WARNING,
            "ADD COLUMN with a volatile default (gen_random_uuid(), clock_timestamp(), a serial) rewrites the"
                    + " whole table under an ACCESS EXCLUSIVE lock.",
            "Add the column without a default (or with a constant), SET DEFAULT, then back-fill in batches."),
    TYPE_CHANGE_REWRITE("type-change-rewrite", Severity.WARNING,
            "ALTER COLUMN ... TYPE rewrites the table and rebuilds its indexes under an ACCESS EXCLUSIVE lock,"
                    + " unless the old values are valid for the new type as they are (text/varchar widening).",
            "Expand/contract: add a column of the new type, write both, back-fill in batches, switch reads, drop"
                    + " the old column later."),
    BREAKING_RENAME_OR_DROP("breaking-rename-or-drop", Severity.WARNING,
            "Renaming or dropping a column or table breaks the application version still running during a"
                    + " rolling deployment.",
            "Expand/contract: add the new name and write both, back-fill, deploy code that reads it, drop the"
                    + " old one in a later migration; drop only what no running code uses."),
    MISSING_LOCK_TIMEOUT("missing-lock-timeout", Severity.ERROR,
            "A statement that locks an existing table against reads or writes waits behind any long"
                    + " transaction, and every query on the table queues behind it.",
            "SET LOCAL lock_timeout = '5s'; first in the changeset (the runner retries a lock timeout)."),
    UNBATCHED_MUTATION("unbatched-mutation", Severity.ERROR,
            "UPDATE or DELETE without a selective WHERE touches every row of an existing table in one"
                    + " transaction: long row locks, bloat, WAL spikes.",
            "Back-fill in batches (WHERE id IN (SELECT id ... LIMIT n), repeated) outside the schema change.",
            "full-table-mutation-large-table"),
    BATCHED_MUTATION_WITHOUT_INDEX("batched-mutation-without-index", Severity.ERROR,
            "A batched (LIMIT) or looped (DO ... LOOP) UPDATE/DELETE on an existing table whose filter columns"
                    + " lead no index scans the table again for every batch.",
            "Create an index on the filter column first (CONCURRENTLY), or filter on an indexed column.",
            "loop-mutation-large-table", "batched-mutation-large-table-missing-index"),
    CONCURRENTLY_IN_TRANSACTION("concurrently-in-transaction", Severity.ERROR,
            "CREATE/DROP INDEX CONCURRENTLY and REINDEX CONCURRENTLY cannot run inside a transaction block: the"
                    + " migration fails.",
            "Put it alone in a changeset with runInTransaction:false (outside BEGIN ... COMMIT)."),
    INVALID_IGNORE("invalid-ignore", Severity.ERROR,
            "A silencing comment must name known rules and give a reason, so that a reviewer sees why.",
            "-- paperclip:lint-ignore <rule>[,<rule>]: <reason> on the line(s) before the statement.");

    /** An error fails the lint; a warning is reported only. */
    public enum Severity { ERROR, WARNING }

    private final String id;
    private final Severity severity;
    private final String reason;
    private final String fix;
    private final List<String> upstreamIds;

    LintRule(String id, Severity severity, String reason, String fix, String... upstreamIds) {
        this.id = id;
        this.severity = severity;
        this.reason = reason;
        this.fix = fix;
        this.upstreamIds = List.of(upstreamIds);
    }

    /** The stable id, e.g. {@code create-index-not-concurrently}. */
    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    /** Why the rule exists: what goes wrong on a live database. */
    public String reason() {
        return reason;
    }

    /** What to write instead. */
    public String fix() {
        return fix;
    }

    /** The ids of upstream Paperclip's lint rules this one covers; their silencing comments silence it too. */
    public List<String> upstreamIds() {
        return upstreamIds;
    }

    /** The rule with this id or upstream id (case-insensitive). */
    public static Optional<LintRule> byId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.id.equals(wanted) || r.upstreamIds.contains(wanted)).findFirst();
    }
}
