package ai.paperclip.schema.testing;

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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the public schema of a live database back into a {@link SchemaModel}: the proof that the
 * model's catalog form (types from {@code format_type}, defaults, predicates and expressions from
 * {@code pg_get_expr}) is what PostgreSQL itself prints.
 */
public final class CatalogModelReader {

    private static final String CONSTRAINT_COLUMNS = "ARRAY(SELECT a.attname FROM unnest(%s) WITH ORDINALITY k(num, ord)"
            + " JOIN pg_attribute a ON a.attrelid = %s AND a.attnum = k.num ORDER BY k.ord)";

    private CatalogModelReader() {
    }

    public static SchemaModel read(Connection connection) throws SQLException {
        List<String> extensions = CatalogListing.strings(connection,
                "SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'");
        List<TableModel> tables = new ArrayList<>();
        for (String table : CatalogListing.strings(connection, "SELECT c.relname FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'")) {
            tables.add(table(connection, table));
        }
        return new SchemaModel(extensions, tables);
    }

    private static TableModel table(Connection connection, String table) throws SQLException {
        String oid = "(SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = 'public' AND c.relname = '" + table.replace("'", "''") + "')";
        List<ColumnModel> columns = new ArrayList<>();
        query(connection, "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                + " pg_get_expr(d.adbin, d.adrelid), a.attidentity FROM pg_attribute a LEFT JOIN pg_attrdef d"
                + " ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE a.attrelid = " + oid
                + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum", rs -> columns.add(new ColumnModel(
                rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), identity(rs.getString(5)))));

        PrimaryKeyModel[] primaryKey = new PrimaryKeyModel[1];
        List<ForeignKeyModel> foreignKeys = new ArrayList<>();
        List<UniqueConstraintModel> uniques = new ArrayList<>();
        List<CheckModel> checks = new ArrayList<>();
        query(connection, "SELECT c.contype, c.conname, " + String.format(CONSTRAINT_COLUMNS, "c.conkey", "c.conrelid")
                + ", f.relname, " + String.format(CONSTRAINT_COLUMNS, "c.confkey", "c.confrelid")
                + ", c.confdeltype, c.confupdtype, pg_get_expr(c.conbin, c.conrelid), i.indnullsnotdistinct"
                + " FROM pg_constraint c LEFT JOIN pg_class f ON f.oid = c.confrelid"
                + " LEFT JOIN pg_index i ON i.indexrelid = c.conindid"
                + " WHERE c.conrelid = " + oid + " AND c.contype <> 'n'", rs -> {
                    String name = rs.getString(2);
                    List<String> keyColumns = strings(rs, 3);
                    switch (rs.getString(1)) {
                        case "p" -> primaryKey[0] = new PrimaryKeyModel(name, keyColumns);
                        case "f" -> foreignKeys.add(new ForeignKeyModel(name, keyColumns, rs.getString(4), strings(rs, 5),
                                action(rs.getString(6)), action(rs.getString(7))));
                        case "u" -> uniques.add(new UniqueConstraintModel(name, keyColumns, rs.getBoolean(9)));
                        case "c" -> checks.add(new CheckModel(name, rs.getString(8)));
                        default -> throw new IllegalStateException("Unexpected constraint " + name);
                    }
                });

        List<IndexModel> indexes = new ArrayList<>();
        query(connection, "SELECT i.indexrelid, x.relname, i.indisunique, am.amname, i.indnkeyatts,"
                + " pg_get_expr(i.indpred, i.indrelid) FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid"
                + " JOIN pg_am am ON am.oid = x.relam WHERE i.indrelid = " + oid
                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)",
                rs -> indexes.add(new IndexModel(rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        elements(connection, rs.getLong(1), rs.getInt(5)), rs.getString(6))));
        return new TableModel(table, columns, primaryKey[0], foreignKeys, uniques, checks, indexes);
    }

    private static List<IndexElement> elements(Connection connection, long index, int keys) throws SQLException {
        List<IndexElement> elements = new ArrayList<>();
        query(connection, "SELECT k.ord, a.attname, pg_get_indexdef(i.indexrelid, k.ord::int, false),"
                + " CASE WHEN oc.opcdefault THEN NULL ELSE oc.opcname END, (i.indoption[k.ord - 1] & 1) = 1"
                + " FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)"
                + " LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum <> 0"
                + " JOIN pg_opclass oc ON oc.oid = i.indclass[k.ord - 1]"
                + " WHERE i.indexrelid = " + index + " AND k.ord <= " + keys + " ORDER BY k.ord", rs -> {
                    IndexElement element = rs.getString(2) != null ? IndexElement.column(rs.getString(2))
                            : IndexElement.expression(unwrap(rs.getString(3)));
                    if (rs.getString(4) != null) {
                        element = element.withOperatorClass(rs.getString(4));
                    }
                    elements.add(rs.getBoolean(5) ? element.desc() : element);
                });
        return elements;
    }

    /** {@code pg_get_indexdef} wraps an expression that is not a function call in parentheses; the model does not. */
    private static String unwrap(String expression) {
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
        return switch (code) {
            case "a" -> ColumnModel.Identity.ALWAYS;
            case "d" -> ColumnModel.Identity.BY_DEFAULT;
            default -> null;
        };
    }

    private static ReferentialAction action(String code) {
        return switch (code) {
            case "r" -> ReferentialAction.RESTRICT;
            case "c" -> ReferentialAction.CASCADE;
            case "n" -> ReferentialAction.SET_NULL;
            case "d" -> ReferentialAction.SET_DEFAULT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    private static List<String> strings(ResultSet rs, int column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }

    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private static void query(Connection connection, String sql, RowHandler handler) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                handler.handle(rs);
            }
        }
    }
}
