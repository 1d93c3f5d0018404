package ai.paperclip.db.backup.internal;

import ai.paperclip.db.backup.BackupManifest;
import ai.paperclip.db.backup.TableSummary;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one database as a gzipped plain SQL script from one snapshot: a read-only REPEATABLE READ
 * transaction whose first query fixes the snapshot; every table is locked ACCESS SHARE at once, so DDL
 * cannot change a table between reading its definition and copying it. Data streams from
 * {@code COPY ... TO STDOUT} through the gzip stream to the file: memory does not grow with the database.
 */
public final class Dumper {

    private static final Logger LOG = LoggerFactory.getLogger(Dumper.class);

    private final Connection c;
    private final Clock clock;

    public Dumper(Connection c, Clock clock) {
        this.c = c;
        this.clock = clock;
    }

    /** Dumps into {@code file} (created, written, fsynced, closed); the caller publishes it. */
    public BackupManifest dump(Path file) throws SQLException, IOException {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        try (Statement s = c.createStatement()) {
            s.execute("SELECT 1"); // takes the snapshot now: everything below sees this moment
            SessionSettings.apply(c);
            s.execute("SELECT pg_catalog.set_config('search_path', '', false)");
        }
        List<String> missing = DumpCatalog.notIncluded(c);
        if (!missing.isEmpty()) {
            LOG.warn("Not included in the backup: {}", String.join(", ", missing));
        }
        DumpCatalog.Plan plan = DumpCatalog.read(c);
        try (Statement s = c.createStatement()) {
            for (DumpCatalog.DataTable t : plan.tables()) {
                s.execute("LOCK TABLE " + t.name() + " IN ACCESS SHARE MODE");
            }
        }
        Map<String, String> histories = histories();
        BackupManifest head = new BackupManifest(clock.instant(), value("SHOW server_version"),
                value("SELECT current_database()"), histories, List.of());
        List<TableSummary> tables = new ArrayList<>();
        try (FileOutputStream file2 = new FileOutputStream(file.toFile())) {
            GzipWriter gzip = new GzipWriter(new BufferedOutputStream(file2, 256 * 1024));
            OutputStream out = new BufferedOutputStream(gzip, 256 * 1024);
            line(out, "-- Paperclip database backup: a plain SQL script. Restore it with `paperclip-migrate restore FILE`,");
            line(out, "-- or into an empty database with `gunzip -c FILE | psql -v ON_ERROR_STOP=1 DATABASE_URL`.");
            for (String l : ManifestFormat.header(head.created(), head.serverVersion(), head.database(), histories)) {
                line(out, l);
            }
            line(out, "");
            for (String sql : SessionSettings.STATEMENTS) {
                line(out, sql + ";");
            }
            line(out, "SELECT pg_catalog.set_config('search_path', '', false);");
            line(out, "");
            for (String sql : plan.beforeData()) {
                line(out, sql + ";\n");
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (DumpCatalog.DataTable t : plan.tables()) {
                tables.add(copyTable(copy, t, out));
            }
            for (String sql : plan.afterData()) {
                line(out, sql + ";\n");
            }
            for (TableSummary t : tables) {
                line(out, ManifestFormat.table(t));
            }
            line(out, ManifestFormat.end(tables.size()));
            out.flush();
            gzip.finish();
            gzip.flush();
            file2.getChannel().force(true);
        }
        c.rollback();
        return new BackupManifest(head.created(), head.serverVersion(), head.database(), histories, tables);
    }

    private static TableSummary copyTable(CopyManager copy, DumpCatalog.DataTable t, OutputStream out)
            throws SQLException, IOException {
        String columns = " (" + t.columns() + ")";
        line(out, "COPY " + t.name() + columns + " FROM stdin;");
        TableDigest digest = new TableDigest();
        copy.copyOut("COPY " + t.name() + columns + " TO STDOUT", new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                digest.update(b, off, len);
                out.write(b, off, len);
            }
        });
        line(out, "\\.\n");
        return new TableSummary(t.name(), digest.rows(), digest.checksum());
    }

    /** Newest applied migration of each history present: ours (Liquibase), and drizzle-kit's. */
    private Map<String, String> histories() throws SQLException {
        Map<String, String> newest = new LinkedHashMap<>();
        List<String[]> ours = new ArrayList<>();
        DumpCatalog.rows(c, "SELECT n.nspname, cl.relname FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace"
                + " WHERE cl.relname = 'databasechangelog' AND cl.relkind = 'r' AND " + DumpCatalog.USER_SCHEMA
                + " ORDER BY n.nspname", rs -> ours.add(new String[] {rs.getString(1), rs.getString(2)}));
        for (String[] t : ours) {
            String key = "public".equals(t[0]) ? "databasechangelog" : t[0] + ".databasechangelog";
            newest.put(key, value("SELECT coalesce((SELECT id FROM " + Names.qualified(t[0], t[1])
                    + " ORDER BY orderexecuted DESC LIMIT 1), 'empty')"));
        }
        if (value("SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL").equals("t")) {
            newest.put("drizzle.__drizzle_migrations", value("SELECT coalesce((SELECT created_at::text FROM"
                    + " drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1), 'empty')"));
        }
        return newest;
    }

    private String value(String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void line(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }
}
