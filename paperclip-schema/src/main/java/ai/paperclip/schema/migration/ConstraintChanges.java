package ai.paperclip.schema.migration;

import ai.paperclip.schema.ddl.PostgresDdl;
import ai.paperclip.schema.migration.internal.AlterDdl;
import ai.paperclip.schema.model.CheckModel;
import ai.paperclip.schema.model.ForeignKeyModel;
import ai.paperclip.schema.model.IndexModel;
import ai.paperclip.schema.model.PrimaryKeyModel;
import ai.paperclip.schema.model.UniqueConstraintModel;
import java.util.List;

/**
 * Changes of constraints and indexes. A constraint or index whose definition changed is dropped
 * and added again; one whose definition stayed but whose name changed is renamed.
 *
 * <p>On a table that exists already the generator writes the live-safe forms: foreign keys and checks
 * {@code NOT VALID} then {@link ValidateConstraint} in a later changeset (the scan then runs under a lock
 * that blocks neither reads nor writes), indexes {@code CONCURRENTLY}, unique constraints from a unique
 * index built concurrently ({@link CreateUniqueIndexConcurrently} then {@link AddUniqueUsingIndex}).
 */
public final class ConstraintChanges {

    private static final String NOT_VALID = " NOT VALID";

    private ConstraintChanges() {
    }

    public record AddPrimaryKey(String table, PrimaryKeyModel primaryKey) implements SchemaChange {
        @Override public Phase phase() { return Phase.ADD_CONSTRAINT; }
        @Override public String description() { return "add primary key " + primaryKey.name() + " on " + table; }
        @Override public List<String> forward() { return List.of(PostgresDdl.addPrimaryKey(table, primaryKey)); }
        @Override public List<String> rollback() { return List.of(PostgresDdl.dropConstraint(table, primaryKey.name())); }
    }

    public record DropPrimaryKey(String table, PrimaryKeyModel primaryKey) implements SchemaChange {
        @Override public Phase phase() { return Phase.DROP_CONSTRAINT; }
        @Override public String description() { return "drop primary key " + primaryKey.name() + " on " + table; }
        @Override public List<String> forward() { return List.of(PostgresDdl.dropConstraint(table, primaryKey.name())); }
        @Override public List<String> rollback() { return List.of(PostgresDdl.addPrimaryKey(table, primaryKey)); }
    }

    public record AddForeignKey(String table, ForeignKeyModel foreignKey) implements SchemaChange {
        @Override public Phase phase() { return Phase.ADD_FOREIGN_KEY; }
        @Override public String description() { return "add foreign key " + foreignKey.name() + " on " + table; }
        @Override public List<String> forward() { return List.of(PostgresDdl.addForeignKey(table, foreignKey)); }
        @Override public List<String> rollback() { return List.of(PostgresDdl.dropConstraint(table, foreignKey.name())); }
    }

    /**
     * A foreign key on an existing table, added without checking the rows: a short lock (SHARE ROW
     * EXCLUSIVE on both tables) instead of one held for a whole scan. Checked later by {@link ValidateConstraint}.
     */
    public record AddForeignKeyNotValid(String table, ForeignKeyModel foreignKey) implements SchemaChange {
        @Override public Phase phase() { return Phase.ADD_FOREIGN_KEY; }
        @Override public Step step() { return Step.ATTACH; }
        @Override public String description() { return "add foreign key " + foreignKey.name() + " on " + table + " NOT VALID"; }
        @Override public List<String> forward() { return List.of(PostgresDdl.addForeignKey(table, foreignKey) + NOT_VALID); }
        @Override public List<String> rollback() { return List.of(PostgresDdl.dropConstraint(table, foreignKey.name())); }
    }

    /**
     * Checks the rows against a constraint added {@code NOT VALID}, under SHARE UPDATE EXCLUSIVE (reads and
     * writes go on). Nothing to undo: the constraint's own change drops it.
     */
    public record ValidateConstraint(String table, String constraint) implements SchemaChange {
        @Override public Phase phase() { return Phase.ADD_CONSTRAINT; }
        @Override public Step step() { return Step.VALIDATE; }
        @Override public String description() { return "validate constraint " + constraint + " on " + table; }
        @Override public List<String> forward() { return List.of(AlterDdl.validateConstraint(table, constraint)); }
        @Override public List<String> rollback() { return List.of(); }
    }

    public record DropForeignKey(String table, ForeignKeyModel foreignKey) implements SchemaChange {
        @Override public Phase phase() { return Phase.DROP_FOREIGN_KEY; }
        @Override public String description() { return "drop foreign key " + foreignKey.name() + " on " + table; }
        @Override public List<String> forward() { return List.of(PostgresDdl.dropConstraint(table, foreignKey.name())); }
        @Override public List<String> rollback() { return List.of(PostgresDdl.addForeignKey(table, foreignKey)); }
    }

    public record AddUnique(String table, UniqueConstraintModel unique) implements SchemaChange {
        @Override public Phase phase() { return Phase.ADD_CONSTRAINT; }
        @Override public String description() { return "add unique constraint " + unique.name() + " on " + table; }
        @Override public List<String> forward() { return List.of(PostgresDdl.addUnique(table, unique)); }
        @Override public List<String> rollback() { return List.of(PostgresDdl.dropConstraint(table, unique.name())); }
    }

    /**
     * The index of a unique constraint on an existing table, built {@code CONCURRENTLY} (writes go on) in a
     * changeset of its own; a leftover invalid index of an interrupted build is dropped first, so the
     * changeset can run again. {@link AddUniqueUsingIndex} then makes it the constraint.
     */
    public record CreateUniqueIndexConcurrently(String table, UniqueConstraintModel unique) implements SchemaChange {
        @Override public Phase phase() { return Phase.CREATE_INDEX; }
        @Override public String description() { return "build unique index " + unique.name() + " on " + table + " concurrently"; }

