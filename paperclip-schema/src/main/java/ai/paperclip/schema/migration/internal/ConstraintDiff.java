package ai.paperclip.schema.migration.internal;

import ai.paperclip.schema.migration.ConstraintChanges.AddCheck;
import ai.paperclip.schema.migration.ConstraintChanges.AddCheckNotValid;
import ai.paperclip.schema.migration.ConstraintChanges.AddForeignKey;
import ai.paperclip.schema.migration.ConstraintChanges.AddForeignKeyNotValid;
import ai.paperclip.schema.migration.ConstraintChanges.AddPrimaryKey;
import ai.paperclip.schema.migration.ConstraintChanges.AddUnique;
import ai.paperclip.schema.migration.ConstraintChanges.AddUniqueUsingIndex;
import ai.paperclip.schema.migration.ConstraintChanges.CreateIndex;
import ai.paperclip.schema.migration.ConstraintChanges.CreateUniqueIndexConcurrently;
import ai.paperclip.schema.migration.ConstraintChanges.DropCheck;
import ai.paperclip.schema.migration.ConstraintChanges.DropForeignKey;
import ai.paperclip.schema.migration.ConstraintChanges.DropIndex;
import ai.paperclip.schema.migration.ConstraintChanges.DropPrimaryKey;
import ai.paperclip.schema.migration.ConstraintChanges.DropUnique;
import ai.paperclip.schema.migration.ConstraintChanges.RenameConstraint;
import ai.paperclip.schema.migration.ConstraintChanges.RenameIndex;
import ai.paperclip.schema.migration.ConstraintChanges.ValidateConstraint;
import ai.paperclip.schema.migration.SchemaChange;
import ai.paperclip.schema.model.CheckModel;
import ai.paperclip.schema.model.ForeignKeyModel;
import ai.paperclip.schema.model.IndexModel;
import ai.paperclip.schema.model.PrimaryKeyModel;
import ai.paperclip.schema.model.TableModel;
import ai.paperclip.schema.model.UniqueConstraintModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Compares the constraints and indexes of one table. Objects are matched by name; a changed
 * definition is a drop and an add; an unmatched pair with the same definition under a new name is
 * a rename (nothing is guessed there: no data depends on a constraint's name).
 *
 * <p>The table exists already, so with {@code liveSafe} what is added takes its live-safe form: foreign
 * keys and checks {@code NOT VALID} and validated in a later step, the indexes of unique constraints built
 * concurrently (with {@code concurrentIndexes}, which also builds plain indexes concurrently).
 */
final class ConstraintDiff {

    private final List<SchemaChange> changes;
    private final boolean concurrentIndexes;
    private final boolean liveSafe;
    /** Unique keys ({@code table(columns)}) that a new table's foreign key needs in the first changeset. */
    private final Set<String> neededEarly;

    ConstraintDiff(List<SchemaChange> changes, boolean concurrentIndexes, boolean liveSafe, Set<String> neededEarly) {
        this.changes = changes;
        this.concurrentIndexes = concurrentIndexes;
        this.liveSafe = liveSafe;
        this.neededEarly = neededEarly;
    }

    static String key(String table, List<String> columns) {
        return table + "(" + String.join(",", columns) + ")";
    }

    /**
     * @param original the table as it was, under its old names (drops run before renames)
     * @param renamed the table after decided renames, for comparing
     * @param target the table as it must become
     */
    void diff(TableModel original, TableModel renamed, TableModel target) {
        String oldName = original.name();
        String table = target.name();
        match(listOf(original.primaryKey()), listOf(renamed.primaryKey()), listOf(target.primaryKey()),
                PrimaryKeyModel::name, (pk, n) -> new PrimaryKeyModel(n, pk.columns()),
                pk -> new DropPrimaryKey(oldName, pk), pk -> new AddPrimaryKey(table, pk), (a, b) -> new RenameConstraint(table, a, b));
        match(original.foreignKeys(), renamed.foreignKeys(), target.foreignKeys(), ForeignKeyModel::name,
                (fk, n) -> new ForeignKeyModel(n, fk.columns(), fk.referencedTable(), fk.referencedColumns(),
                        fk.onDelete(), fk.onUpdate()),
                fk -> new DropForeignKey(oldName, fk),
                fk -> liveSafe ? validated(new AddForeignKeyNotValid(table, fk), table, fk.name()) : new AddForeignKey(table, fk),
                (a, b) -> new RenameConstraint(table, a, b));
        match(original.uniqueConstraints(), renamed.uniqueConstraints(), target.uniqueConstraints(),
                UniqueConstraintModel::name, (u, n) -> new UniqueConstraintModel(n, u.columns(), u.nullsNotDistinct()),
                u -> new DropUnique(oldName, u), u -> addUnique(table, u), (a, b) -> new RenameConstraint(table, a, b));
        match(original.checks(), renamed.checks(), target.checks(), CheckModel::name,
                (c, n) -> new CheckModel(n, c.expression()),
                c -> new DropCheck(oldName, c),
                c -> liveSafe ? validated(new AddCheckNotValid(table, c), table, c.name()) : new AddCheck(table, c),
                (a, b) -> new RenameConstraint(table, a, b));
        match(original.indexes(), renamed.indexes(), target.indexes(), IndexModel::name,
                (ix, n) -> new IndexModel(n, ix.unique(), ix.method(), ix.elements(), ix.where()),
                ix -> new DropIndex(oldName, ix), ix -> new CreateIndex(table, ix, concurrentIndexes),
                (a, b) -> new RenameIndex(table, a, b));
    }

    /** Adds the NOT VALID change and returns its validation, which {@code match} adds after it. */
    private SchemaChange validated(SchemaChange notValid, String table, String constraint) {
        changes.add(notValid);
        return new ValidateConstraint(table, constraint);
    }

    private SchemaChange addUnique(String table, UniqueConstraintModel unique) {
        if (!liveSafe || !concurrentIndexes || neededEarly.contains(key(table, unique.columns()))) {
            return new AddUnique(table, unique);
        }
        changes.add(new CreateUniqueIndexConcurrently(table, unique));
        return new AddUniqueUsingIndex(table, unique);
    }

    private static <T> List<T> listOf(T item) {
        return item == null ? List.of() : List.of(item);
    }

    private <T> void match(List<T> originals, List<T> befores, List<T> afters, Function<T, String> name,
            BiFunction<T, String, T> withName, Function<T, SchemaChange> drop, Function<T, SchemaChange> add,
            BiFunction<String, String, SchemaChange> rename) {
        List<T> gone = new ArrayList<>();
        List<T> fresh = new ArrayList<>();
        for (T before : befores) {
            T after = afters.stream().filter(a -> name.apply(a).equals(name.apply(before))).findFirst().orElse(null);
            if (after == null) {
                gone.add(before);
            } else if (!after.equals(before)) {
                gone.add(before);
                fresh.add(after);
            }
        }
        afters.stream().filter(a -> befores.stream().noneMatch(b -> name.apply(b).equals(name.apply(a))))
                .forEach(fresh::add);
        for (T before : List.copyOf(gone)) {
            T same = fresh.stream().filter(a -> !name.apply(a).equals(name.apply(before))
                    && withName.apply(before, name.apply(a)).equals(a)).findFirst().orElse(null);
            if (same != null) {
                changes.add(rename.apply(name.apply(before), name.apply(same)));
                gone.remove(before);
                fresh.remove(same);
            }
        }
        for (T before : gone) {
            T original = originals.stream().filter(o -> name.apply(o).equals(name.apply(before))).findFirst()
                    .orElseThrow();
            changes.add(drop.apply(Objects.requireNonNull(original)));
        }
        fresh.forEach(a -> changes.add(add.apply(a)));
    }
}
