package ai.paperclip.schema.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a database's {@code public} schema is made of, as sorted lines that two databases can
 * be compared by: tables, columns ({@code format_type}, {@code pg_get_expr} default, nullability,
 * identity), constraints ({@code pg_get_constraintdef}), indexes ({@code pg_indexes.indexdef}),
 * sequences and extensions. Liquibase's own tables are left out.
 *
 * <p>Columns are compared by name, not position: {@code ADD COLUMN} appends, so a migrated table
 * may hold its columns in another physical order than a fresh {@code CREATE TABLE}. PostgreSQL 18's
 * named NOT NULL constraints are left out too: nullability is compared on the column, and their
 * names (fixed at creation, kept across renames) are bookkeeping the schema model does not carry.
 */
final class CatalogReader {

    private static final String NOT_LIQUIBASE = " NOT IN ('databasechangelog', 'databasechangeloglock')";

    private CatalogReader() {
    }

    static List<String> read(Connection connection) throws SQLException {
        List<String> lines = new ArrayList<>();
        query(connection, "SELECT 'table ' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname" + NOT_LIQUIBASE, lines);
        query(connection, "SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)"
                + " || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END"
                + " || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')"
                + " || CASE a.attidentity WHEN 'a' THEN ' IDENTITY ALWAYS' WHEN 'd' THEN ' IDENTITY BY DEFAULT' ELSE '' END"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped"
                + " AND c.relname" + NOT_LIQUIBASE, lines);
        query(connection, "SELECT 'constraint ' || c.relname || '.' || k.conname || ' ' || pg_get_constraintdef(k.oid)"
                + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = 'public' AND k.contype <> 'n' AND c.relname" + NOT_LIQUIBASE, lines);
        query(connection, "SELECT 'index ' || tablename || '.' || indexname || ' ' || indexdef FROM pg_indexes"
                + " WHERE schemaname = 'public' AND tablename" + NOT_LIQUIBASE, lines);
        query(connection, "SELECT 'sequence ' || sequencename FROM pg_sequences WHERE schemaname = 'public'", lines);
        query(connection, "SELECT 'extension ' || extname FROM pg_extension WHERE extname <> 'plpgsql'", lines);
        lines.sort(null);
        return lines;
    }

    private static void query(Connection connection, String sql, List<String> into) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                into.add(rs.getString(1));
            }
        }
    }
}
