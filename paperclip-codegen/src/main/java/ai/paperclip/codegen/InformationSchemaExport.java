package ai.paperclip.codegen;

import ai.paperclip.schema.model.ForeignKeyModel;
import ai.paperclip.schema.model.IndexModel;
import ai.paperclip.schema.model.IndexModel.IndexElement;
import ai.paperclip.schema.model.SchemaModel;
import ai.paperclip.schema.model.TableModel;
import ai.paperclip.schema.model.UniqueConstraintModel;
import java.util.List;
import java.util.Optional;
import org.jooq.util.xml.jaxb.CheckConstraint;
import org.jooq.util.xml.jaxb.Index;
import org.jooq.util.xml.jaxb.IndexColumnUsage;
import org.jooq.util.xml.jaxb.InformationSchema;
import org.jooq.util.xml.jaxb.KeyColumnUsage;
import org.jooq.util.xml.jaxb.ReferentialConstraint;
import org.jooq.util.xml.jaxb.Schema;
import org.jooq.util.xml.jaxb.Table;
import org.jooq.util.xml.jaxb.TableConstraint;
import org.jooq.util.xml.jaxb.TableConstraintType;
import org.jooq.util.xml.jaxb.TableType;

/**
 * Turns the tables, keys, checks and indexes of a {@link SchemaModel} into jOOQ's
 * {@code INFORMATION_SCHEMA} form, which jOOQ's {@code XMLDatabase} reads. (Columns and their types
 * are handed to jOOQ by {@link ModelTableDefinition}.)
 *
 * <p>Indexes on expressions or with a {@code WHERE} clause are left out: jOOQ's index model holds
 * columns only, and a partial index without its predicate would misdescribe the database. Foreign
 * keys whose target is not a primary key or unique constraint of the schema are left out too
 * (jOOQ links a foreign key to a key).
 */
public final class InformationSchemaExport {

    /** The PostgreSQL schema every table of the model lives in. */
    public static final String SCHEMA = "public";

    private InformationSchemaExport() {
    }

    public static InformationSchema of(SchemaModel model) {
        InformationSchema info = new InformationSchema();
        info.getSchemata().add(new Schema().withSchemaName(SCHEMA));
        for (TableModel table : model.tables()) {
            info.getTables().add(new Table().withTableSchema(SCHEMA).withTableName(table.name())
                    .withTableType(TableType.BASE_TABLE));
            if (table.primaryKey() != null) {
                key(info, table.name(), table.primaryKey().name(), TableConstraintType.PRIMARY_KEY,
                        table.primaryKey().columns());
            }
            for (UniqueConstraintModel unique : table.uniqueConstraints()) {
                key(info, table.name(), unique.name(), TableConstraintType.UNIQUE, unique.columns());
            }
            for (var check : table.checks()) {
                info.getTableConstraints().add(constraint(table.name(), check.name(), TableConstraintType.CHECK));
                info.getCheckConstraints().add(new CheckConstraint().withConstraintSchema(SCHEMA)
                        .withConstraintName(check.name()).withCheckClause(check.expression()));
            }
            for (IndexModel index : table.indexes()) {
                index(info, table.name(), index);
            }
        }
        for (TableModel table : model.tables()) {
            for (ForeignKeyModel fk : table.foreignKeys()) {
                referencedKey(model, fk).ifPresent(key -> foreignKey(info, table.name(), fk, key));
            }
        }
        return info;
    }

    private static TableConstraint constraint(String table, String name, TableConstraintType type) {
        return new TableConstraint().withConstraintSchema(SCHEMA).withConstraintName(name)
                .withConstraintType(type).withTableSchema(SCHEMA).withTableName(table);
    }

    private static void key(InformationSchema info, String table, String name, TableConstraintType type,
                            List<String> columns) {
        info.getTableConstraints().add(constraint(table, name, type));
        for (int i = 0; i < columns.size(); i++) {
            info.getKeyColumnUsages().add(new KeyColumnUsage().withConstraintSchema(SCHEMA).withConstraintName(name)
                    .withTableSchema(SCHEMA).withTableName(table).withColumnName(columns.get(i))
                    .withOrdinalPosition(i + 1));
        }
    }

    private static void index(InformationSchema info, String table, IndexModel index) {
        boolean columnsOnly = index.elements().stream().allMatch(e -> e.column() != null);
        if (!columnsOnly || index.where() != null) {
            return;
        }
        info.getIndexes().add(new Index().withIndexSchema(SCHEMA).withIndexName(index.name())
                .withTableSchema(SCHEMA).withTableName(table).withIsUnique(index.unique()));
        int position = 1;
        for (IndexElement element : index.elements()) {
            info.getIndexColumnUsages().add(new IndexColumnUsage().withIndexSchema(SCHEMA)
                    .withIndexName(index.name()).withTableSchema(SCHEMA).withTableName(table)
                    .withColumnName(element.column()).withOrdinalPosition(position++)
                    .withIsDescending(element.descending()));
        }
    }

    /** The name of the primary key or unique constraint whose columns the foreign key references. */
    private static Optional<String> referencedKey(SchemaModel model, ForeignKeyModel fk) {
        return model.table(fk.referencedTable()).flatMap(target -> {
            if (target.primaryKey() != null && target.primaryKey().columns().equals(fk.referencedColumns())) {
                return Optional.of(target.primaryKey().name());
            }
            return target.uniqueConstraints().stream()
                    .filter(u -> u.columns().equals(fk.referencedColumns()))
                    .map(UniqueConstraintModel::name).findFirst();
        });
    }

    private static void foreignKey(InformationSchema info, String table, ForeignKeyModel fk, String key) {
        info.getTableConstraints().add(constraint(table, fk.name(), TableConstraintType.FOREIGN_KEY));
        for (int i = 0; i < fk.columns().size(); i++) {
            info.getKeyColumnUsages().add(new KeyColumnUsage().withConstraintSchema(SCHEMA).withConstraintName(fk.name())
                    .withTableSchema(SCHEMA).withTableName(table).withColumnName(fk.columns().get(i))
                    .withOrdinalPosition(i + 1).withPositionInUniqueConstraint(i + 1));
        }
        info.getReferentialConstraints().add(new ReferentialConstraint().withConstraintSchema(SCHEMA)
                .withConstraintName(fk.name()).withUniqueConstraintSchema(SCHEMA).withUniqueConstraintName(key));
    }
}
