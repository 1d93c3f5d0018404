package ai.paperclip.db.migration;

import ai.paperclip.db.PaperclipDbException;

/**
 * A rollback changed nothing because a migration to undo cannot be undone (a changeset without rollback
 * statements), or because undoing it would delete rows or bring dropped data back empty and
 * {@link RollbackOptions#force()} was not set. The message names each migration and counts the rows;
 * {@link #plan()} holds the whole plan (the SQL that would run) for printing.
 */
public class RollbackRefusedException extends PaperclipDbException {

    private static final long serialVersionUID = 1L;

    private final transient RollbackPlan plan;

    public RollbackRefusedException(String message, RollbackPlan plan) {
        super(message, null, null);
        this.plan = plan;
    }

    /** The refused plan. */
    public RollbackPlan plan() {
        return plan;
    }

    /** Whether it was refused because a migration cannot be undone at all ({@code force} does not help). */
    public boolean irreversible() {
        return !plan.noRollback().isEmpty();
    }
}
