package ai.paperclip.db.backup.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads, in the dump's transaction, everything a restore must recreate, as DDL in restore order. Separate
 * from the introspection package's {@code CatalogReader}: that one reads one schema into the table DSL's
 * model (tables, keys, indexes), while a dump needs every non-system schema and what the model cannot hold
 * (functions, triggers, views, enum types, sequences with values, extensions). DDL comes from the server's
 * own printers ({@code pg_get_functiondef}, {@code pg_get_constraintdef}, {@code pg_get_indexdef},
 * {@code pg_get_triggerdef}, {@code pg_get_viewdef}) with {@code search_path} empty, so every name is
 * schema-qualified. Objects that belong to an extension are left to {@code CREATE EXTENSION}.
 */
public final class DumpCatalog {

    static final String USER_SCHEMA = "n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'";

    private DumpCatalog() {
    }

    /** A table to copy: its name and the columns COPY reads and writes (generated ones excluded). */
    public record DataTable(long oid, String name, String columns) {
    }

    /** The dump's content in restore order. */
    public record Plan(List<String> beforeData, List<DataTable> tables, List<String> afterData, List<String> schemas) {
    }

    public static Plan read(Connection c) throws SQLException {
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        List<String> schemas = strings(c, "SELECT n.nspname FROM pg_namespace n WHERE " + USER_SCHEMA + " AND "
                + notExtension("pg_namespace", "n.oid") + " ORDER BY n.nspname");
        schemas.forEach(s -> before.add("CREATE SCHEMA IF NOT EXISTS " + Names.quote(s)));
        rows(c, "SELECT e.extname, n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
                + " WHERE e.extname <> 'plpgsql' ORDER BY e.oid", rs -> before.add("CREATE EXTENSION IF NOT EXISTS "
                + Names.quote(rs.getString(1)) + " WITH SCHEMA " + Names.quote(rs.getString(2))));
        rows(c, "SELECT n.nspname, t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] FROM pg_type t"
                + " JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid WHERE "
                + USER_SCHEMA + " AND " + notExtension("pg_type", "t.oid") + " GROUP BY n.nspname, t.typname, t.oid"
                + " ORDER BY t.oid", rs -> before.add("CREATE TYPE " + Names.qualified(rs.getString(1), rs.getString(2))
                + " AS ENUM (" + labels(rs.getArray(3)) + ")"));
        Sequences.read(c, before, after);
        // Bodies in quotes are not checked (check_function_bodies is off): before the tables, so defaults and
        // checks may call them. SQL-standard bodies (BEGIN ATOMIC) are parsed at once: after the tables.
        String functions = "SELECT pg_get_functiondef(p.oid) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                + " WHERE " + USER_SCHEMA + " AND p.prokind IN ('f', 'p') AND " + notExtension("pg_proc", "p.oid");
        rows(c, functions + " AND p.prosqlbody IS NULL ORDER BY p.oid", rs -> before.add(rs.getString(1).strip()));
        List<DataTable> tables = Tables.read(c, before, after);
        rows(c, functions + " AND p.prosqlbody IS NOT NULL ORDER BY p.oid", rs -> before.add(rs.getString(1).strip()));
        Sequences.ownership(c, after);
        rows(c, "SELECT n.nspname, cl.relname, cl.relkind, pg_get_viewdef(cl.oid), cl.reloptions::text[] FROM pg_class cl"
                + " JOIN pg_namespace n ON n.oid = cl.relnamespace WHERE cl.relkind IN ('v', 'm') AND " + USER_SCHEMA
                + " AND " + notExtension("pg_class", "cl.oid") + " ORDER BY cl.oid", rs -> {
                    String options = rs.getArray(5) == null ? "" : " WITH (" + String.join(", ",
                            (String[]) rs.getArray(5).getArray()) + ")";
                    String body = rs.getString(4).strip();
                    body = body.endsWith(";") ? body.substring(0, body.length() - 1) : body;
                    after.add("CREATE " + ("m".equals(rs.getString(3)) ? "MATERIALIZED VIEW " : "VIEW ")
                            + Names.qualified(rs.getString(1), rs.getString(2)) + options + " AS\n" + body);
                });
        rows(c, "SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class cl ON cl.oid = t.tgrelid"
                + " JOIN pg_namespace n ON n.oid = cl.relnamespace WHERE NOT t.tgisinternal AND " + USER_SCHEMA
                + " AND " + notExtension("pg_class", "cl.oid") + " ORDER BY t.oid", rs -> after.add(rs.getString(1)));
        return new Plan(before, tables, after, schemas);
    }

    /** Kinds of objects a dump does not recreate, with how many there are, for a warning. */
    public static List<String> notIncluded(Connection c) throws SQLException {
        List<String> found = new ArrayList<>();
        rows(c, "SELECT 'partitioned or foreign tables', count(*) FROM pg_class cl JOIN pg_namespace n ON n.oid ="
                + " cl.relnamespace WHERE cl.relkind IN ('p', 'f') AND " + USER_SCHEMA
                + " UNION ALL SELECT 'domains and composite types', count(*) FROM pg_type t JOIN pg_namespace n"
                + " ON n.oid = t.typnamespace WHERE (t.typtype = 'd' OR (t.typtype = 'c' AND (SELECT relkind FROM"
                + " pg_class WHERE oid = t.typrelid) = 'c')) AND " + USER_SCHEMA + " AND " + notExtension("pg_type", "t.oid")
                + " UNION ALL SELECT 'row-level security policies', count(*) FROM pg_policy", rs -> {
                    if (rs.getLong(2) > 0) {
                        found.add(rs.getLong(2) + " " + rs.getString(1));
                    }
                });
        return found;
    }

    static String notExtension(String catalog, String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '" + catalog + "'::regclass AND d.objid = "
                + oid + " AND d.deptype = 'e')";
    }

    private static String labels(Array array) throws SQLException {
        List<String> quoted = new ArrayList<>();
        for (String label : (String[]) array.getArray()) {
            quoted.add(Names.literal(label));
        }
        return String.join(", ", quoted);
    }

    interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    static void rows(Connection c, String sql, RowConsumer consumer) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                consumer.accept(rs);
            }
        }
    }

    static void rows(Connection c, String sql, long oid, RowConsumer consumer) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, oid);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs);
                }
            }
        }
    }

    static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        rows(c, sql, rs -> values.add(rs.getString(1)));
        return values;
    }
}