        @Override
        public List<String> forward() {
            return List.of(AlterDdl.dropIndexConcurrentlyIfExists(unique.name()), AlterDdl.createUniqueIndexConcurrently(table, unique));
        }

        @Override public List<String> rollback() { return List.of(AlterDdl.dropIndexConcurrentlyIfExists(unique.name())); }
        @Override public boolean outsideTransaction() { return true; }
    }

    /** A unique constraint made from its concurrently built index: a short lock, no scan, no build. */
    public record AddUniqueUsingIndex(String table, UniqueConstraintModel unique) implements SchemaChange {
        @Override public Phase phase() { return Phase.ADD_CONSTRAINT; }
        @Override public Step step() { return Step.ATTACH; }
        @Override public String description() { return "add unique constraint " + unique.name() + " on " + table + " using its index"; }
        @Override public List<String> forward() { return List.of(AlterDdl.addUniqueUsingIndex(table, unique.name())); }
        @Override public List<String> rollback() { return List.of(PostgresDdl.dropConstraint(table, unique.name())); }
    }

    public record DropUnique(String table, UniqueConstraintModel unique) implements SchemaChange {
        @Override public Phase phase() { return Phase.DROP_CONSTRAINT; }
        @Override public String description() { return "drop unique constraint " + unique.name() + " on " + table; }
        @Override public List<String> forward() { return List.of(PostgresDdl.dropConstraint(table, unique.name())); }
        @Override public List<String> rollback() { return List.of(PostgresDdl.addUnique(table, unique)); }
    }

    public record AddCheck(String table, CheckModel check) implements SchemaChange {
        @Override public Phase phase() { return Phase.ADD_CONSTRAINT; }
        @Override public String description() { return "add check " + check.name() + " on " + table; }
        @Override public List<String> forward() { return List.of(PostgresDdl.addCheck(table, check)); }
        @Override public List<String> rollback() { return List.of(PostgresDdl.dropConstraint(table, check.name())); }
    }

    /** A check on an existing table, added without checking the rows; see {@link ValidateConstraint}. */
    public record AddCheckNotValid(String table, CheckModel check) implements SchemaChange {
        @Override public Phase phase() { return Phase.ADD_CONSTRAINT; }
        @Override public Step step() { return Step.ATTACH; }
        @Override public String description() { return "add check " + check.name() + " on " + table + " NOT VALID"; }
        @Override public List<String> forward() { return List.of(PostgresDdl.addCheck(table, check) + NOT_VALID); }
        @Override public List<String> rollback() { return List.of(PostgresDdl.dropConstraint(table, check.name())); }
    }

    public record DropCheck(String table, CheckModel check) implements SchemaChange {
        @Override public Phase phase() { return Phase.DROP_CONSTRAINT; }
        @Override public String description() { return "drop check " + check.name() + " on " + table; }
        @Override public List<String> forward() { return List.of(PostgresDdl.dropConstraint(table, check.name())); }
        @Override public List<String> rollback() { return List.of(PostgresDdl.addCheck(table, check)); }
    }

    /** Same definition, new name: primary key, foreign key, unique or check constraint. */
    public record RenameConstraint(String table, String from, String to) implements SchemaChange {
        @Override public Phase phase() { return Phase.RENAME_CONSTRAINT; }
        @Override public String description() { return "rename constraint " + from + " on " + table + " to " + to; }
        @Override public List<String> forward() { return List.of(AlterDdl.renameConstraint(table, from, to)); }
        @Override public List<String> rollback() { return List.of(AlterDdl.renameConstraint(table, to, from)); }
    }

    /**
     * A new index. {@code concurrently} is chosen by the generator's options for tables that exist
     * already; such an index gets its own changeset that runs outside a transaction, and drops a leftover
     * invalid index of an interrupted build first so that it can run again.
     */
    public record CreateIndex(String table, IndexModel index, boolean concurrently) implements SchemaChange {
        @Override public Phase phase() { return Phase.CREATE_INDEX; }
        @Override public String description() { return "create index " + index.name() + " on " + table; }

        @Override
        public List<String> forward() {
            String create = PostgresDdl.createIndex(table, index, concurrently);
            return concurrently ? List.of(AlterDdl.dropIndexConcurrentlyIfExists(index.name()), create) : List.of(create);
        }

        @Override public List<String> rollback() { return List.of(PostgresDdl.dropIndex(index.name(), concurrently)); }
        @Override public boolean outsideTransaction() { return concurrently; }
    }

    public record DropIndex(String table, IndexModel index) implements SchemaChange {
        @Override public Phase phase() { return Phase.DROP_INDEX; }
        @Override public String description() { return "drop index " + index.name() + " on " + table; }
        @Override public List<String> forward() { return List.of(PostgresDdl.dropIndex(index.name(), false)); }
        @Override public List<String> rollback() { return List.of(PostgresDdl.createIndex(table, index, false)); }
    }

    /** Same definition, new name. */
    public record RenameIndex(String table, String from, String to) implements SchemaChange {
        @Override public Phase phase() { return Phase.RENAME_CONSTRAINT; }
        @Override public String description() { return "rename index " + from + " on " + table + " to " + to; }
        @Override public List<String> forward() { return List.of(AlterDdl.renameIndex(from, to)); }
        @Override public List<String> rollback() { return List.of(AlterDdl.renameIndex(to, from)); }
    }
}
