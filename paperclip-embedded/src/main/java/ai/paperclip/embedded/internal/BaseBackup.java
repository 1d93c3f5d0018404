package ai.paperclip.embedded.internal;

import ai.paperclip.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * PostgreSQL's low-level base backup API (documented in "Making a Base Backup Using the Low Level API"),
 * written here because the bundled binaries carry no {@code pg_basebackup}: start the backup, copy the
 * running data directory leaving out what the documentation says to leave out, stop the backup in the same
 * session and write its label into the copy, then make the copy a standby.
 */
public final class BaseBackup {

    /** Directories whose contents a base backup leaves out (they are rebuilt or irrelevant on the copy). */
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem",
            "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");
    /** Files of the running server that must not travel. */
    private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "backup_label.old", "tablespace_map", "tablespace_map.old", "standby.signal", "recovery.signal");

    private BaseBackup() {
    }

    /** Copies {@code primary}'s cluster into {@code cluster} (absent) as a standby streaming from {@code slot}. */
    public static void copy(EmbeddedPostgres primary, Path cluster, String slot) throws SQLException, IOException {
        try (Connection c = primary.openConnection("postgres")) {
            createSlot(c, slot);
            String label = "paperclip standby " + cluster.getFileName();
            try (PreparedStatement start = c.prepareStatement("select pg_backup_start(?, true)")) {
                start.setString(1, label);
                start.execute();
            }
            boolean stopped = false;
            try {
                copyTree(primary.dataDirectory(), cluster);
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("select labelfile, spcmapfile from pg_backup_stop(false)")) {
                    rs.next();
                    stopped = true;
                    write(cluster.resolve("backup_label"), rs.getString(1));
                    String map = rs.getString(2);
                    if (map != null && !map.isEmpty()) {
                        write(cluster.resolve("tablespace_map"), map);
                    }
                }
            } finally {
                if (!stopped) {
                    try (Statement s = c.createStatement()) {
                        s.execute("select pg_backup_stop(false)");
                    } catch (SQLException ignored) {
                        // The session ends with the connection, which aborts the backup anyway.
                    }
                }
            }
        }
        write(cluster.resolve("standby.signal"), "");
        String conninfo = "host=" + primary.host() + " port=" + primary.port() + " user=" + conninfoValue(primary.user())
                + " password=" + conninfoValue(primary.password()) + " application_name=" + slot;
        Files.writeString(cluster.resolve("postgresql.auto.conf"), "\n# Written by StandbyCluster: stream from the"
                + " primary on port " + primary.port() + "\nprimary_conninfo = " + configString(conninfo)
                + "\nprimary_slot_name = " + configString(slot) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** A fresh slot reserving WAL now; one of an earlier standby in the same (now empty) directory is replaced. */
    private static void createSlot(Connection c, String slot) throws SQLException {
        try (PreparedStatement drop = c.prepareStatement("select pg_drop_replication_slot(slot_name)"
                + " from pg_replication_slots where slot_name = ? and not active")) {
            drop.setString(1, slot);
            drop.execute();
        }
        try (PreparedStatement create = c.prepareStatement("select pg_create_physical_replication_slot(?, true)")) {
            create.setString(1, slot);
            create.execute();
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path to = target.resolve(source.relativize(dir).toString());
                Files.createDirectories(to);
                Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
                Path relative = source.relativize(dir);
                if (relative.getNameCount() == 1 && EMPTIED.contains(relative.toString())) {
                    if (relative.toString().equals("pg_wal")) {
                        Files.createDirectories(to.resolve("archive_status"));
                        Files.createDirectories(to.resolve("summaries"));
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path relative = source.relativize(file);
                String name = relative.getFileName().toString();
                if ((relative.getNameCount() == 1 && SKIPPED.contains(name)) || name.startsWith("pgsql_tmp")) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, target.resolve(relative.toString()), StandardCopyOption.COPY_ATTRIBUTES,
                            LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    // Dropped by the running server during the copy: WAL replay settles what it held.
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    /** A libpq conninfo value in single quotes, backslash-escaped. */
    static String conninfoValue(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** A postgresql.conf string: single quotes doubled. */
    static String configString(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** The first 12 hex digits of the SHA-256 of {@code text}. */
    public static String shortHash(String text) {
        return BinaryCache.sha256(text).substring(0, 12);
    }
}
