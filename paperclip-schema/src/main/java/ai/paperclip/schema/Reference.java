package ai.paperclip.schema;

import ai.paperclip.schema.model.ReferentialAction;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where a foreign key points, kept unresolved until the table's model is built: a typed target
 * (a supplier, so tables may reference each other and themselves whatever their initialisation
 * order) or a table and columns by name (for tables outside this code base).
 */
record Reference(
        Supplier<? extends Table> table,
        Supplier<? extends Column<?>> column,
        String tableName,
        List<String> columnNames,
        ReferentialAction onDelete,
        ReferentialAction onUpdate) {

    static Reference toColumn(Supplier<? extends Column<?>> column) {
        return new Reference(null, column, null, null, ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
    }

    static Reference toTable(Supplier<? extends Table> table, List<String> columns) {
        return new Reference(table, null, null, List.copyOf(columns), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
    }

    static Reference byName(String table, List<String> columns) {
        return new Reference(null, null, table, List.copyOf(columns), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
    }

    Reference onDelete(ReferentialAction action) {
        return new Reference(table, column, tableName, columnNames, action, onUpdate);
    }

    Reference onUpdate(ReferentialAction action) {
        return new Reference(table, column, tableName, columnNames, onDelete, action);
    }
}
