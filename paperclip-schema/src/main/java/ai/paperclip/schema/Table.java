package ai.paperclip.schema;

import ai.paperclip.schema.internal.Names;
import ai.paperclip.schema.model.CheckModel;
import ai.paperclip.schema.model.TableModel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * A table written with the DSL: subclass it as a final class with a singleton, declare the
 * columns as {@code public final} fields made by the factories, and add keys, indexes and checks in
 * the constructor.
 *
 * <pre>{@code
 * public final class Companies extends Table {
 *     public static final Companies COMPANIES = new Companies();
 *     public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
 *     public final Column<String> issuePrefix = text("issue_prefix").notNull().defaultValue("PAP");
 *     private Companies() {
 *         super("companies");
 *         uniqueIndex("companies_issue_prefix_idx").on(issuePrefix);
 *     }
 * }
 * }</pre>
 *
 * <p>Mistakes local to the table (a duplicate column, a name over 63 bytes, an index on another
 * table's column) throw {@link SchemaDefinitionException} at the call that makes them; foreign keys
 * are resolved, and checked, when the table's {@link #model()} is first built, which also freezes
 * the table.
 */
public abstract class Table {

    private final String name;
    private final List<Column<?>> columns = new ArrayList<>();
    private final Map<String, Integer> columnSlots = new HashMap<>();
    /** Indexes, constraints and foreign keys in declaration order; a slot holds the latest definition. */
    private final List<Object> definitions = new ArrayList<>();
    private final Set<String> definitionNames = new HashSet<>();
    private PrimaryKey primaryKey;
    private TableModel model;

    protected Table(String name) {
        if (name == null || name.isBlank()) {
            throw new SchemaDefinitionException("A table needs a name");
        }
        this.name = name;
        if (Names.byteLength(name) > Names.MAX_IDENTIFIER_BYTES) {
            throw error("the table name is " + Names.byteLength(name)
                    + " bytes long; PostgreSQL keeps only 63 bytes of a name, so shorten it");
        }
    }

    public final String name() {
        return name;
    }

    /** The columns in definition order, each in its latest definition. */
    public final synchronized List<Column<?>> columns() {
        return List.copyOf(columns);
    }

    public final synchronized Optional<Column<?>> column(String columnName) {
        Integer slot = columnSlots.get(columnName);
        return slot == null ? Optional.empty() : Optional.of(columns.get(slot));
    }

    /** The table in the schema model; built once, after which the table can no longer change. */
    public final synchronized TableModel model() {
        if (model == null) {
            model = new TableAssembler(this, List.copyOf(columns), List.copyOf(definitions), primaryKey).assemble();
        }
        return model;
    }

    @Override
    public String toString() {
        return name;
    }

    // ---- column factories -------------------------------------------------------------------

    protected final Column<UUID> uuid(String name) {
        return add(name, "uuid");
    }

    protected final Column<String> text(String name) {
        return add(name, "text");
    }

    protected final Column<String> varchar(String name, int length) {
        if (length < 1) {
            throw error("column \"" + name + "\": varchar length must be at least 1, not " + length);
        }
        return add(name, "character varying(" + length + ")");
    }

    protected final Column<Short> smallint(String name) {
        return add(name, "smallint");
    }

    protected final Column<Integer> integer(String name) {
        return add(name, "integer");
    }

    protected final Column<Long> bigint(String name) {
        return add(name, "bigint");
    }

    /** A {@code serial}: integer, NOT NULL, defaulting to its own sequence {@code <table>_<column>_seq}. */
    protected final Column<Integer> serial(String name) {
        return this.<Integer>add(name, "integer").notNull().defaultSql(nextval(name));
    }

    /** A {@code bigserial}: bigint, NOT NULL, defaulting to its own sequence. */
    protected final Column<Long> bigserial(String name) {
        return this.<Long>add(name, "bigint").notNull().defaultSql(nextval(name));
    }

    /** A {@code boolean} column ({@code boolean} is a Java keyword). */
    protected final Column<Boolean> bool(String name) {
        return add(name, "boolean");
    }

    protected final Column<LocalDate> date(String name) {
        return add(name, "date");
    }

    /** {@code timestamp with time zone}: every timestamp of Paperclip's schema. */
    protected final Column<OffsetDateTime> timestamptz(String name) {
        return add(name, "timestamp with time zone");
    }

    /** {@code timestamp without time zone}. */
    protected final Column<LocalDateTime> timestamp(String name) {
        return add(name, "timestamp without time zone");
    }

    protected final Column<Json> jsonb(String name) {
        return add(name, "jsonb");
    }

    protected final Column<BigDecimal> numeric(String name, int precision, int scale) {
        if (precision < 1 || scale < 0 || scale > precision) {
            throw error("column \"" + name + "\": numeric(" + precision + "," + scale
                    + ") needs 1 <= precision and 0 <= scale <= precision");
        }
        return add(name, "numeric(" + precision + "," + scale + ")");
    }

    /** {@code numeric} without precision: any number of digits. */
    protected final Column<BigDecimal> numeric(String name) {
        return add(name, "numeric");
    }

    protected final Column<Double> doublePrecision(String name) {
        return add(name, "double precision");
    }

    // ---- keys, constraints, indexes -----------------------------------------------------------

    /** A composite primary key named {@code <table>_pkey}; its columns become NOT NULL. */
    protected final void primaryKey(Column<?>... columns) {
        primaryKey(Names.primaryKey(name), columns);
    }

    /** A primary key with its own constraint name. */
    protected final synchronized void primaryKey(String constraintName, Column<?>... columns) {
        requireOpen();
        requireName(constraintName, "primary key");
        if (primaryKey != null) {
            throw error("primaryKey(...) is declared twice; a table has one primary key");
        }
        if (columns.length == 0) {
            throw error("primary key \"" + constraintName + "\" needs at least one column");
        }
        for (Column<?> column : columns) {
            requireOwnColumn(column, "primary key \"" + constraintName + "\"");
        }
        primaryKey = new PrimaryKey(constraintName, List.of(columns));
    }

    protected final Index index(String indexName) {
        return register(indexName, "index", slot -> new Index(this, slot, indexName, false));
    }

    protected final Index uniqueIndex(String indexName) {
        return register(indexName, "index", slot -> new Index(this, slot, indexName, true));
    }

    /** A UNIQUE table constraint; add its columns with {@code on(...)}. */
    protected final UniqueConstraint unique(String constraintName) {
        return register(constraintName, "unique constraint",
                slot -> new UniqueConstraint(this, slot, constraintName, List.of(), false));
    }

    /** A CHECK constraint; the expression without {@code CHECK ( )}, as PostgreSQL prints it. */
    protected final void check(String constraintName, String expression) {
        if (expression == null || expression.isBlank()) {
            throw error("check constraint \"" + constraintName + "\" needs an expression");
        }
        register(constraintName, "check constraint", slot -> new CheckModel(constraintName, expression));
    }

    /** A table-level foreign key on these columns; say where it points with {@code references(...)}. */
    protected final ForeignKey foreignKey(Column<?>... columns) {
        if (columns.length == 0) {
            throw error("foreignKey(...) needs at least one column");
        }
        for (Column<?> column : columns) {
            requireOwnColumn(column, "foreign key");
        }
        return register(null, "foreign key", slot -> new ForeignKey(this, slot, List.of(columns), null, null));
    }

    /** An index expression, as PostgreSQL prints it: {@code expression("lower(title)")}. */
    protected static IndexPart expression(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new SchemaDefinitionException("An index expression cannot be empty");
        }
        return new IndexPart.Element(null, sql, null, false);
    }

    // ---- package-private machinery ------------------------------------------------------------

    record PrimaryKey(String name, List<Column<?>> columns) {
    }

    synchronized void replaceColumn(Column<?> previous, Column<?> next) {
        requireOpen();
        Integer slot = columnSlots.get(previous.name());
        if (slot == null || previous.table() != this) {
            throw error(previous, "this column does not belong to table " + name);
        }
        columns.set(slot, next);
    }

    synchronized void replaceDefinition(int slot, Object previous, Object next) {
        requireOpen();
        definitions.set(slot, next);
    }

    void requireOwnColumn(Column<?> column, String user) {
        if (column == null) {
            throw error(user + " names a null column; is a field used before it is initialised?");
        }
        if (column.table() != this || column(column.name()).isEmpty()) {
            throw error(user + " names column " + column + ", which is not a column of " + name
                    + "; use the table's own columns");
        }
    }

    void requireName(String objectName, String what) {
        if (objectName == null || objectName.isBlank()) {
            throw error("a " + what + " needs a name");
        }
        if (Names.byteLength(objectName) > Names.MAX_IDENTIFIER_BYTES) {
            throw error(what + " \"" + objectName + "\" is " + Names.byteLength(objectName)
                    + " bytes long; PostgreSQL keeps only 63 bytes of a name, so shorten it");
        }
    }

    SchemaDefinitionException error(String message) {
        return new SchemaDefinitionException("Table \"" + name + "\": " + message);
    }

    SchemaDefinitionException error(Column<?> column, String message) {
        return error(List.of(column), message);
    }

    SchemaDefinitionException error(List<? extends Column<?>> columns, String message) {
        String names = columns.stream().map(c -> "\"" + c.name() + "\"").collect(Collectors.joining(", "));
        return new SchemaDefinitionException("Table \"" + name + "\", column" + (columns.size() == 1 ? " " : "s ")
                + names + ": " + message);
    }

    private synchronized <T> Column<T> add(String columnName, String type) {
        requireOpen();
        if (columnName == null || columnName.isBlank()) {
            throw error("a column needs a name");
        }
        Column<T> column = new Column<>(this, columnName, type);
        if (columnSlots.containsKey(columnName)) {
            throw error(column, "defined twice; give each column its own name");
        }
        if (Names.byteLength(columnName) > Names.MAX_IDENTIFIER_BYTES) {
            throw error(column, "the name is " + Names.byteLength(columnName)
                    + " bytes long; PostgreSQL keeps only 63 bytes of a name, so shorten it");
        }
        columnSlots.put(columnName, columns.size());
        columns.add(column);
        return column;
    }

    private synchronized <D> D register(String objectName, String what, IntFunction<D> factory) {
        requireOpen();
        if (objectName != null) {
            requireName(objectName, what);
            if (!definitionNames.add(objectName)) {
                throw error("the name \"" + objectName + "\" is used twice; give each index and constraint its own name");
            }
        }
        D definition = factory.apply(definitions.size());
        definitions.add(definition);
        return definition;
    }

    private String nextval(String columnName) {
        return "nextval('" + Names.serialSequence(name, columnName) + "'::regclass)";
    }

    private void requireOpen() {
        if (model != null) {
            throw error("the table is complete (its model was built); change it only while it is being defined");
        }
    }
}
