package ai.paperclip.embedded;

import ai.paperclip.embedded.internal.BaseBackup;
import ai.paperclip.embedded.internal.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a data directory a streaming hot standby of a running embedded server, to try read replicas on
 * one machine (development, tests, demos) without {@code pg_basebackup}, which the bundled binaries lack:
 *
 * <pre>{@code
 * try (EmbeddedPostgres primary = EmbeddedPostgres.builder().dataDirectory(dir.resolve("primary")).start()) {
 *     StandbyCluster.create(primary, dir.resolve("replica"));
 *     try (EmbeddedPostgres replica = EmbeddedPostgres.builder().dataDirectory(dir.resolve("replica")).start()) {
 *         // replica.connectionUri() is a DATABASE_READ_URL; pg_is_in_recovery() is true there
 *     }
 * }
 * }</pre>
 *
 * <p>The copy is PostgreSQL's low-level base backup: {@code pg_backup_start}, a file copy of the running
 * primary's data directory, {@code pg_backup_stop}, whose label becomes the copy's {@code backup_label}.
 * The copy gets {@code standby.signal} and, in {@code postgresql.auto.conf}, a {@code primary_conninfo}
 * (the primary's superuser and password: the standby's file is as private as the primary's) and a physical
 * replication slot, {@link #slotName(Path)}, created on the primary before the backup starts so the primary
 * keeps every WAL segment the standby still needs. A standby that is deleted leaves its slot behind, and the
 * slot keeps WAL on the primary: drop it with {@code select pg_drop_replication_slot('<name>')}. Start the
 * standby with the same credentials and at least the primary's {@code max_connections} (a hot standby
 * refuses lower settings). Needs PostgreSQL 15 or newer (the {@code pg_backup_*} functions).
 */
public final class StandbyCluster {

    private static final Logger LOG = LoggerFactory.getLogger(StandbyCluster.class);

    private StandbyCluster() {
    }

    /**
     * Creates {@code dataDirectory} (absent or empty) as a hot standby of {@code primary}; start it with
     * {@link EmbeddedPostgres#builder()} on that directory. Built in a temporary sibling and renamed into
     * place: an interrupted copy never leaves a half-made cluster.
     *
     * @return the data directory
     * @throws DataDirectoryException when the directory holds something, or the copy cannot be written
     * @throws EmbeddedPostgresException when the primary refuses the backup (older than PostgreSQL 15, no
     *     replication slots left)
     */
    public static Path create(EmbeddedPostgres primary, Path dataDirectory) {
        Path target = dataDirectory.toAbsolutePath().normalize();
        Path staging = null;
        try {
            if (!FileTrees.isEmptyDirectory(target)) {
                throw new DataDirectoryException(target + " is not empty: a standby is created only in an absent or"
                        + " empty directory. Nothing was changed; choose a new directory for the standby.");
            }
            Files.createDirectories(target.getParent());
            staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".standby-");
            Path cluster = staging.resolve("cluster");
            long started = System.nanoTime();
            BaseBackup.copy(primary, cluster, slotName(target));
            Files.deleteIfExists(target); // empty, checked above
            if (!FileTrees.moveIntoPlace(cluster, target)) {
                throw new DataDirectoryException(target + " appeared while the standby was being copied; another"
                        + " program writes to it. Choose another directory.");
            }
            LOG.info("Created {} as a streaming standby of the PostgreSQL on port {} (slot {}) in {} ms", target,
                    primary.port(), slotName(target), (System.nanoTime() - started) / 1_000_000);
            return target;
        } catch (IOException e) {
            throw new DataDirectoryException("Cannot create the standby " + target + ": " + e.getMessage()
                    + ". Check that the directory's parent is writable and the disk has space.", e);
        } catch (SQLException e) {
            throw new EmbeddedPostgresException("The primary on port " + primary.port() + " refused the base backup"
                    + " for " + target + ": " + e.getMessage() + " (SQLSTATE " + e.getSQLState() + "). A standby needs"
                    + " PostgreSQL 15 or newer and a free replication slot (max_replication_slots).", e);
        } finally {
            if (staging != null) {
                FileTrees.deleteQuietly(staging);
            }
        }
    }

    /**
     * The physical replication slot on the primary that a standby in {@code dataDirectory} streams from:
     * {@code paperclip_standby_} and a hash of the directory's absolute path.
     */
    public static String slotName(Path dataDirectory) {
        String path = dataDirectory.toAbsolutePath().normalize().toString();
        return "paperclip_standby_" + BaseBackup.shortHash(path);
    }
}
