package ai.paperclip.schema;

import ai.paperclip.schema.internal.Names;
import ai.paperclip.schema.model.ColumnModel;
import ai.paperclip.schema.model.ForeignKeyModel;
import ai.paperclip.schema.model.IndexModel;
import ai.paperclip.schema.model.IndexModel.IndexElement;
import ai.paperclip.schema.model.SchemaModel;
import ai.paperclip.schema.model.TableModel;
import ai.paperclip.schema.model.UniqueConstraintModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The cross-table checks of a {@link Schema}: foreign key targets and relation names. */
final class SchemaValidator {

    private static final Pattern SERIAL = Pattern.compile("nextval\\('([^']+)'::regclass\\)");

    private final List<Table> tables;
    private final Set<String> extensions;
    private final Set<String> externalTables;
    private final List<Schema.AddedForeignKey> added;

    SchemaValidator(List<Table> tables, Set<String> extensions, Set<String> externalTables,
                    List<Schema.AddedForeignKey> added) {
        this.tables = tables;
        this.extensions = extensions;
        this.externalTables = externalTables;
        this.added = added;
    }

    SchemaModel validatedModel() {
        Map<String, TableModel> models = new LinkedHashMap<>();
        for (Table table : tables) {
            models.put(table.name(), table.model());
        }
        for (Schema.AddedForeignKey fk : added) {
            String owner = fk.column().table().name();
            if (!models.containsKey(owner) || tables.stream().noneMatch(t -> t == fk.column().table())) {
                throw new SchemaDefinitionException("Table \"" + owner + "\", column \"" + fk.column().name()
                        + "\": a foreign key is added to it, but the table is not in the schema; add the table first");
            }
            models.put(owner, Schema.withForeignKey(models.get(owner), Schema.addedModel(fk)));
        }
        for (TableModel table : models.values()) {
            for (ForeignKeyModel fk : table.foreignKeys()) {
                checkTarget(table, fk, models);
            }
        }
        checkRelationNames(models.values());
        return new SchemaModel(List.copyOf(extensions), List.copyOf(models.values()));
    }

    private void checkTarget(TableModel table, ForeignKeyModel fk, Map<String, TableModel> models) {
        String where = "Table \"" + table.name() + "\", column" + (fk.columns().size() == 1 ? " " : "s ")
                + TableAssembler.columnNames(fk.columns()) + ": foreign key " + fk.name();
        TableModel target = models.get(fk.referencedTable());
        if (target == null) {
            if (externalTables.contains(fk.referencedTable())) {
                return;
            }
            throw new SchemaDefinitionException(where + " references table \"" + fk.referencedTable()
                    + "\", which is not in the schema; add that table to the schema or declare it with external(\""
                    + fk.referencedTable() + "\")");
        }
        for (int i = 0; i < fk.columns().size(); i++) {
            String targetName = fk.referencedColumns().get(i);
            Optional<ColumnModel> targetColumn = target.column(targetName);
            if (targetColumn.isEmpty()) {
                throw new SchemaDefinitionException(where + " references column " + target.name() + "." + targetName
                        + ", which does not exist; reference one of the columns of " + target.name());
            }
            ColumnModel source = table.column(fk.columns().get(i)).orElseThrow();
            if (!source.type().equals(targetColumn.get().type())) {
                throw new SchemaDefinitionException(where + ": the column is " + source.type()
                        + " but the referenced column " + target.name() + "." + targetName + " is "
                        + targetColumn.get().type() + "; give both columns the same type");
            }
        }
        if (!isKey(target, Set.copyOf(fk.referencedColumns()))) {
            throw new SchemaDefinitionException(where + " references " + target.name() + "("
                    + String.join(", ", fk.referencedColumns()) + "), which is neither the primary key nor unique;"
                    + " reference a key, or add a unique constraint on those columns");
        }
    }

    /** PostgreSQL accepts a primary key, a unique constraint or a plain unique index on exactly those columns. */
    private static boolean isKey(TableModel table, Set<String> columns) {
        if (table.primaryKey() != null && Set.copyOf(table.primaryKey().columns()).equals(columns)) {
            return true;
        }
        for (UniqueConstraintModel unique : table.uniqueConstraints()) {
            if (Set.copyOf(unique.columns()).equals(columns)) {
                return true;
            }
        }
        for (IndexModel index : table.indexes()) {
            if (index.unique() && index.where() == null && index.elements().stream().allMatch(e -> e.column() != null)
                    && index.elements().stream().map(IndexElement::column).collect(Collectors.toSet())
                            .equals(columns)) {
                return true;
            }
        }
        return false;
    }

    /** Tables, indexes (those behind keys too) and sequences share one namespace in PostgreSQL. */
    private static void checkRelationNames(Iterable<TableModel> tables) {
        Map<String, String> owners = new HashMap<>();
        for (TableModel table : tables) {
            claim(owners, table.name(), "table " + table.name());
        }
        for (TableModel table : tables) {
            List<String> names = new ArrayList<>();
            if (table.primaryKey() != null) {
                names.add(table.primaryKey().name());
            }
            table.uniqueConstraints().forEach(u -> names.add(u.name()));
            table.indexes().forEach(i -> names.add(i.name()));
            for (ColumnModel column : table.columns()) {
                Matcher m = column.defaultExpression() == null ? null : SERIAL.matcher(column.defaultExpression());
                if (m != null && m.matches() && m.group(1).equals(Names.serialSequence(table.name(), column.name()))) {
                    names.add(m.group(1));
                }
            }
            for (String name : names) {
                claim(owners, name, "an index or sequence of table " + table.name());
            }
        }
    }

    private static void claim(Map<String, String> owners, String name, String owner) {
        String previous = owners.putIfAbsent(name, owner);
        if (previous != null) {
            throw new SchemaDefinitionException("Schema: the name \"" + name + "\" is used by " + previous + " and by "
                    + owner + "; tables, indexes and sequences share one namespace in PostgreSQL, so rename one");
        }
    }
}
