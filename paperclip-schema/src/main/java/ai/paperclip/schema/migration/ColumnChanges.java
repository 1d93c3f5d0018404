package ai.paperclip.schema.migration;

import ai.paperclip.schema.migration.internal.AlterDdl;
import ai.paperclip.schema.model.ColumnModel;
import java.util.List;
import java.util.Optional;

/** Changes of single columns of a table that exists before and after the migration. */
public final class ColumnChanges {

    private ColumnChanges() {
    }

    /**
     * A new column. A NOT NULL column without a default cannot be added to a table with rows; it
     * needs an {@code allow not null column} decision, given in {@code allowedBy}.
     */
    public record AddColumn(String table, ColumnModel column, Decision allowedBy) implements SchemaChange {
        @Override public Phase phase() { return Phase.ADD_COLUMN; }
        @Override public String description() { return "add column " + table + "." + column.name(); }
        @Override public List<String> forward() { return List.of(AlterDdl.addColumn(table, column)); }
        @Override public List<String> rollback() { return List.of(AlterDdl.dropColumn(table, column.name())); }
        @Override public Optional<Decision> decision() { return Optional.ofNullable(allowedBy); }
    }

    /** A dropped column: its values are lost; the rollback re-adds it empty (with its default). */
    public record DropColumn(String table, ColumnModel column, Decision allowedBy) implements SchemaChange {
        @Override public Phase phase() { return Phase.DROP_COLUMN; }
        @Override public String description() { return "drop column " + table + "." + column.name(); }
        @Override public List<String> forward() { return List.of(AlterDdl.dropColumn(table, column.name())); }
        @Override public List<String> rollback() { return List.of(AlterDdl.addColumn(table, column)); }
        @Override public Optional<Decision> decision() { return Optional.ofNullable(allowedBy); }

        @Override
        public Optional<String> dataLoss() {
            return Optional.of("drops column " + table + "." + column.name()
                    + " with its values; a rollback re-adds it without them");
        }
    }

    /** A renamed column (by decision only). */
    public record RenameColumn(String table, String from, String to, Decision decidedBy) implements SchemaChange {
        @Override public Phase phase() { return Phase.RENAME_COLUMN; }
        @Override public String description() { return "rename column " + table + "." + from + " to " + to; }
        @Override public List<String> forward() { return List.of(AlterDdl.renameColumn(table, from, to)); }
        @Override public List<String> rollback() { return List.of(AlterDdl.renameColumn(table, to, from)); }
        @Override public Optional<Decision> decision() { return Optional.ofNullable(decidedBy); }
    }

    /** A type change; one that is not a known widening needs an {@code allow type change} decision. */
    public record ChangeType(String table, String column, String fromType, String toType, Decision allowedBy)
            implements SchemaChange {
        @Override public Phase phase() { return Phase.CHANGE_TYPE; }

        @Override
        public String description() {
            return "change type of " + table + "." + column + " from " + fromType + " to " + toType;
        }

        @Override public List<String> forward() { return List.of(AlterDdl.changeType(table, column, fromType, toType)); }
        @Override public List<String> rollback() { return List.of(AlterDdl.changeType(table, column, toType, fromType)); }
        @Override public Optional<Decision> decision() { return Optional.ofNullable(allowedBy); }

        @Override
        public Optional<String> dataLoss() {
            return allowedBy == null ? Optional.empty() : Optional.of("narrows " + table + "." + column + " from "
                    + fromType + " to " + toType + "; values that do not fit make it fail, converted values stay converted");
        }
    }

    /** A default set, changed or dropped ({@code null} stands for no default). */
    public record ChangeDefault(String table, String column, String from, String to) implements SchemaChange {
        @Override public Phase phase() { return to == null ? Phase.DROP_DEFAULT : Phase.SET_DEFAULT; }

        @Override
        public String description() {
            return (to == null ? "drop default of " : "set default of ") + table + "." + column;
        }

        @Override public List<String> forward() { return List.of(sql(to)); }
        @Override public List<String> rollback() { return List.of(sql(from)); }

        private String sql(String expression) {
            return expression == null ? AlterDdl.dropDefault(table, column) : AlterDdl.setDefault(table, column, expression);
        }
    }

    /** {@code SET NOT NULL} or {@code DROP NOT NULL}. */
    public record ChangeNullability(String table, String column, boolean notNull) implements SchemaChange {
        @Override public Phase phase() { return Phase.CHANGE_NULLABILITY; }

        @Override
        public String description() {
            return (notNull ? "set not null on " : "drop not null on ") + table + "." + column;
        }

        @Override public List<String> forward() { return List.of(AlterDdl.setNotNull(table, column, notNull)); }
        @Override public List<String> rollback() { return List.of(AlterDdl.setNotNull(table, column, !notNull)); }
    }

    /** An identity added, changed or dropped ({@code null} stands for no identity). */
    public record ChangeIdentity(String table, String column, ColumnModel.Identity from, ColumnModel.Identity to)
            implements SchemaChange {
        @Override public Phase phase() { return to == null ? Phase.DROP_DEFAULT : Phase.SET_DEFAULT; }
        @Override public String description() { return "change identity of " + table + "." + column; }
        @Override public List<String> forward() { return List.of(sql(from, to)); }
        @Override public List<String> rollback() { return List.of(sql(to, from)); }

        private String sql(ColumnModel.Identity before, ColumnModel.Identity after) {
            if (after == null) {
                return AlterDdl.dropIdentity(table, column);
            }
            return before == null ? AlterDdl.addIdentity(table, column, after) : AlterDdl.setIdentity(table, column, after);
        }
    }
}
