package ai.paperclip.schema.migration.internal;

import ai.paperclip.schema.migration.ConstraintChanges.AddForeignKey;
import ai.paperclip.schema.migration.ConstraintChanges.CreateIndex;
import ai.paperclip.schema.migration.ConstraintChanges.CreateUniqueIndexConcurrently;
import ai.paperclip.schema.migration.ConstraintChanges.ValidateConstraint;
import ai.paperclip.schema.migration.SchemaChange;
import ai.paperclip.schema.migration.TableChanges.CreateExtension;
import ai.paperclip.schema.migration.TableChanges.CreateTable;
import ai.paperclip.schema.migration.TableChanges.DropExtension;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;

/**
 * Which generated changes take a lock that blocks reads or writes of a table that exists before the
 * migration: those are the ones queued behind a long transaction, and every query behind them waits too,
 * so their changeset sets a {@code lock_timeout}. Tables created in the same migration have no readers.
 */
public final class Locks {

    private Locks() {
    }

    /** Whether {@code change} locks an existing table against reads or writes; {@code created}: new tables. */
    public static boolean blocksExisting(SchemaChange change, Set<String> created) {
        if (change instanceof CreateExtension || change instanceof DropExtension || change instanceof CreateTable
                || change instanceof ValidateConstraint || change instanceof CreateUniqueIndexConcurrently) {
            return false; // no table lock, a new table, or SHARE UPDATE EXCLUSIVE (reads and writes go on)
        }
        if (change instanceof CreateIndex ix) {
            return !ix.concurrently() && !created.contains(ix.table());
        }
        if (change instanceof AddForeignKey fk) {
            // SHARE ROW EXCLUSIVE on both the table and the table it references
            return !created.contains(fk.table()) || !created.contains(fk.foreignKey().referencedTable());
        }
        return true; // ALTER TABLE, renames and drops of existing tables: ACCESS EXCLUSIVE or SHARE ROW EXCLUSIVE
    }

    /** Whether any of {@code changes} locks an existing table against reads or writes. */
    public static boolean anyBlocksExisting(Collection<SchemaChange> changes, Set<String> created) {
        return changes.stream().anyMatch(c -> blocksExisting(c, created));
    }

    /**
     * {@code SET LOCAL lock_timeout = '…'}: for the changeset's transaction only, so it never leaks into a
     * later changeset on the same connection. Whole seconds print as {@code 5s}, anything else in ms.
     */
    public static String setLockTimeout(Duration timeout) {
        long ms = timeout.toMillis();
        return "SET LOCAL lock_timeout = '" + (ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms") + "'";
    }
}
