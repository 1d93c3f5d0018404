package ai.paperclip.schema;

import ai.paperclip.schema.internal.Literals;
import ai.paperclip.schema.model.ColumnModel;
import ai.paperclip.schema.model.ColumnModel.Identity;
import ai.paperclip.schema.model.ReferentialAction;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An immutable column definition, made by the factories of {@link Table} ({@code text("name")}).
 * Every modifier returns a new definition and makes it the table's definition of that column, so a
 * chain such as {@code uuid("id").primaryKey().defaultRandom()} leaves the table with its last link.
 *
 * @param <T> the Java type of the column's values ({@code UUID}, {@code String}, {@link Json} …)
 */
public final class Column<T> implements IndexPart {

    private final Table table;
    private final String name;
    private final String type;
    private final boolean notNull;
    private final String defaultExpression;
    private final Identity identity;
    private final boolean primaryKey;
    private final boolean unique;
    private final Reference reference;

    Column(Table table, String name, String type) {
        this(table, name, type, false, null, null, false, false, null);
    }

    private Column(Table table, String name, String type, boolean notNull, String defaultExpression,
                   Identity identity, boolean primaryKey, boolean unique, Reference reference) {
        this.table = table;
        this.name = name;
        this.type = type;
        this.notNull = notNull;
        this.defaultExpression = defaultExpression;
        this.identity = identity;
        this.primaryKey = primaryKey;
        this.unique = unique;
        this.reference = reference;
    }

    public Column<T> notNull() {
        return replace(type, true, defaultExpression, identity, primaryKey, unique, reference);
    }

    /** The table's single-column primary key ({@code <table>_pkey}); implies NOT NULL. */
    public Column<T> primaryKey() {
        return replace(type, true, defaultExpression, identity, true, unique, reference);
    }

    /** A UNIQUE constraint on this column alone, named {@code <table>_<column>_unique}. */
    public Column<T> unique() {
        return replace(type, notNull, defaultExpression, identity, primaryKey, true, reference);
    }

    /** A literal default, stored in catalog form ({@code "active"} on a text column is {@code 'active'::text}). */
    public Column<T> defaultValue(T value) {
        Objects.requireNonNull(value, "value");
        String expression;
        try {
            expression = Literals.render(type, value);
        } catch (IllegalArgumentException e) {
            throw table.error(this, e.getMessage());
        }
        return withDefault(expression);
    }

    /** A default given as SQL, written as PostgreSQL prints it ({@code pg_get_expr}) so it compares exactly. */
    public Column<T> defaultSql(String expression) {
        if (expression == null || expression.isBlank()) {
            throw table.error(this, "defaultSql needs an expression");
        }
        return withDefault(expression);
    }

    /** {@code DEFAULT now()}, for timestamp and date columns. */
    public Column<T> defaultNow() {
        if (!type.startsWith("timestamp") && !type.equals("date")) {
            throw table.error(this, "defaultNow() needs a timestamp or date column, not " + type);
        }
        return withDefault("now()");
    }

    /** {@code DEFAULT gen_random_uuid()}, for uuid columns. */
    public Column<T> defaultRandom() {
        if (!type.equals("uuid")) {
            throw table.error(this, "defaultRandom() needs a uuid column, not " + type);
        }
        return withDefault("gen_random_uuid()");
    }

    public Column<T> generatedAlwaysAsIdentity() {
        return identity(Identity.ALWAYS);
    }

    public Column<T> generatedByDefaultAsIdentity() {
        return identity(Identity.BY_DEFAULT);
    }

    /** A foreign key to {@code target} (another table's column or this table's own: {@code () -> id}). */
    public Column<T> references(Supplier<? extends Column<?>> target) {
        Objects.requireNonNull(target, "target");
        return withReference(Reference.toColumn(target));
    }

    /**
     * A foreign key to a table by name, for a table that this code does not define (declare it
     * with {@link Schema.Builder#external} unless the schema contains it).
     */
    public Column<T> references(String table, String column) {
        return withReference(Reference.byName(table, List.of(column)));
    }

    /** The foreign key's ON DELETE rule; call after {@code references}. */
    public Column<T> onDelete(ReferentialAction action) {
        return withReference(requireReference("onDelete").onDelete(action));
    }

    /** The foreign key's ON UPDATE rule; call after {@code references}. */
    public Column<T> onUpdate(ReferentialAction action) {
        return withReference(requireReference("onUpdate").onUpdate(action));
    }

    /** This column as an array of its type ({@code text} becomes {@code text[]}); call right after the factory. */
    public Column<List<T>> array() {
        if (notNull || defaultExpression != null || identity != null || primaryKey || unique || reference != null) {
            throw table.error(this, "array() must come right after the type, before any other modifier");
        }
        return replace(type + "[]", false, null, null, false, false, null);
    }

    @Override
    public IndexPart op(String operatorClass) {
        return IndexPart.Element.of(this).op(operatorClass);
    }

    @Override
    public IndexPart desc() {
        return IndexPart.Element.of(this).desc();
    }

    public Table table() {
        return table;
    }

    public String name() {
        return name;
    }

    /** The type as PostgreSQL's {@code format_type} prints it. */
    public String type() {
        return type;
    }

    public boolean isPrimaryKey() {
        return primaryKey;
    }

    boolean isUnique() {
        return unique;
    }

    Reference reference() {
        return reference;
    }

    /** The column in the schema model; a primary key column is NOT NULL. */
    public ColumnModel model() {
        return new ColumnModel(name, type, notNull || primaryKey, defaultExpression, identity);
    }

    @Override
    public String toString() {
        return table.name() + "." + name;
    }

    private Column<T> withDefault(String expression) {
        if (identity != null) {
            throw table.error(this, "an identity column cannot also have a default");
        }
        return replace(type, notNull, expression, identity, primaryKey, unique, reference);
    }

    private Column<T> identity(Identity kind) {
        if (!type.equals("integer") && !type.equals("bigint") && !type.equals("smallint")) {
            throw table.error(this, "an identity column must be smallint, integer or bigint, not " + type);
        }
        if (defaultExpression != null) {
            throw table.error(this, "an identity column cannot also have a default");
        }
        return replace(type, true, null, kind, primaryKey, unique, reference);
    }

    private Column<T> withReference(Reference next) {
        return replace(type, notNull, defaultExpression, identity, primaryKey, unique, next);
    }

    private Reference requireReference(String modifier) {
        if (reference == null) {
            throw table.error(this, modifier + "(...) needs a foreign key; call references(...) first");
        }
        return reference;
    }

    private <R> Column<R> replace(String newType, boolean newNotNull, String newDefault, Identity newIdentity,
                                  boolean newPrimaryKey, boolean newUnique, Reference newReference) {
        Column<R> next = new Column<>(table, name, newType, newNotNull, newDefault, newIdentity, newPrimaryKey,
                newUnique, newReference);
        table.replaceColumn(this, next);
        return next;
    }
}
