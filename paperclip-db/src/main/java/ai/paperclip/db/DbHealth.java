package ai.paperclip.db;

import ai.paperclip.db.backup.BackupHealth;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot of the pools and the servers, from {@link PaperclipDb#health()}: what an operator alerts on.
 *
 * @param activeConnections     primary pool connections in use
 * @param idleConnections       primary pool connections open and idle
 * @param waitingThreads        threads waiting for a primary pool connection
 * @param poolMax               the primary pool's maximum size
 * @param serverVersion         the primary's {@code server_version}, e.g. {@code 17.7}
 * @param serverVersionNum      the primary's {@code server_version_num}, e.g. {@code 170007}
 * @param maxConnections        the primary's {@code max_connections}
 * @param databaseConnections   rows of {@code pg_stat_activity} for our database, from every client
 * @param serverConnections     client connections on the primary, all databases and clients (they count
 *                              against {@code max_connections})
 * @param connectionRatio       {@code serverConnections / maxConnections}, from 0 to 1
 * @param pools                 every pool: the primary's, each replica's, and the migration connection
 * @param replicas              each read replica: rotation, lag, why it is out
 * @param migrationState        {@code up to date}, {@code 3 pending}, ..., plus a running migration's holder
 * @param backup                the application's scheduled backups, when they are configured
 *                              ({@link PaperclipDbOptions#backupDirectory()}; empty when not): the newest good
 *                              backup's age ({@code newestAge}), {@code stale} = overdue (no good backup within two
 *                              intervals: the rule of the scheduler and {@code doctor}; also true before the
 *                              first backup), the last scheduled run's failure (when a {@code BackupScheduler} of this
 *                              process backs up into that directory; also a directory that cannot be read), its next
 *                              run and last verification, and the directory's free space
 */
public record DbHealth(
        int activeConnections,
        int idleConnections,
        int waitingThreads,
        int poolMax,
        String serverVersion,
        int serverVersionNum,
        int maxConnections,
        int databaseConnections,
        int serverConnections,
        double connectionRatio,
        List<Pool> pools,
        List<Replica> replicas,
        String migrationState,
        Optional<BackupHealth> backup) {

    public DbHealth {
        pools = List.copyOf(pools);
        replicas = List.copyOf(replicas);
        backup = backup == null ? Optional.empty() : backup;
    }

    /** Whether backups are configured and overdue: no good backup within two intervals. */
    public boolean backupOverdue() {
        return backup.map(BackupHealth::stale).orElse(false);
    }

    /**
     * One pool's counts (HikariCP's own figures).
     *
     * @param name    the pool's name, as in HikariCP's logs and the {@code pool} tag of its meters
     * @param role    {@code primary}, {@code replica} or {@code migration} (the direct connection migrations
     *                use: active 1 while a migration holds the lock, else 0; max 1)
     * @param active  connections in use
     * @param idle    connections open and idle
     * @param waiting threads waiting for a connection
     * @param max     the pool's maximum size
     */
    public record Pool(String name, String role, int active, int idle, int waiting, int max) {
    }

    /**
     * One read replica, as the background check last saw it.
     *
     * @param name       {@code host:port}
     * @param inRotation whether reads go there
     * @param lag        replay lag at the last check; empty until measured or while it is unreachable
     * @param replayed   the WAL position it had replayed, as a {@link WriteToken}
     * @param problem    why it is out of the rotation; empty while it is in
     */
    public record Replica(String name, boolean inRotation, Optional<Duration> lag, WriteToken replayed,
                          Optional<String> problem) {
    }
}
