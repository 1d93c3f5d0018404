package ai.paperclip.schema.migration;

import java.util.List;
import java.util.Optional;

/**
 * One typed change between two schema models, with the SQL that makes it and the SQL that undoes
 * it. The records live in {@link TableChanges}, {@link ColumnChanges} and {@link ConstraintChanges};
 * {@link SchemaDiff} returns them in an order in which the SQL applies.
 *
 * <p>Every change has a structural inverse. Where data cannot come back (a dropped table or column,
 * a narrowing type change) {@link #dataLoss()} says so: the migration marks the statement with a
 * {@code DATA LOSS} comment and its rollback with an {@code IRREVERSIBLE} comment, and the rollback
 * restores the structure only.
 */
public interface SchemaChange {

    /** The order of the kinds of change inside one migration; the diff sorts by it, stably. */
    enum Phase {
        CREATE_EXTENSION,
        // Drops of constraints and indexes come before renames and use the old names: then both the
        // forward SQL and its reversed rollback meet the names they were written for.
        DROP_FOREIGN_KEY, DROP_INDEX, DROP_CONSTRAINT,
        RENAME_TABLE, RENAME_COLUMN, RENAME_CONSTRAINT,
        DROP_DEFAULT, DROP_COLUMN, DROP_TABLE, CREATE_TABLE, ADD_COLUMN, CHANGE_TYPE, CHANGE_NULLABILITY,
        SET_DEFAULT, ADD_CONSTRAINT, ADD_FOREIGN_KEY, CREATE_INDEX, DROP_EXTENSION
    }

    /**
     * The changeset a change goes into, in this order. A step whose long part (an index build, a
     * validating scan) must not hold a lock that blocks writes runs as a changeset of its own after the
     * short, strongly locking statements have committed.
     */
    enum Step {
        /** Everything else: one transaction. */
        MAIN,
        /** {@code CREATE INDEX CONCURRENTLY}: one changeset each, outside a transaction. */
        CONCURRENT_INDEX,
        /** Constraints on existing tables, added {@code NOT VALID} or from a built index: one transaction. */
        ATTACH,
        /** {@code VALIDATE CONSTRAINT}: one transaction each; blocks neither reads nor writes. */
        VALIDATE,
        /** {@code SET NOT NULL} proven by a validated check (no scan): one transaction each. */
        SET_NOT_NULL
    }

    Phase phase();

    /** The changeset this change goes into; see {@link Step}. */
    default Step step() {
        return outsideTransaction() ? Step.CONCURRENT_INDEX : Step.MAIN;
    }

    /**
     * What a reviewer must know before running this change on a live database: a table rewrite, or a
     * rename or drop that breaks the application version still running during a rolling deployment, with
     * the safe alternative. One line each; the migration shows them as comments. Empty when none.
     */
    default List<String> warnings() {
        return List.of();
    }

    /** A one-line description: {@code add column issues.priority}. */
    String description();

    /** The forward statements, without trailing semicolons. */
    List<String> forward();

    /** The statements that undo {@link #forward()} on the schema, without trailing semicolons. */
    List<String> rollback();

    /** The decision this change needed, if it needed one. */
    default Optional<Decision> decision() {
        return Optional.empty();
    }

    /** Why data is lost by this change, or empty when none is. */
    default Optional<String> dataLoss() {
        return Optional.empty();
    }

    /** Whether the statement cannot run inside a transaction ({@code CREATE INDEX CONCURRENTLY}). */
    default boolean outsideTransaction() {
        return false;
    }
}
