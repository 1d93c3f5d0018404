package ai.paperclip.db.migration.internal;

import ai.paperclip.db.PaperclipDbException;
import ai.paperclip.db.migration.MigrationFailedException;
import ai.paperclip.db.migration.MigrationStatus;
import java.util.ArrayList;
import java.util.List;

/** Words a {@link ChangesetFailure}: which changeset, which statement, PostgreSQL's message, where the database stays. */
public final class MigrationFailures {

    private MigrationFailures() {
    }

    /**
     * @param operation what was being done, for failures outside a changeset ("Migrating", "Rolling back")
     */
    public static PaperclipDbException describe(ChangesetFailure f, MigrationStatus before, String where, String operation) {
        String state = f.sqlState() == null ? "" : " [SQLSTATE " + f.sqlState() + "]";
        if (f.migration() == null) {
            return new PaperclipDbException(operation + " " + where + " failed: " + f.databaseMessage() + state
                    + (f.statement() == null ? "" : " (statement: " + f.statement() + ")"), f.sqlState(), f);
        }
        List<String> good = new ArrayList<>(before == null ? List.of() : before.applied());
        for (String entry : f.appliedBefore()) {
            String tag = entry.substring(0, entry.indexOf('/'));
            if (!tag.equals(f.migration()) && !good.contains(tag)) {
                good.add(tag);
            }
        }
        String stays = good.isEmpty() ? "with no migration applied" : "at the last good migration, " + good.get(good.size() - 1);
        String message = "Migration " + f.migration() + " failed in changeset " + f.changeset()
                + (f.inTransaction() ? " and was rolled back" : " (it runs outside a transaction: what its statements"
                        + " did before the failing one stays)")
                + "; " + where + " stays " + stays + ". Statement: "
                + (f.statement() == null ? "(none reported)" : f.statement())
                + ". PostgreSQL: " + f.databaseMessage() + state
                + ". Fix the migration and start again (if it was already applied elsewhere, write a new migration instead).";
        return new MigrationFailedException(message, f.migration(), f.changeset(), f.statement(), f.sqlState(), f);
    }
}
