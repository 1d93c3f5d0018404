package ai.paperclip.db.backup.internal;

import ai.paperclip.db.backup.BackupException;
import ai.paperclip.db.backup.RestoreRefusedException;
import ai.paperclip.db.migration.internal.AdvisoryLock;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Restores a checked script into one database in ONE transaction, under the backup lock and the migration
 * lock (no application migrates while tables appear): it refuses a database that has tables unless asked to
 * clean, and cleaning (dropping the schemas the backup recreates) happens in the same transaction, so a
 * failure at any point leaves the target exactly as it was.
 */
public final class Restorer {

    private Restorer() {
    }

    /** The outcome: statements and rows executed, and the COPY-out statement of each table. */
    public record Outcome(SecondPass pass) {
    }

    public static Outcome restore(Connection c, Path file, FirstPass checked, boolean clean, String where)
            throws SQLException {
        BackupLock.acquire(c, where);
        AdvisoryLock.lock(c);
        SecondPass pass = new SecondPass(c);
        try {
            c.setAutoCommit(false);
            if (clean) {
                clean(c, checked.schemas());
            } else {
                refuseNonEmpty(c, where);
            }
            try (InputStream in = BackupInput.open(file)) {
                ScriptReader.read(in, pass);
            }
            c.commit();
            return new Outcome(pass);
        } catch (SQLException | RuntimeException e) {
            pass.abort();
            c.rollback();
            throw e;
        } catch (Exception e) {
            pass.abort();
            c.rollback();
            throw new BackupException("Restoring " + file + " failed: " + e.getMessage(), null, e);
        } finally {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_catalog.set_config('search_path', '\"$user\", public', false)");
            }
            AdvisoryLock.unlock(c);
            BackupLock.release(c);
        }
    }

    private static void refuseNonEmpty(Connection c, String where) throws SQLException {
        List<String> found = new ArrayList<>();
        DumpCatalog.rows(c, "SELECT quote_ident(n.nspname) || '.' || quote_ident(cl.relname) FROM pg_class cl"
                + " JOIN pg_namespace n ON n.oid = cl.relnamespace WHERE cl.relkind IN ('r', 'p', 'v', 'm', 'f') AND "
                + DumpCatalog.USER_SCHEMA + " AND " + DumpCatalog.notExtension("pg_class", "cl.oid")
                + " ORDER BY 1 LIMIT 4", rs -> found.add(rs.getString(1)));
        if (!found.isEmpty()) {
            throw new RestoreRefusedException("The target database " + where + " is not empty (it has tables: "
                    + String.join(", ", found.subList(0, Math.min(3, found.size()))) + (found.size() > 3 ? ", ..." : "")
                    + "). Nothing was changed. Restore into an empty database, or pass --clean (clean(true)) to"
                    + " replace the schemas the backup contains.");
        }
    }

    private static void clean(Connection c, Set<String> schemas) throws SQLException {
        Set<String> drop = new LinkedHashSet<>(schemas);
        drop.add("public");
        try (Statement s = c.createStatement()) {
            for (String schema : drop) {
                String quoted = schema.startsWith("\"") ? schema : Names.quote(schema.toLowerCase(java.util.Locale.ROOT));
                s.execute("DROP SCHEMA IF EXISTS " + quoted + " CASCADE");
            }
            s.execute("CREATE SCHEMA public");
        }
    }
}
