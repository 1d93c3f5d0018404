package ai.paperclip.db.backup.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Sequences: created before the tables whose defaults call them, their values set after the data,
 * ownership ({@code serial} columns) attached once the tables exist. Identity sequences are made by their
 * column's {@code GENERATED ... AS IDENTITY}; only their value is set. Sequences are not transactional:
 * the value read is the newest, never older than the snapshot, so a restored sequence never hands out a
 * value already used by a restored row.
 */
final class Sequences {

    private Sequences() {
    }

    static void read(Connection c, List<String> before, List<String> after) throws SQLException {
        DumpCatalog.rows(c, "SELECT n.nspname, cl.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement,"
                + " s.seqmin, s.seqmax, s.seqcache, s.seqcycle, EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid ="
                + " 'pg_class'::regclass AND d.objid = cl.oid AND d.deptype = 'i') FROM pg_class cl JOIN pg_namespace n"
                + " ON n.oid = cl.relnamespace JOIN pg_sequence s ON s.seqrelid = cl.oid WHERE cl.relkind = 'S' AND "
                + DumpCatalog.USER_SCHEMA + " AND " + DumpCatalog.notExtension("pg_class", "cl.oid") + " ORDER BY cl.oid",
                rs -> {
                    String name = Names.qualified(rs.getString(1), rs.getString(2));
                    if (!rs.getBoolean(10)) {
                        before.add("CREATE SEQUENCE " + name + " AS " + rs.getString(3) + " START WITH " + rs.getLong(4)
                                + " INCREMENT BY " + rs.getLong(5) + " MINVALUE " + rs.getLong(6) + " MAXVALUE "
                                + rs.getLong(7) + " CACHE " + rs.getLong(8) + (rs.getBoolean(9) ? " CYCLE" : " NO CYCLE"));
                    }
                    after.add(value(c, name));
                });
    }

    private static String value(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last_value, is_called FROM " + name)) {
            rs.next();
            return "SELECT pg_catalog.setval(" + Names.literal(name) + ", " + rs.getLong(1) + ", " + rs.getBoolean(2) + ")";
        }
    }

    static void ownership(Connection c, List<String> after) throws SQLException {
        DumpCatalog.rows(c, "SELECT sn.nspname, s.relname, tn.nspname, t.relname, a.attname FROM pg_depend d"
                + " JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S' JOIN pg_namespace sn ON sn.oid = s.relnamespace"
                + " JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = t.relnamespace"
                + " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid WHERE d.classid ="
                + " 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a' AND t.relkind = 'r'"
                + " ORDER BY s.oid", rs -> after.add(0, "ALTER SEQUENCE " + Names.qualified(rs.getString(1), rs.getString(2))
                + " OWNED BY " + Names.qualified(rs.getString(3), rs.getString(4)) + "." + Names.quote(rs.getString(5))));
    }
}
