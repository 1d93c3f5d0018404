package ai.paperclip.schema;

import ai.paperclip.schema.internal.Names;
import ai.paperclip.schema.model.ForeignKeyModel;
import ai.paperclip.schema.model.ReferentialAction;
import ai.paperclip.schema.model.SchemaModel;
import ai.paperclip.schema.model.TableModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A set of tables and the extensions they need, checked as a whole: every foreign key points to a
 * table of the schema (or to one declared {@linkplain Builder#external external}), at columns that
 * exist, have the same type and form a key; no two tables, indexes or sequences share a name.
 *
 * <pre>{@code
 * Schema schema = Schema.builder()
 *         .include(PaperclipSchema.SCHEMA)   // Paperclip's core tables and pg_trgm
 *         .table(MyTable.MY_TABLE)           // the host application's own
 *         .build();
 * SchemaModel model = schema.model();
 * }</pre>
 */
public final class Schema {

    private final List<Table> tables;
    private final Set<String> extensions;
    private final Set<String> externalTables;
    private final List<AddedForeignKey> addedForeignKeys;
    private final SchemaModel model;

    private Schema(Builder builder) {
        this.tables = List.copyOf(builder.tables.values());
        this.extensions = Set.copyOf(builder.extensions);
        this.externalTables = Set.copyOf(builder.externalTables);
        this.addedForeignKeys = List.copyOf(builder.addedForeignKeys);
        this.model = new SchemaValidator(tables, extensions, externalTables, addedForeignKeys).validatedModel();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The schema model: what snapshots store, migrations diff and the DDL renderer prints. */
    public SchemaModel model() {
        return model;
    }

    /** The tables in the order they were added. */
    public List<Table> tables() {
        return tables;
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Set<String> extensions() {
        return extensions;
    }

    /** Tables outside this schema that its foreign keys may reference. */
    public Set<String> externalTables() {
        return externalTables;
    }

    /** A foreign key added to a table from outside its class (see {@link Builder#foreignKey}). */
    record AddedForeignKey(Column<?> column, Column<?> target, ReferentialAction onDelete) {
    }

    /** Collects tables, extensions and external tables; {@link #build()} checks them together. */
    public static final class Builder {

        private final Map<String, Table> tables = new LinkedHashMap<>();
        private final Set<String> extensions = new TreeSet<>();
        private final Set<String> externalTables = new TreeSet<>();
        private final List<AddedForeignKey> addedForeignKeys = new ArrayList<>();

        private Builder() {
        }

        public Builder table(Table table) {
            Objects.requireNonNull(table, "table (a static initialisation cycle can make a singleton null)");
            Table existing = tables.putIfAbsent(table.name(), table);
            if (existing != null && existing != table) {
                throw new SchemaDefinitionException("Table \"" + table.name() + "\": two different tables ("
                        + existing.getClass().getName() + ", " + table.getClass().getName()
                        + ") have this name; rename one of them");
            }
            return this;
        }

        public Builder tables(Table... tables) {
            for (Table table : tables) {
                table(table);
            }
            return this;
        }

        /** Every table, extension, external table and added foreign key of another schema. */
        public Builder include(Schema schema) {
            schema.tables.forEach(this::table);
            extensions.addAll(schema.extensions);
            externalTables.addAll(schema.externalTables);
            addedForeignKeys.addAll(schema.addedForeignKeys);
            return this;
        }

        /** An extension the schema needs, created before any table ({@code pg_trgm}). */
        public Builder extension(String name) {
            if (name == null || name.isBlank()) {
                throw new SchemaDefinitionException("An extension needs a name");
            }
            extensions.add(name);
            return this;
        }

        /**
         * Declares tables that exist in the database but are not defined here, so foreign keys may
         * reference them by name ({@code references("heartbeat_runs", "id")}).
         */
        public Builder external(String... tableNames) {
            for (String name : tableNames) {
                if (name == null || name.isBlank() || Names.byteLength(name) > Names.MAX_IDENTIFIER_BYTES) {
                    throw new SchemaDefinitionException("External table name \"" + name
                            + "\" must be non-empty and at most 63 bytes");
                }
                externalTables.add(name);
            }
            return this;
        }

        /**
         * Adds a foreign key to a column of a table this code does not own, for example from
         * Paperclip's {@code issues.checkout_run_id} to the host's own {@code heartbeat_runs.id}.
         * It is named like any other: {@code <table>_<column>_<reftable>_<refcolumn>_fk}.
         */
        public Builder foreignKey(Column<?> column, Column<?> target, ReferentialAction onDelete) {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(target, "target");
            addedForeignKeys.add(new AddedForeignKey(column, target, onDelete));
            return this;
        }

        /** @throws SchemaDefinitionException naming the table and column of the first problem found */
        public Schema build() {
            return new Schema(this);
        }
    }

    static ForeignKeyModel addedModel(AddedForeignKey added) {
        String table = added.column().table().name();
        String targetTable = added.target().table().name();
        return new ForeignKeyModel(Names.foreignKey(table, List.of(added.column().name()), targetTable,
                List.of(added.target().name())), List.of(added.column().name()), targetTable,
                List.of(added.target().name()), added.onDelete(), ReferentialAction.NO_ACTION);
    }

    static TableModel withForeignKey(TableModel table, ForeignKeyModel fk) {
        List<ForeignKeyModel> fks = new ArrayList<>(table.foreignKeys());
        fks.add(fk);
        return new TableModel(table.name(), table.columns(), table.primaryKey(), fks, table.uniqueConstraints(),
                table.checks(), table.indexes());
    }
}
