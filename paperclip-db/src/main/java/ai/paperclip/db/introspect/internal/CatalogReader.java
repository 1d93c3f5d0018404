package ai.paperclip.db.introspect.internal;

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
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one schema's tables into the model with six catalog queries for the whole schema (not a
 * few per table: a real Paperclip database has hundreds of tables). Types come from
 * {@code format_type}, defaults, checks and predicates from {@code pg_get_expr}, index expressions
 * from {@code pg_get_indexdef}: the catalog form the DSL writes. Must run with the schema alone on
 * the search path ({@link SearchPath}).
 */
public final class CatalogReader {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogReader.class);

    /** The schema's ordinary and partitioned tables (not partitions), Liquibase's own left out. */
    static final String TABLES = "WITH t AS (SELECT c.oid, c.relname FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p')"
            + " AND NOT c.relispartition AND c.relname NOT IN ('databasechangelog', 'databasechangeloglock')) ";

    private static final String COLUMNS = TABLES + "SELECT t.relname, a.attname, format_type(a.atttypid, a.atttypmod),"
            + " a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated"
            + " FROM t JOIN pg_attribute a ON a.attrelid = t.oid"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE a.attnum > 0 AND NOT a.attisdropped ORDER BY t.relname, a.attnum";

    private static final String KEY_NAMES = "ARRAY(SELECT a.attname FROM unnest(%s) WITH ORDINALITY k(num, ord)"
            + " JOIN pg_attribute a ON a.attrelid = %s AND a.attnum = k.num ORDER BY k.ord)";

    // PostgreSQL 18's named NOT NULL constraints (contype 'n') are left out: nullability is on the column.
    private static final String CONSTRAINTS = TABLES + "SELECT t.relname, c.contype, c.conname, "
            + String.format(KEY_NAMES, "c.conkey", "c.conrelid") + ", f.relname, "
            + String.format(KEY_NAMES, "c.confkey", "c.confrelid")
            + ", c.confdeltype, c.confupdtype, pg_get_expr(c.conbin, c.conrelid), i.indnullsnotdistinct"
            + " FROM t JOIN pg_constraint c ON c.conrelid = t.oid LEFT JOIN pg_class f ON f.oid = c.confrelid"
            + " LEFT JOIN pg_index i ON i.indexrelid = c.conindid AND c.contype = 'u'"
            + " WHERE c.contype <> 'n' ORDER BY t.relname, c.conname";

    /** Indexes that no primary key, unique or exclusion constraint owns. */
    private static final String INDEXES = TABLES + "SELECT t.relname, i.indexrelid, x.relname, i.indisunique, am.amname,"
            + " pg_get_expr(i.indpred, i.indrelid) FROM t JOIN pg_index i ON i.indrelid = t.oid"
            + " JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_am am ON am.oid = x.relam"
            + " WHERE NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid"
            + " AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u', 'x')) ORDER BY t.relname, x.relname";

    /** Key elements of every index (INCLUDE columns left out): column or expression, opclass if not the default, DESC. */
    private static final String ELEMENTS = TABLES + "SELECT i.indexrelid, a.attname,"
            + " pg_get_indexdef(i.indexrelid, k.ord::int, false),"
            + " CASE WHEN oc.opcdefault THEN NULL ELSE oc.opcname END, (i.indoption[k.ord - 1] & 1) = 1"
            + " FROM t JOIN pg_index i ON i.indrelid = t.oid"
            + " CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)"
            + " LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum <> 0"
            + " JOIN pg_opclass oc ON oc.oid = i.indclass[k.ord - 1]"
            + " WHERE k.ord <= i.indnkeyatts ORDER BY i.indexrelid, k.ord";

    private CatalogReader() {
    }

    /** The tables of {@code schema}, and the extensions {@link ExtensionReader} reports for it. */
    public static SchemaModel read(Connection connection, String schema) throws SQLException {
        Map<String, TableParts> tables = new LinkedHashMap<>();
        for (String table : Jdbc.strings(connection, TABLES + "SELECT relname FROM t ORDER BY relname", schema)) {
            tables.put(table, new TableParts(table));
        }
        Jdbc.query(connection, COLUMNS, rs -> {
            String generated = rs.getString(7);
            String defaultExpression = rs.getString(5);
            if (generated != null && !generated.isEmpty()) {
                // The model has no generated columns; the expression is not a default.
                LOG.warn("Column {}.{} is a generated column; the schema model records it as a plain column",
                        rs.getString(1), rs.getString(2));
                defaultExpression = null;
            }
            tables.get(rs.getString(1)).columns.add(new ColumnModel(rs.getString(2),
                    rs.getString(3), rs.getBoolean(4), defaultExpression, identity(rs.getString(6))));
        }, schema);
        Jdbc.query(connection, CONSTRAINTS, rs -> {
            TableParts table = tables.get(rs.getString(1));
            String name = rs.getString(3);
            List<String> keys = Jdbc.textArray(rs, 4);
            switch (rs.getString(2)) {
                case "p" -> table.primaryKey = new PrimaryKeyModel(name, keys);
                case "f" -> table.foreignKeys.add(new ForeignKeyModel(name, keys, rs.getString(5),
                        Jdbc.textArray(rs, 6), action(rs.getString(7)), action(rs.getString(8))));
                case "u" -> table.uniques.add(new UniqueConstraintModel(name, keys, rs.getBoolean(10)));
                case "c" -> table.checks.add(new CheckModel(name, rs.getString(9)));
                default -> LOG.warn("Constraint {} on {} (type '{}': exclusion or trigger) is not part of the schema"
                        + " model and is left out", name, table.name, rs.getString(2));
            }
        }, schema);
        Map<Long, List<IndexElement>> elements = new LinkedHashMap<>();
        Jdbc.query(connection, ELEMENTS, rs -> {
            IndexElement element = rs.getString(2) != null ? IndexElement.column(rs.getString(2))
                    : IndexElement.expression(unwrap(rs.getString(3)));
            if (rs.getString(4) != null) {
                element = element.withOperatorClass(rs.getString(4));
            }
            elements.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getBoolean(5) ? element.desc() : element);
        }, schema);
        Jdbc.query(connection, INDEXES, rs -> tables.get(rs.getString(1)).indexes.add(new IndexModel(rs.getString(3),
                rs.getBoolean(4), rs.getString(5), elements.get(rs.getLong(2)), rs.getString(6))), schema);
        return new SchemaModel(ExtensionReader.read(connection, schema),
                tables.values().stream().map(TableParts::model).toList());
    }

    /** {@code pg_get_indexdef} wraps an expression that is not a function call in parentheses; the model does not. */
    static String unwrap(String expression) {
        if (!expression.startsWith("(") || !expression.endsWith(")")) {
            return expression;
        }
        int depth = 0;
        for (int i = 0; i < expression.length() - 1; i++) {
            depth += expression.charAt(i) == '(' ? 1 : expression.charAt(i) == ')' ? -1 : 0;
            if (depth == 0) {
                return expression;
            }
        }
        return expression.substring(1, expression.length() - 1);
    }

    private static ColumnModel.Identity identity(String code) {
        return switch (code == null ? "" : code) {
            case "a" -> ColumnModel.Identity.ALWAYS;
            case "d" -> ColumnModel.Identity.BY_DEFAULT;
            default -> null;
        };
    }

    private static ReferentialAction action(String code) {
        return switch (code == null ? "" : code) {
            case "r" -> ReferentialAction.RESTRICT;
            case "c" -> ReferentialAction.CASCADE;
            case "n" -> ReferentialAction.SET_NULL;
            case "d" -> ReferentialAction.SET_DEFAULT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    /** What is collected for one table before it becomes an immutable {@link TableModel}. */
    private static final class TableParts {
        final String name;
        final List<ColumnModel> columns = new ArrayList<>();
        PrimaryKeyModel primaryKey;
        final List<ForeignKeyModel> foreignKeys = new ArrayList<>();
        final List<UniqueConstraintModel> uniques = new ArrayList<>();
        final List<CheckModel> checks = new ArrayList<>();
        final List<IndexModel> indexes = new ArrayList<>();

        TableParts(String name) {
            this.name = name;
        }

        TableModel model() {
            return new TableModel(name, columns, primaryKey, foreignKeys, uniques, checks, indexes);
        }
    }
}
