package ai.paperclip.schema.migration;

import ai.paperclip.schema.ddl.PostgresDdl;
import ai.paperclip.schema.migration.internal.AlterDdl;
import ai.paperclip.schema.model.TableModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Changes of whole tables and of extensions. */
public final class TableChanges {

    private TableChanges() {
    }

    /** {@code CREATE EXTENSION IF NOT EXISTS}. */
    public record CreateExtension(String name) implements SchemaChange {
        @Override public Phase phase() { return Phase.CREATE_EXTENSION; }
        @Override public String description() { return "create extension " + name; }
        @Override public List<String> forward() { return List.of(PostgresDdl.createExtension(name)); }
        @Override public List<String> rollback() { return List.of(PostgresDdl.dropExtension(name)); }
    }

    /** {@code DROP EXTENSION IF EXISTS}, after every index or column that used it is gone. */
    public record DropExtension(String name) implements SchemaChange {
        @Override public Phase phase() { return Phase.DROP_EXTENSION; }
        @Override public String description() { return "drop extension " + name; }
        @Override public List<String> forward() { return List.of(PostgresDdl.dropExtension(name)); }
        @Override public List<String> rollback() { return List.of(PostgresDdl.createExtension(name)); }
    }

    /**
     * A new table with its columns, primary key, unique and check constraints. Its foreign keys and
     * indexes are separate changes, made once every table exists.
     */
    public record CreateTable(TableModel table) implements SchemaChange {
        @Override public Phase phase() { return Phase.CREATE_TABLE; }
        @Override public String description() { return "create table " + table.name(); }
        @Override public List<String> forward() { return List.of(PostgresDdl.createTable(table)); }
        @Override public List<String> rollback() { return List.of(PostgresDdl.dropTable(table.name())); }
    }

    /**
     * A dropped table: its rows are lost. Its foreign keys and indexes are dropped by earlier
     * changes, so the rollback recreates it completely (empty).
     */
    public record DropTable(TableModel table, Decision allowedBy) implements SchemaChange {
        @Override public Phase phase() { return Phase.DROP_TABLE; }
        @Override public String description() { return "drop table " + table.name(); }
        @Override public List<String> forward() { return List.of(PostgresDdl.dropTable(table.name())); }
        @Override public List<String> rollback() { return List.of(PostgresDdl.createTable(table)); }
        @Override public Optional<Decision> decision() { return Optional.ofNullable(allowedBy); }

        @Override
        public List<String> warnings() {
            return List.of("ROLLING DEPLOY: the application version still running may query " + table.name()
                    + " and fails once it is gone. Contract safely: first deploy code that no longer uses it, then"
                    + " drop it in a later migration.");
        }

        @Override
        public Optional<String> dataLoss() {
            return Optional.of("drops table " + table.name() + " with all its rows; a rollback recreates it empty");
        }
    }

    /**
     * A renamed table (by decision only). The sequences of its serial columns follow the new name
     * ({@code <table>_<column>_seq}), as a fresh create of the new table would name them.
     */
    public record RenameTable(String from, String to, List<String> serialColumns, Decision decidedBy)
            implements SchemaChange {

        public RenameTable {
            serialColumns = List.copyOf(serialColumns);
        }

        @Override public Phase phase() { return Phase.RENAME_TABLE; }
        @Override public String description() { return "rename table " + from + " to " + to; }
        @Override public List<String> forward() { return statements(from, to); }
        @Override public List<String> rollback() { return statements(to, from); }
        @Override public Optional<Decision> decision() { return Optional.ofNullable(decidedBy); }

        @Override
        public List<String> warnings() {
            return List.of("ROLLING DEPLOY: the application version still running queries " + from + " and fails"
                    + " after this rename. Expand/contract instead: (1) create " + to + " and write both tables;"
                    + " (2) back-fill " + to + " from " + from + " in batches; (3) deploy code that reads " + to
                    + "; (4) drop " + from + " in a later migration.");
        }

        private List<String> statements(String oldName, String newName) {
            List<String> sql = new ArrayList<>();
            sql.add(AlterDdl.renameTable(oldName, newName));
            for (String column : serialColumns) {
                sql.add(AlterDdl.renameSequence(PostgresDdl.serialSequenceName(oldName, column),
                        PostgresDdl.serialSequenceName(newName, column)));
            }
            return sql;
        }
    }
}
