package ai.paperclip.schema.model;

import java.util.List;

/**
 * A foreign key.
 *
 * @param name the constraint name
 * @param columns the referencing columns, in order
 * @param referencedTable the referenced table (it may lie outside the schema only when the DSL
 *     was told so explicitly; the core schema has none)
 * @param referencedColumns the referenced columns, in the same order
 * @param onDelete the ON DELETE rule
 * @param onUpdate the ON UPDATE rule
 */
public record ForeignKeyModel(
        String name,
        List<String> columns,
        String referencedTable,
        List<String> referencedColumns,
        ReferentialAction onDelete,
        ReferentialAction onUpdate) {

    public ForeignKeyModel {
        Models.requireName(name, "foreign key");
        columns = Models.nonEmptyCopy(columns, "foreign key " + name);
        Models.requireName(referencedTable, "referenced table of foreign key " + name);
        referencedColumns = Models.nonEmptyCopy(referencedColumns, "foreign key " + name);
        if (columns.size() != referencedColumns.size()) {
            throw new IllegalArgumentException("Foreign key " + name + " has " + columns.size()
                    + " columns but references " + referencedColumns.size());
        }
        onDelete = onDelete == null ? ReferentialAction.NO_ACTION : onDelete;
        onUpdate = onUpdate == null ? ReferentialAction.NO_ACTION : onUpdate;
    }
}
