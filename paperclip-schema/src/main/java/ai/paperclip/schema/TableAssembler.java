package ai.paperclip.schema;

import ai.paperclip.schema.internal.Names;
import ai.paperclip.schema.model.CheckModel;
import ai.paperclip.schema.model.ColumnModel;
import ai.paperclip.schema.model.ForeignKeyModel;
import ai.paperclip.schema.model.IndexModel;
import ai.paperclip.schema.model.PrimaryKeyModel;
import ai.paperclip.schema.model.TableModel;
import ai.paperclip.schema.model.UniqueConstraintModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a table's definitions into its {@link TableModel}, resolving and checking foreign keys. */
final class TableAssembler {

    private final Table table;
    private final List<Column<?>> columns;
    private final List<Object> definitions;
    private final Table.PrimaryKey declaredKey;

    TableAssembler(Table table, List<Column<?>> columns, List<Object> definitions, Table.PrimaryKey declaredKey) {
        this.table = table;
        this.columns = columns;
        this.definitions = definitions;
        this.declaredKey = declaredKey;
    }

    TableModel assemble() {
        PrimaryKeyModel primaryKey = primaryKey();
        Set<String> keyColumns = primaryKey == null ? Set.of() : Set.copyOf(primaryKey.columns());
        List<ColumnModel> columnModels = columns.stream().map(c -> {
            ColumnModel m = c.model();
            // PostgreSQL makes every primary key column NOT NULL; the model says so too.
            return keyColumns.contains(m.name()) && !m.notNull()
                    ? new ColumnModel(m.name(), m.type(), true, m.defaultExpression(), m.identity()) : m;
        }).toList();

        List<ForeignKeyModel> foreignKeys = new ArrayList<>();
        List<UniqueConstraintModel> uniques = new ArrayList<>();
        List<CheckModel> checks = new ArrayList<>();
        List<IndexModel> indexes = new ArrayList<>();
        for (Column<?> column : columns) {
            if (column.reference() != null) {
                foreignKeys.add(foreignKey(List.of(column), null, column.reference()));
            }
            if (column.isUnique()) {
                uniques.add(new UniqueConstraintModel(Names.truncate(table.name() + "_" + column.name() + "_unique"),
                        List.of(column.name()), false));
            }
        }
        for (Object definition : definitions) {
            if (definition instanceof Index index) {
                indexes.add(index.model());
            } else if (definition instanceof UniqueConstraint unique) {
                uniques.add(unique.model());
            } else if (definition instanceof CheckModel check) {
                checks.add(check);
            } else if (definition instanceof ForeignKey fk) {
                if (fk.reference() == null) {
                    throw table.error(fk.columns(), "the foreign key has no target; call references(...)");
                }
                foreignKeys.add(foreignKey(fk.columns(), fk.name(), fk.reference()));
            }
        }
        return new TableModel(table.name(), columnModels, primaryKey, foreignKeys, uniques, checks, indexes);
    }

    private PrimaryKeyModel primaryKey() {
        List<Column<?>> marked = columns.stream().filter(Column::isPrimaryKey).toList();
        if (declaredKey != null && !marked.isEmpty()) {
            throw table.error(marked, "marked primaryKey() although the table declares primaryKey(...); keep one of them");
        }
        if (marked.size() > 1) {
            throw table.error(marked, "each marked primaryKey(); declare a composite key with primaryKey(columns...) instead");
        }
        if (declaredKey != null) {
            return new PrimaryKeyModel(declaredKey.name(), declaredKey.columns().stream().map(Column::name).toList());
        }
        return marked.isEmpty() ? null : new PrimaryKeyModel(Names.primaryKey(table.name()), List.of(marked.get(0).name()));
    }

    private ForeignKeyModel foreignKey(List<Column<?>> source, String explicitName, Reference reference) {
        String targetTable;
        List<String> targetColumns;
        if (reference.column() != null) {
            Column<?> target = reference.column().get();
            if (target == null) {
                throw table.error(source, "the foreign key target is null; a static initialisation cycle between tables?"
                        + " Reference it lazily, e.g. references(() -> OTHER.id), from a field initialiser");
            }
            Column<?> current = target.table().column(target.name()).orElse(target);
            requireSameTypes(source, List.of(current));
            targetTable = target.table().name();
            targetColumns = List.of(target.name());
        } else if (reference.table() != null) {
            Table target = reference.table().get();
            if (target == null) {
                throw table.error(source, "the foreign key's target table is null; a static initialisation cycle?");
            }
            List<Column<?>> resolved = new ArrayList<>();
            for (String name : reference.columnNames()) {
                resolved.add(target.column(name).orElseThrow(() -> table.error(source,
                        "the foreign key references column " + target.name() + "." + name
                                + ", which does not exist; reference one of the columns of " + target.name())));
            }
            requireCount(source, resolved.size());
            requireSameTypes(source, resolved);
            targetTable = target.name();
            targetColumns = List.copyOf(reference.columnNames());
        } else {
            requireCount(source, reference.columnNames().size());
            targetTable = reference.tableName();
            targetColumns = reference.columnNames();
        }
        List<String> sourceNames = source.stream().map(Column::name).toList();
        String name = explicitName != null ? explicitName
                : Names.foreignKey(table.name(), sourceNames, targetTable, targetColumns);
        return new ForeignKeyModel(name, sourceNames, targetTable, targetColumns, reference.onDelete(), reference.onUpdate());
    }

    private void requireCount(List<Column<?>> source, int targets) {
        if (source.size() != targets) {
            throw table.error(source, "the foreign key has " + source.size() + " column(s) but references "
                    + targets + "; give as many target columns as key columns");
        }
    }

    private void requireSameTypes(List<Column<?>> source, List<Column<?>> targets) {
        requireCount(source, targets.size());
        for (int i = 0; i < source.size(); i++) {
            Column<?> from = source.get(i);
            Column<?> to = targets.get(i);
            if (!from.type().equals(to.type())) {
                throw table.error(from, "the foreign key column is " + from.type() + " but the referenced column "
                        + to + " is " + to.type() + "; give both columns the same type");
            }
        }
    }

    static String columnNames(List<String> names) {
        return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
    }
}
