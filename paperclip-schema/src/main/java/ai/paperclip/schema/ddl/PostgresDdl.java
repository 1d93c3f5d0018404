package ai.paperclip.schema.ddl;

import static ai.paperclip.schema.ddl.Identifiers.quote;

import ai.paperclip.schema.model.CheckModel;
import ai.paperclip.schema.model.ColumnModel;
import ai.paperclip.schema.model.ForeignKeyModel;
import ai.paperclip.schema.model.IndexModel;
import ai.paperclip.schema.model.IndexModel.IndexElement;
import ai.paperclip.schema.model.PrimaryKeyModel;
import ai.paperclip.schema.model.ReferentialAction;
import ai.paperclip.schema.model.SchemaModel;
import ai.paperclip.schema.model.TableModel;
import ai.paperclip.schema.model.UniqueConstraintModel;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Deterministic PostgreSQL DDL for the schema model: the same model always gives the same
 * statements, byte for byte. Statements come without a trailing semicolon; {@link #script} joins
 * them into a runnable script.
 *
 * <p>Foreign keys are added after every table exists ({@code ALTER TABLE … ADD CONSTRAINT}), so
 * tables can be created in any order and may reference each other in cycles.
 */
public final class PostgresDdl {

    private static final Pattern SERIAL_DEFAULT = Pattern.compile("nextval\\('([a-z0-9_]+)'::regclass\\)");

    private PostgresDdl() {
    }

    /** Every statement that creates the schema from nothing: extensions, tables, foreign keys, indexes. */
    public static List<String> createSchema(SchemaModel schema) {
        List<String> statements = new ArrayList<>();
        schema.extensions().forEach(e -> statements.add(createExtension(e)));
        schema.tables().forEach(t -> statements.add(createTable(t)));
        for (TableModel table : schema.tables()) {
            table.foreignKeys().forEach(fk -> statements.add(addForeignKey(table.name(), fk)));
        }
        for (TableModel table : schema.tables()) {
            table.indexes().forEach(ix -> statements.add(createIndex(table.name(), ix, false)));
        }
        return List.copyOf(statements);
    }

    /** Statements joined into a script: each ends with {@code ;} and a blank line separates them. */
    public static String script(List<String> statements) {
        return statements.stream().map(s -> s + ";\n").collect(Collectors.joining("\n"));
    }

    public static String createExtension(String extension) {
        return "CREATE EXTENSION IF NOT EXISTS " + quote(extension);
    }

    public static String dropExtension(String extension) {
        return "DROP EXTENSION IF EXISTS " + quote(extension);
    }

    /** {@code CREATE TABLE} with columns, primary key, unique and check constraints (foreign keys apart). */
    public static String createTable(TableModel table) {
        List<String> lines = new ArrayList<>();
        table.columns().forEach(c -> lines.add(columnDefinition(table.name(), c)));
        if (table.primaryKey() != null) {
            lines.add(primaryKeyClause(table.primaryKey()));
        }
        table.uniqueConstraints().forEach(u -> lines.add(uniqueClause(u)));
        table.checks().forEach(c -> lines.add(checkClause(c)));
        return "CREATE TABLE " + quote(table.name()) + " (\n"
                + lines.stream().map(l -> "    " + l).collect(Collectors.joining(",\n"))
                + "\n)";
    }

    public static String dropTable(String table) {
        return "DROP TABLE " + quote(table);
    }

    /**
     * A column as it stands in {@code CREATE TABLE} or {@code ADD COLUMN}: name, type, default or
     * identity, {@code NOT NULL}. An integer column whose default is its own sequence prints as
     * {@code serial}/{@code bigserial}/{@code smallserial}.
     */
    public static String columnDefinition(String table, ColumnModel column) {
        StringBuilder sql = new StringBuilder(quote(column.name())).append(' ');
        String serial = serialType(table, column);
        if (serial != null) {
            return sql.append(serial).append(column.notNull() ? " NOT NULL" : "").toString();
        }
        sql.append(column.type());
        if (column.identity() != null) {
            sql.append(" GENERATED ").append(column.identity().sql()).append(" AS IDENTITY");
        } else if (column.defaultExpression() != null) {
            sql.append(" DEFAULT ").append(column.defaultExpression());
        }
        if (column.notNull()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    /** The sequence name PostgreSQL gives a serial column: {@code <table>_<column>_seq}. */
    public static String serialSequenceName(String table, String column) {
        return table + "_" + column + "_seq";
    }

    private static String serialType(String table, ColumnModel column) {
        if (column.defaultExpression() == null) {
            return null;
        }
        var m = SERIAL_DEFAULT.matcher(column.defaultExpression());
        if (!m.matches() || !m.group(1).equals(serialSequenceName(table, column.name()))) {
            return null;
        }
        switch (column.type()) {
            case "integer": return "serial";
            case "bigint": return "bigserial";
            case "smallint": return "smallserial";
            default: return null;
        }
    }

    public static String addForeignKey(String table, ForeignKeyModel fk) {
        StringBuilder sql = new StringBuilder("ALTER TABLE ").append(quote(table))
                .append(" ADD CONSTRAINT ").append(quote(fk.name()))
                .append(" FOREIGN KEY (").append(columnList(fk.columns())).append(") REFERENCES ")
                .append(quote(fk.referencedTable())).append('(').append(columnList(fk.referencedColumns())).append(')');
        if (fk.onDelete() != ReferentialAction.NO_ACTION) {
            sql.append(" ON DELETE ").append(fk.onDelete().sql());
        }
        if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
            sql.append(" ON UPDATE ").append(fk.onUpdate().sql());
        }
        return sql.toString();
    }

    public static String addPrimaryKey(String table, PrimaryKeyModel pk) {
        return "ALTER TABLE " + quote(table) + " ADD " + primaryKeyClause(pk);
    }

    public static String addUnique(String table, UniqueConstraintModel unique) {
        return "ALTER TABLE " + quote(table) + " ADD " + uniqueClause(unique);
    }

    public static String addCheck(String table, CheckModel check) {
        return "ALTER TABLE " + quote(table) + " ADD " + checkClause(check);
    }

    public static String dropConstraint(String table, String constraint) {
        return "ALTER TABLE " + quote(table) + " DROP CONSTRAINT " + quote(constraint);
    }

    /** {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] name ON table [USING method] (…) [WHERE …]}. */
    public static String createIndex(String table, IndexModel index, boolean concurrently) {
        StringBuilder sql = new StringBuilder("CREATE ");
        if (index.unique()) {
            sql.append("UNIQUE ");
        }
        sql.append("INDEX ");
        if (concurrently) {
            sql.append("CONCURRENTLY ");
        }
        sql.append(quote(index.name())).append(" ON ").append(quote(table));
        if (!index.method().equals("btree")) {
            sql.append(" USING ").append(index.method());
        }
        sql.append(" (").append(index.elements().stream().map(PostgresDdl::indexElement)
                .collect(Collectors.joining(", "))).append(')');
        if (index.where() != null) {
            sql.append(" WHERE ").append(index.where());
        }
        return sql.toString();
    }

    public static String dropIndex(String index, boolean concurrently) {
        return "DROP INDEX " + (concurrently ? "CONCURRENTLY " : "") + quote(index);
    }

    private static String indexElement(IndexElement element) {
        String sql = element.column() != null ? quote(element.column()) : "(" + element.expression() + ")";
        if (element.operatorClass() != null) {
            sql += " " + element.operatorClass();
        }
        return element.descending() ? sql + " DESC" : sql;
    }

    private static String primaryKeyClause(PrimaryKeyModel pk) {
        return "CONSTRAINT " + quote(pk.name()) + " PRIMARY KEY (" + columnList(pk.columns()) + ")";
    }

    private static String uniqueClause(UniqueConstraintModel unique) {
        return "CONSTRAINT " + quote(unique.name()) + " UNIQUE" + (unique.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "")
                + " (" + columnList(unique.columns()) + ")";
    }

    private static String checkClause(CheckModel check) {
        return "CONSTRAINT " + quote(check.name()) + " CHECK (" + check.expression() + ")";
    }

    /** Column names, quoted where needed, joined with {@code ", "}. */
    public static String columnList(List<String> columns) {
        return columns.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    }
}
