package ai.paperclip.schema.migration.internal;

import ai.paperclip.schema.internal.Names;
import ai.paperclip.schema.migration.ColumnChanges.AddColumn;
import ai.paperclip.schema.migration.ColumnChanges.AddNotNullCheck;
import ai.paperclip.schema.migration.ColumnChanges.ChangeDefault;
import ai.paperclip.schema.migration.ColumnChanges.ChangeIdentity;
import ai.paperclip.schema.migration.ColumnChanges.ChangeNullability;
import ai.paperclip.schema.migration.ColumnChanges.ChangeType;
import ai.paperclip.schema.migration.ColumnChanges.DropColumn;
import ai.paperclip.schema.migration.ColumnChanges.RenameColumn;
import ai.paperclip.schema.migration.ColumnChanges.SetNotNullWithCheck;
import ai.paperclip.schema.migration.ConstraintChanges.AddForeignKey;
import ai.paperclip.schema.migration.ConstraintChanges.CreateIndex;
import ai.paperclip.schema.migration.ConstraintChanges.DropForeignKey;
import ai.paperclip.schema.migration.ConstraintChanges.DropIndex;
import ai.paperclip.schema.migration.ConstraintChanges.ValidateConstraint;
import ai.paperclip.schema.migration.Decision;
import ai.paperclip.schema.migration.Decisions;
import ai.paperclip.schema.migration.SchemaChange;
import ai.paperclip.schema.migration.TableChanges.CreateExtension;
import ai.paperclip.schema.migration.TableChanges.CreateTable;
import ai.paperclip.schema.migration.TableChanges.DropExtension;
import ai.paperclip.schema.migration.TableChanges.DropTable;
import ai.paperclip.schema.migration.TableChanges.RenameTable;
import ai.paperclip.schema.migration.UndecidedChange;
import ai.paperclip.schema.model.ColumnModel;
import ai.paperclip.schema.model.SchemaModel;
import ai.paperclip.schema.model.TableModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Computes the ordered changes between two models. Renames come only from decisions; a change that
 * loses data without a decision becomes an {@link UndecidedChange} instead. Changes to tables that
 * exist already take their live-safe form (see {@link ConstraintDiff}; {@code SET NOT NULL} through a
 * validated helper check); tables created in the same migration need none.
 */
public final class Differ {

    /** The changes in applicable order, and what still needs a decision. */
    public record Result(List<SchemaChange> changes, List<UndecidedChange> undecided) {
    }

    private final Decisions decisions;
    private final boolean concurrentIndexes;
    private final boolean liveSafe;
    private final List<SchemaChange> changes = new ArrayList<>();
    private final List<UndecidedChange> undecided = new ArrayList<>();
    /** Tables renamed by decision: new name to old name. */
    private final Map<String, String> oldTableNames = new HashMap<>();

    private Differ(Decisions decisions, boolean concurrentIndexes, boolean liveSafe) {
        this.decisions = decisions;
        this.concurrentIndexes = concurrentIndexes;
        this.liveSafe = liveSafe;
    }

    /** @param liveSafe whether changes to existing tables take their live-safe form (see {@link ConstraintDiff}) */
    public static Result diff(SchemaModel from, SchemaModel to, Decisions decisions, boolean concurrentIndexes,
            boolean liveSafe) {
        Differ differ = new Differ(decisions, concurrentIndexes, liveSafe);
        differ.run(from, to);
        List<SchemaChange> ordered = new ArrayList<>(differ.changes);
        ordered.sort(Comparator.comparing(SchemaChange::phase)); // stable: keeps table and name order per phase
        return new Result(List.copyOf(ordered), List.copyOf(differ.undecided));
    }

    private void run(SchemaModel original, SchemaModel to) {
        SchemaModel from = applyRenames(original, to);
        to.extensions().stream().filter(e -> !from.extensions().contains(e)).forEach(e -> changes.add(new CreateExtension(e)));
        from.extensions().stream().filter(e -> !to.extensions().contains(e)).forEach(e -> changes.add(new DropExtension(e)));
        List<TableModel> added = to.tables().stream().filter(t -> from.table(t.name()).isEmpty()).toList();
        for (TableModel dropped : from.tables()) {
            if (to.table(dropped.name()).isEmpty()) {
                dropTable(dropped, added);
            }
        }
        for (TableModel table : added) {
            changes.add(new CreateTable(table));
            table.foreignKeys().forEach(fk -> changes.add(new AddForeignKey(table.name(), fk)));
            table.indexes().forEach(ix -> changes.add(new CreateIndex(table.name(), ix, false)));
        }
        Set<String> neededEarly = added.stream().flatMap(t -> t.foreignKeys().stream())
                .map(fk -> ConstraintDiff.key(fk.referencedTable(), fk.referencedColumns())).collect(Collectors.toSet());
        for (TableModel target : to.tables()) {
            from.table(target.name()).ifPresent(renamed -> {
                TableModel before = original.table(oldTableNames.getOrDefault(target.name(), target.name())).orElseThrow();
                diffColumns(renamed, target);
                new ConstraintDiff(changes, concurrentIndexes, liveSafe, neededEarly).diff(before, renamed, target);
            });
        }
    }

