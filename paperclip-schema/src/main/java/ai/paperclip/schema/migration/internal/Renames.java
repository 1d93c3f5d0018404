package ai.paperclip.schema.migration.internal;

import ai.paperclip.schema.ddl.PostgresDdl;
import ai.paperclip.schema.model.ColumnModel;
import ai.paperclip.schema.model.ForeignKeyModel;
import ai.paperclip.schema.model.IndexModel;
import ai.paperclip.schema.model.IndexModel.IndexElement;
import ai.paperclip.schema.model.PrimaryKeyModel;
import ai.paperclip.schema.model.SchemaModel;
import ai.paperclip.schema.model.TableModel;
import ai.paperclip.schema.model.UniqueConstraintModel;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Applies decided renames to a model, the way PostgreSQL applies them to a catalog: constraints,
 * indexes and foreign keys that name the table or column follow it. Text inside check, default,
 * index-expression and predicate expressions is not rewritten; such objects show up as changed
 * and are dropped and created again.
 */
public final class Renames {

    private Renames() {
    }

    /** The columns of {@code table} whose default is their own serial sequence. */
    public static List<String> serialColumns(TableModel table) {
        return table.columns().stream().filter(c -> isSerial(table.name(), c)).map(ColumnModel::name)
                .collect(Collectors.toList());
    }

    private static boolean isSerial(String table, ColumnModel c) {
        return serialDefault(table, c.name()).equals(c.defaultExpression());
    }

    private static String serialDefault(String table, String column) {
        return "nextval('" + PostgresDdl.serialSequenceName(table, column) + "'::regclass)";
    }

    public static SchemaModel renameTable(SchemaModel model, String from, String to) {
        return map(model, table -> {
            TableModel t = table;
            if (t.name().equals(from)) {
                List<ColumnModel> columns = t.columns().stream().map(c -> isSerial(from, c)
                        ? new ColumnModel(c.name(), c.type(), c.notNull(), serialDefault(to, c.name()), c.identity())
                        : c).collect(Collectors.toList());
                t = new TableModel(to, columns, t.primaryKey(), t.foreignKeys(), t.uniqueConstraints(), t.checks(),
                        t.indexes());
            }
            List<ForeignKeyModel> fks = t.foreignKeys().stream().map(fk -> fk.referencedTable().equals(from)
                    ? new ForeignKeyModel(fk.name(), fk.columns(), to, fk.referencedColumns(), fk.onDelete(), fk.onUpdate())
                    : fk).collect(Collectors.toList());
            return new TableModel(t.name(), t.columns(), t.primaryKey(), fks, t.uniqueConstraints(), t.checks(),
                    t.indexes());
        });
    }

    public static SchemaModel renameColumn(SchemaModel model, String table, String from, String to) {
        UnaryOperator<String> rename = name -> name.equals(from) ? to : name;
        return map(model, t -> {
            List<ForeignKeyModel> fks = t.foreignKeys().stream().map(fk -> new ForeignKeyModel(fk.name(),
                    t.name().equals(table) ? names(fk.columns(), rename) : fk.columns(), fk.referencedTable(),
                    fk.referencedTable().equals(table) ? names(fk.referencedColumns(), rename) : fk.referencedColumns(),
                    fk.onDelete(), fk.onUpdate())).collect(Collectors.toList());
            if (!t.name().equals(table)) {
                return new TableModel(t.name(), t.columns(), t.primaryKey(), fks, t.uniqueConstraints(), t.checks(),
                        t.indexes());
            }
            List<ColumnModel> columns = t.columns().stream().map(c -> c.name().equals(from)
                    ? new ColumnModel(to, c.type(), c.notNull(), c.defaultExpression(), c.identity())
                    : c).collect(Collectors.toList());
            PrimaryKeyModel pk = t.primaryKey() == null ? null
                    : new PrimaryKeyModel(t.primaryKey().name(), names(t.primaryKey().columns(), rename));
            List<UniqueConstraintModel> uniques = t.uniqueConstraints().stream().map(u -> new UniqueConstraintModel(
                    u.name(), names(u.columns(), rename), u.nullsNotDistinct())).collect(Collectors.toList());
            List<IndexModel> indexes = t.indexes().stream().map(ix -> new IndexModel(ix.name(), ix.unique(),
                    ix.method(), ix.elements().stream().map(e -> e.column() == null ? e
                            : new IndexElement(rename.apply(e.column()), null, e.operatorClass(), e.descending()))
                            .collect(Collectors.toList()), ix.where())).collect(Collectors.toList());
            return new TableModel(t.name(), columns, pk, fks, uniques, t.checks(), indexes);
        });
    }

    private static List<String> names(List<String> names, UnaryOperator<String> rename) {
        return names.stream().map(rename).collect(Collectors.toList());
    }

    private static SchemaModel map(SchemaModel model, UnaryOperator<TableModel> mapping) {
        return new SchemaModel(model.extensions(), model.tables().stream().map(mapping).collect(Collectors.toList()));
    }
}
