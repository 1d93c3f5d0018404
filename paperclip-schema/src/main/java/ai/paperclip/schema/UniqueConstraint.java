package ai.paperclip.schema;

import ai.paperclip.schema.model.UniqueConstraintModel;
import java.util.List;

/**
 * An immutable UNIQUE table constraint, made by {@link Table#unique}. (A partial or expression
 * unique index is a {@link Table#uniqueIndex}.)
 */
public final class UniqueConstraint {

    private final Table table;
    private final int slot;
    private final String name;
    private final List<Column<?>> columns;
    private final boolean nullsNotDistinct;

    UniqueConstraint(Table table, int slot, String name, List<Column<?>> columns, boolean nullsNotDistinct) {
        this.table = table;
        this.slot = slot;
        this.name = name;
        this.columns = columns;
        this.nullsNotDistinct = nullsNotDistinct;
    }

    /** The constrained columns, in order. */
    public UniqueConstraint on(Column<?>... columns) {
        for (Column<?> column : columns) {
            table.requireOwnColumn(column, "unique constraint \"" + name + "\"");
        }
        return replace(new UniqueConstraint(table, slot, name, List.of(columns), nullsNotDistinct));
    }

    /** {@code NULLS NOT DISTINCT}: two rows with NULL in the same columns conflict. */
    public UniqueConstraint nullsNotDistinct() {
        return replace(new UniqueConstraint(table, slot, name, columns, true));
    }

    public String name() {
        return name;
    }

    UniqueConstraintModel model() {
        if (columns.isEmpty()) {
            throw table.error("unique constraint \"" + name + "\" has no columns; add them with on(...)");
        }
        return new UniqueConstraintModel(name, columns.stream().map(Column::name).toList(), nullsNotDistinct);
    }

    private UniqueConstraint replace(UniqueConstraint next) {
        table.replaceDefinition(slot, this, next);
        return next;
    }
}
