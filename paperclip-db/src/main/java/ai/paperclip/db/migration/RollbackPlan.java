package ai.paperclip.db.migration;

import ai.paperclip.db.introspect.AffectedRows;
import java.util.List;

/**
 * What a rollback undoes and what that costs, worked out before anything changes (and returned as is by a
 * dry run).
 *
 * @param migrations the migrations to undo ({@code NNNN_name}), newest first
 * @param changesets how many changesets that is
 * @param statements the rollback SQL that would run, in order, each with its migration as a comment line
 * @param affected the rows and values the statements would delete, per table or column that has any
 * @param noRollback migrations with a changeset that has no rollback statements: they cannot be undone
 * @param structureOnly migrations whose rollback brings back the structure of dropped data but not the data,
 *     each with its reason ({@code 0002_drop_body: drop column notes.body})
 * @param applied whether the rollback ran ({@code false} for a dry run)
 */
public record RollbackPlan(List<String> migrations, int changesets, List<String> statements,
        List<AffectedRows> affected, List<String> noRollback, List<String> structureOnly, boolean applied) {

    public RollbackPlan {
        migrations = List.copyOf(migrations);
        statements = List.copyOf(statements);
        affected = List.copyOf(affected);
        noRollback = List.copyOf(noRollback);
        structureOnly = List.copyOf(structureOnly);
    }

    /** Whether undoing it deletes rows or values, or brings dropped data back empty. */
    public boolean losesData() {
        return !affected.isEmpty() || !structureOnly.isEmpty();
    }

    /** The same plan, marked as run. */
    RollbackPlan asApplied() {
        return new RollbackPlan(migrations, changesets, statements, affected, noRollback, structureOnly, true);
    }
}