    private SchemaModel applyRenames(SchemaModel model, SchemaModel to) {
        SchemaModel renamed = model;
        for (Decision d : decisions.list()) {
            if (d.kind() == Decision.Kind.RENAME_TABLE && renamed.table(d.table()).isPresent()
                    && to.table(d.table()).isEmpty() && to.table(d.newName()).isPresent()
                    && renamed.table(d.newName()).isEmpty()) {
                changes.add(new RenameTable(d.table(), d.newName(),
                        Renames.serialColumns(renamed.table(d.table()).orElseThrow()), d));
                oldTableNames.put(d.newName(), d.table());
                renamed = Renames.renameTable(renamed, d.table(), d.newName());
            }
        }
        for (Decision d : decisions.list()) {
            if (d.kind() != Decision.Kind.RENAME_COLUMN) {
                continue;
            }
            TableModel before = renamed.table(d.table()).orElse(null);
            TableModel after = to.table(d.table()).orElse(null);
            if (before != null && after != null && before.column(d.column()).isPresent()
                    && before.column(d.newName()).isEmpty() && after.column(d.newName()).isPresent()
                    && after.column(d.column()).isEmpty()) {
                changes.add(new RenameColumn(d.table(), d.column(), d.newName(), d));
                renamed = Renames.renameColumn(renamed, d.table(), d.column(), d.newName());
            }
        }
        return renamed;
    }

    private void dropTable(TableModel dropped, List<TableModel> added) {
        Decision allow = Decision.allowDropTable(dropped.name());
        if (decisions.contains(allow)) {
            dropped.foreignKeys().forEach(fk -> changes.add(new DropForeignKey(dropped.name(), fk)));
            dropped.indexes().forEach(ix -> changes.add(new DropIndex(dropped.name(), ix)));
            changes.add(new DropTable(dropped, allow));
            return;
        }
        List<Decision> options = new ArrayList<>();
        added.stream().filter(a -> sharesAColumn(dropped, a))
                .forEach(a -> options.add(Decision.renameTable(dropped.name(), a.name())));
        options.add(allow);
        undecided.add(new UndecidedChange("Table " + dropped.name() + " is gone from the definitions: dropping it"
                + " deletes its rows." + (options.size() > 1 ? " Was it renamed?" : ""), options));
    }

    private static boolean sharesAColumn(TableModel a, TableModel b) {
        return a.columns().stream().anyMatch(c -> b.column(c.name()).filter(o -> o.type().equals(c.type())).isPresent());
    }

    private void diffColumns(TableModel before, TableModel after) {
        String table = after.name();
        List<ColumnModel> added = after.columns().stream().filter(c -> before.column(c.name()).isEmpty()).toList();
        for (ColumnModel gone : before.columns()) {
            if (after.column(gone.name()).isPresent()) {
                continue;
            }
            Decision allow = Decision.allowDropColumn(table, gone.name());
            if (decisions.contains(allow)) {
                changes.add(new DropColumn(table, gone, allow));
                continue;
            }
            List<Decision> options = new ArrayList<>();
            added.stream().filter(a -> a.type().equals(gone.type()))
                    .forEach(a -> options.add(Decision.renameColumn(table, gone.name(), a.name())));
            options.add(allow);
            undecided.add(new UndecidedChange("Column " + table + "." + gone.name() + " is gone from the definitions:"
                    + " dropping it deletes its values." + (options.size() > 1 ? " Was it renamed?" : ""), options));
        }
        for (ColumnModel column : added) {
            Decision allow = null;
            if (column.notNull() && column.defaultExpression() == null && column.identity() == null) {
                allow = Decision.allowNotNullColumn(table, column.name());
                if (!decisions.contains(allow)) {
                    undecided.add(new UndecidedChange("New column " + table + "." + column.name() + " is NOT NULL"
                            + " without a default: adding it fails when " + table + " has rows. Give it a default,"
                            + " make it nullable, or allow it (for a table known to be empty):", List.of(allow)));
                    continue;
                }
            }
            changes.add(new AddColumn(table, column, allow));
        }
        for (ColumnModel now : after.columns()) {
            before.column(now.name()).ifPresent(was -> diffColumn(table, was, now));
        }
    }

    private void diffColumn(String table, ColumnModel was, ColumnModel now) {
        String column = now.name();
        boolean typeChanged = !was.type().equals(now.type());
        if (typeChanged) {
            Decision allow = null;
            if (!TypeChanges.isWidening(was.type(), now.type())) {
                allow = Decision.allowTypeChange(table, column);
                if (!decisions.contains(allow)) {
                    undecided.add(new UndecidedChange("Column " + table + "." + column + " changes type from "
                            + was.type() + " to " + now.type() + ", which may not keep every value.", List.of(allow)));
                    return;
                }
            }
            // A default of the old type may not cast to the new one: drop it first, set it after.
            if (was.defaultExpression() != null) {
                changes.add(new ChangeDefault(table, column, was.defaultExpression(), null));
            }
            changes.add(new ChangeType(table, column, was.type(), now.type(), allow));
            if (now.defaultExpression() != null) {
                changes.add(new ChangeDefault(table, column, null, now.defaultExpression()));
            }
        } else if (!Objects.equals(was.defaultExpression(), now.defaultExpression())) {
            changes.add(new ChangeDefault(table, column, was.defaultExpression(), now.defaultExpression()));
        }
        if (liveSafe && now.notNull() && !was.notNull()) {
            // SET NOT NULL alone scans the table under ACCESS EXCLUSIVE; a validated check lets it skip the scan.
            String check = Names.truncate(table + "_" + column + "_not_null");
            changes.add(new AddNotNullCheck(table, column, check));
            changes.add(new ValidateConstraint(table, check));
            changes.add(new SetNotNullWithCheck(table, column, check));
        } else if (was.notNull() != now.notNull()) {
            changes.add(new ChangeNullability(table, column, now.notNull()));
        }
        if (was.identity() != now.identity()) {
            changes.add(new ChangeIdentity(table, column, was.identity(), now.identity()));
        }
    }
}
