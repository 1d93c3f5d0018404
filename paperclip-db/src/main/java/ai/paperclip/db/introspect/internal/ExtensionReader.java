package ai.paperclip.db.introspect.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Which installed extensions a schema reports. Extensions belong to a database, not to a schema, and
 * a hosted database has many the application never asked for ({@code pg_stat_statements},
 * {@code pgcrypto}, Supabase's own...), so "installed" alone is not "needed". An extension is
 * reported when
 * <ul>
 *   <li>an object of the schema depends on one of its members: an index on its operator class
 *       ({@code gin_trgm_ops}), a column of its type, a default, check or index expression calling
 *       its function ({@code pg_depend}); or</li>
 *   <li>it was installed into the schema itself (a plain {@code CREATE EXTENSION pg_trgm} on a
 *       database whose search path starts with {@code public}), so an extension the definitions
 *       declare is reported before any table uses it.</li>
 * </ul>
 * {@code plpgsql}, present in every database (in {@code pg_catalog}), is never reported.
 */
final class ExtensionReader {

    private static final String SQL = CatalogReader.TABLES
            + ", objects AS (SELECT 'pg_class'::regclass AS classid, oid AS objid FROM t"
            + " UNION ALL SELECT 'pg_class'::regclass, i.indexrelid FROM pg_index i JOIN t ON i.indrelid = t.oid"
            + " UNION ALL SELECT 'pg_attrdef'::regclass, d.oid FROM pg_attrdef d JOIN t ON d.adrelid = t.oid"
            + " UNION ALL SELECT 'pg_constraint'::regclass, c.oid FROM pg_constraint c JOIN t ON c.conrelid = t.oid)"
            + " SELECT e.extname FROM pg_extension e WHERE e.extname <> 'plpgsql'"
            + " AND (e.extnamespace = (SELECT oid FROM pg_namespace WHERE nspname = ?)"
            + " OR EXISTS (SELECT 1 FROM objects o JOIN pg_depend d ON d.classid = o.classid AND d.objid = o.objid"
            + " JOIN pg_depend m ON m.classid = d.refclassid AND m.objid = d.refobjid AND m.deptype = 'e'"
            + " AND m.refclassid = 'pg_extension'::regclass WHERE m.refobjid = e.oid))"
            + " ORDER BY e.extname";

    private ExtensionReader() {
    }

    static List<String> read(Connection connection, String schema) throws SQLException {
        return Jdbc.strings(connection, SQL, schema, schema);
    }
}
