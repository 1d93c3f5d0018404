package ai.paperclip.schema;

import ai.paperclip.schema.model.ReferentialAction;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An immutable table-level foreign key, made by {@link Table#foreignKey}: for composite keys, or to
 * give a key its own name. A single-column key is simpler as {@link Column#references}.
 */
public final class ForeignKey {

    private final Table table;
    private final int slot;
    private final List<Column<?>> columns;
    private final String name;
    private final Reference reference;

    ForeignKey(Table table, int slot, List<Column<?>> columns, String name, Reference reference) {
        this.table = table;
        this.slot = slot;
        this.columns = columns;
        this.name = name;
        this.reference = reference;
    }

    /** The referenced table and its columns, in the order of this key's columns. */
    public ForeignKey references(Supplier<? extends Table> target, String... columns) {
        Objects.requireNonNull(target, "target");
        return replace(name, Reference.toTable(target, List.of(columns)));
    }

    /** A referenced table by name (one this code does not define; see {@link Schema.Builder#external}). */
    public ForeignKey references(String target, String... columns) {
        return replace(name, Reference.byName(target, List.of(columns)));
    }

    public ForeignKey onDelete(ReferentialAction action) {
        return replace(name, requireReference("onDelete").onDelete(action));
    }

    public ForeignKey onUpdate(ReferentialAction action) {
        return replace(name, requireReference("onUpdate").onUpdate(action));
    }

    /** An explicit constraint name instead of {@code <table>_<columns>_<reftable>_<refcolumns>_fk}. */
    public ForeignKey named(String constraintName) {
        table.requireName(constraintName, "foreign key");
        return replace(constraintName, reference);
    }

    List<Column<?>> columns() {
        return columns;
    }

    String name() {
        return name;
    }

    Reference reference() {
        return reference;
    }

    private Reference requireReference(String modifier) {
        if (reference == null) {
            throw table.error(columns, modifier + "(...) needs a target; call references(...) first");
        }
        return reference;
    }

    private ForeignKey replace(String newName, Reference newReference) {
        ForeignKey next = new ForeignKey(table, slot, columns, newName, newReference);
        table.replaceDefinition(slot, this, next);
        return next;
    }
}
