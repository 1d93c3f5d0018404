package ai.paperclip.schema.migration;

import ai.paperclip.schema.internal.Volatility;
import ai.paperclip.schema.migration.internal.AlterDdl;
import ai.paperclip.schema.migration.internal.TypeChanges;
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

        @Override
        public List<String> warnings() {
            String function = Volatility.volatileFunction(column.defaultExpression());
            return function == null ? List.of() : List.of("REWRITES TABLE: the volatile default " + function
                    + " of " + table + "." + column.name() + " is computed for every row under an ACCESS EXCLUSIVE"
                    + " lock (reads and writes wait). On a large table: add the column without a default, set the"
                    + " default, back-fill the rows in batches.");
        }
    }

    /** A dropped column: its values are lost; the rollback re-adds it empty (with its default). */
    public record DropColumn(String table, ColumnModel column, Decision allowedBy) implements SchemaChange {
        @Override public Phase phase() { return Phase.DROP_COLUMN; }
        @Override public String description() { return "drop column " + table + "." + column.name(); }
        @Override public List<String> forward() { return List.of(AlterDdl.dropColumn(table, column.name())); }
        @Override public List<String> rollback() { return List.of(AlterDdl.addColumn(table, column)); }
        @Override public Optional<Decision> decision() { return Optional.ofNullable(allowedBy); }

        @Override
        public List<String> warnings() {
            return List.of("ROLLING DEPLOY: the application version still running may read or write "
                    + table + "." + column.name() + " and fails once it is gone. Contract safely: first deploy code"
                    + " that no longer uses it, then drop it in a later migration.");
        }

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

        @Override
        public List<String> warnings() {
            return List.of("ROLLING DEPLOY: the application version still running uses " + table + "." + from
                    + " and fails after this rename. Expand/contract instead: (1) add " + to + " and write both"
                    + " columns; (2) back-fill " + to + " from " + from + " in batches; (3) deploy code that reads "
                    + to + "; (4) drop " + from + " in a later migration.");
        }
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
        public List<String> warnings() {
            return !TypeChanges.rewrites(fromType, toType) ? List.of() : List.of("REWRITES TABLE: changing "
                    + table + "." + column + " from " + fromType + " to " + toType + " rewrites " + table + " and its"
                    + " indexes under an ACCESS EXCLUSIVE lock (reads and writes wait). On a large table expand/contract"
                    + " instead: (1) add a column of the new type and write both; (2) back-fill it in batches;"
                    + " (3) deploy code that reads it; (4) drop the old column in a later migration.");
        }

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

    /**
     * First step of {@code SET NOT NULL} on an existing table: a check {@code (column IS NOT NULL)} added
     * {@code NOT VALID} (a short lock, no scan), validated by a {@link ConstraintChanges.ValidateConstraint}
     * (a scan that blocks no writes), so that {@link SetNotNullWithCheck} needs no scan of its own.
     */
    public record AddNotNullCheck(String table, String column, String check) implements SchemaChange {
        @Override public Phase phase() { return Phase.ADD_CONSTRAINT; }
        @Override public Step step() { return Step.ATTACH; }
        @Override public String description() { return "add check " + check + " (" + column + " IS NOT NULL) on " + table + " NOT VALID"; }
        @Override public List<String> forward() { return List.of(AlterDdl.addNotNullCheck(table, column, check)); }
        @Override public List<String> rollback() { return List.of(AlterDdl.dropConstraintIfExists(table, check)); }
    }

    /**
     * Last step of {@code SET NOT NULL} on an existing table: PostgreSQL 12+ skips the scan because the
     * validated helper check proves no row is null; the helper is dropped in the same transaction.
     */
    public record SetNotNullWithCheck(String table, String column, String check) implements SchemaChange {
        @Override public Phase phase() { return Phase.CHANGE_NULLABILITY; }
        @Override public Step step() { return Step.SET_NOT_NULL; }
        @Override public String description() { return "set not null on " + table + "." + column + " using check " + check; }

        @Override
        public List<String> forward() {
            return List.of(AlterDdl.setNotNull(table, column, true), AlterDdl.dropConstraintIfExists(table, check));
        }

        @Override public List<String> rollback() { return List.of(AlterDdl.setNotNull(table, column, false)); }
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
