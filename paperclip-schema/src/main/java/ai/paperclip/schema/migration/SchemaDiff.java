package ai.paperclip.schema.migration;

import ai.paperclip.schema.migration.internal.Differ;
import ai.paperclip.schema.model.SchemaModel;
import java.util.List;
import java.util.Optional;

/**
 * The ordered changes that turn one schema model into another. The order makes the SQL apply:
 * extensions first; foreign keys, indexes and constraints dropped before the renames, columns and
 * tables they depend on; tables created before the foreign keys that reference them; indexes last.
 *
 * <p>Renames are never guessed: a table or column that disappears is a drop unless a decision
 * renames it. Changes that lose data need a decision too; without one the diff throws an
 * {@link UndecidedChangesException} listing every such change and the lines that would decide it.
 */
public final class SchemaDiff {

    private SchemaDiff() {
    }

    /**
     * The changes from {@code from} to {@code to}.
     *
     * @throws UndecidedChangesException when a change needs a decision that {@code decisions} lacks
     */
    public static List<SchemaChange> between(SchemaModel from, SchemaModel to, Decisions decisions) {
        return between(from, to, decisions, null, false);
    }

    /**
     * The changes from {@code from} to {@code to} in their plain form (one transaction, as {@code push}
     * applies them), asking {@code prompter} (when not null) about each undecided change until none is left.
     *
     * @param concurrentIndexes whether indexes on tables that already exist are created
     *     {@code CONCURRENTLY} (outside the migration's transaction)
     * @throws UndecidedChangesException when a change stays undecided
     */
    public static List<SchemaChange> between(SchemaModel from, SchemaModel to, Decisions decisions,
            DecisionPrompter prompter, boolean concurrentIndexes) {
        return between(from, to, decisions, prompter, concurrentIndexes, false);
    }

    /**
     * The changes from {@code from} to {@code to}; with {@code liveSafe}, changes to tables that already
     * exist take the forms that never scan or build under a lock blocking writes (foreign keys and checks
     * {@code NOT VALID} then validated, {@code SET NOT NULL} through a validated check, and with
     * {@code concurrentIndexes} unique constraints from a concurrently built index), in the
     * {@link SchemaChange.Step}s the generator writes as separate changesets.
     *
     * @throws UndecidedChangesException when a change stays undecided
     */
    public static List<SchemaChange> between(SchemaModel from, SchemaModel to, Decisions decisions,
            DecisionPrompter prompter, boolean concurrentIndexes, boolean liveSafe) {
        Decisions current = decisions;
        while (true) {
            Differ.Result result = Differ.diff(from, to, current, concurrentIndexes, liveSafe);
            if (result.undecided().isEmpty()) {
                return result.changes();
            }
            Optional<Decision> answer = prompter == null ? Optional.empty() : prompter.decide(result.undecided().get(0));
            if (answer.isEmpty() || !result.undecided().get(0).options().contains(answer.get())) {
                throw new UndecidedChangesException(result.undecided());
            }
            current = current.with(answer.get());
        }
    }
}
