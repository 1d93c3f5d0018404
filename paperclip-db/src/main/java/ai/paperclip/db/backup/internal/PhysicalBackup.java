package ai.paperclip.db.backup.internal;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A consistent copy of a running cluster, as the PostgreSQL documentation's "low level API" describes: on one
 * session, a temporary replication slot reserves the WAL from now on (so no checkpoint recycles a segment the
 * copy needs), {@code pg_backup_start} (non-exclusive, an immediate checkpoint), a file-by-file copy of the data
 * directory, {@code pg_backup_stop} (which switches to a new segment so the end record is on disk), then the WAL
 * segments from the start segment to the stop segment and the {@code backup_label} pg_backup_stop returned.
 * Started on the unpacked directory, the server replays that WAL (crash recovery) up to the end of the backup.
 * The data directory must be local to this process: the embedded default.
 */
public final class PhysicalBackup {

    public static final String PREFIX_IN_ARCHIVE = "db/";
    private static final Pattern SEGMENT = Pattern.compile("^[0-9A-F]{24}$");

    /** What the backup spans. */
    public record Span(String startLsn, String stopLsn) {
    }

    private PhysicalBackup() {
    }

    /** Writes the archive to {@code file} (created, fsynced); {@code c} must be a superuser session on the cluster. */
    public static Span write(Connection c, Path data, Path file) throws SQLException, IOException {
        c.setAutoCommit(true);
        String slot = "paperclip_backup_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        execute(c, "SELECT pg_create_physical_replication_slot('" + slot + "', true, true)");
        String[] start = row(c, "SELECT s::text, pg_walfile_name(s) FROM pg_backup_start('paperclip', true) s");
        try (FileOutputStream raw = new FileOutputStream(file.toFile())) {
            GzipWriter gzip = new GzipWriter(new BufferedOutputStream(raw, 256 * 1024));
            try (ClusterTar tar = new ClusterTar(gzip)) {
                tar.addCluster(data, PREFIX_IN_ARCHIVE);
                String[] stop = row(c, "SELECT lsn::text, pg_walfile_name(lsn), labelfile, coalesce(spcmapfile, '')"
                        + " FROM pg_backup_stop(false)");
                String first = start[1];
                String last = stop[1];
                tar.addFiles(data.resolve("pg_wal"), PREFIX_IN_ARCHIVE + "pg_wal/", name -> SEGMENT.matcher(name).matches()
                        && name.compareTo(first) >= 0 && name.compareTo(last) <= 0 || name.endsWith(".history"));
                tar.addBytes(PREFIX_IN_ARCHIVE + "backup_label", stop[2].getBytes(StandardCharsets.UTF_8));
                if (!stop[3].isEmpty()) {
                    tar.addBytes(PREFIX_IN_ARCHIVE + "tablespace_map", stop[3].getBytes(StandardCharsets.UTF_8));
                }
                tar.finish();
                gzip.finish();
                gzip.flush();
                raw.getChannel().force(true);
                execute(c, "SELECT pg_drop_replication_slot('" + slot + "')");
                return new Span(start[0], stop[0]);
            }
        }
    }

    /** A stopped cluster: a plain copy (there is no server to ask, nothing changes under it). */
    public static void copyStopped(Path data, Path file) throws IOException {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            throw new IOException(data + " has a postmaster.pid: its server may be running. Take the backup"
                    + " with the server running (it is then consistent) or stop it first.");
        }
        try (FileOutputStream raw = new FileOutputStream(file.toFile())) {
            GzipWriter gzip = new GzipWriter(new BufferedOutputStream(raw, 256 * 1024));
            try (ClusterTar tar = new ClusterTar(gzip)) {
                tar.addCluster(data, PREFIX_IN_ARCHIVE);
                tar.addFiles(data.resolve("pg_wal"), PREFIX_IN_ARCHIVE + "pg_wal/",
                        name -> SEGMENT.matcher(name).matches() || name.endsWith(".history"));
                tar.finish();
                gzip.finish();
                gzip.flush();
                raw.getChannel().force(true);
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String[] row(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            String[] values = new String[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rs.getString(i + 1);
            }
            return values;
        }
    }
}
