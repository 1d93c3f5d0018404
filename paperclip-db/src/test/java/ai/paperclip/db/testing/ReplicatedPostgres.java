package ai.paperclip.db.testing;

import ai.paperclip.embedded.EmbeddedPostgres;
import ai.paperclip.embedded.StandbyCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real primary and a streaming hot standby of it, from the project's embedded lifecycle
 * ({@link EmbeddedPostgres}, {@link StandbyCluster}), in a temporary directory on free ports. The replica can
 * be killed with SIGKILL and started again on the same port, and its replay paused and resumed.
 */
public final class ReplicatedPostgres implements AutoCloseable {

    private static final Path CACHE = Path.of("target", "test-cache").toAbsolutePath();
    /** The same on both: a hot standby refuses a lower max_connections than its primary's. */
    public static final int MAX_CONNECTIONS = 60;

    private final Path directory;
    private final EmbeddedPostgres primary;
    private final int replicaPort;
    private EmbeddedPostgres replica;

    private ReplicatedPostgres(Path directory, EmbeddedPostgres primary, int replicaPort, EmbeddedPostgres replica) {
        this.directory = directory;
        this.primary = primary;
        this.replicaPort = replicaPort;
        this.replica = replica;
    }

    public static ReplicatedPostgres start() {
        try {
            Path directory = Files.createTempDirectory("paperclip-replicas-");
            EmbeddedPostgres primary = server(directory.resolve("primary"), freePort());
            StandbyCluster.create(primary, directory.resolve("replica"));
            int replicaPort = freePort();
            EmbeddedPostgres replica = server(directory.resolve("replica"), replicaPort);
            ReplicatedPostgres pair = new ReplicatedPostgres(directory, primary, replicaPort, replica);
            Wait.until("the replica streams from the primary", Duration.ofMinutes(1),
                    () -> "streaming".equals(pair.onPrimary("select state from pg_stat_replication")));
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedPostgres server(Path dataDirectory, int port) {
        return EmbeddedPostgres.builder().dataDirectory(dataDirectory).port(port).portAttempts(1)
                .cacheDirectory(CACHE).registerShutdownHook(true)
                .serverSetting("fsync", "off").serverSetting("max_connections", String.valueOf(MAX_CONNECTIONS))
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** {@code DATABASE_URL} of the primary (its superuser, database {@code paperclip}). */
    public String primaryUrl() {
        return primary.connectionUri();
    }

    /** {@code DATABASE_READ_URL} of the replica; the same port across restarts. */
    public String replicaUrl() {
        return primary.connectionUri().replace(":" + primary.port() + "/", ":" + replicaPort + "/");
    }

    public int replicaPort() {
        return replicaPort;
    }

    /** The first column of the first row of {@code sql} on the primary's {@code paperclip} database, as text. */
    public String onPrimary(String sql) {
        return single(primary, sql);
    }

    /** Runs a statement on the primary's {@code paperclip} database. */
    public void executeOnPrimary(String sql) {
        try (Connection c = primary.openConnection(primary.database()); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public String onReplica(String sql) {
        return single(replica, sql);
    }

    /** Stops WAL replay on the replica ({@code pg_wal_replay_pause()}): it keeps serving, growing stale. */
    public void pauseReplay() {
        onReplica("select pg_wal_replay_pause()::text");
        Wait.until("replay paused", Duration.ofMinutes(1),
                () -> "paused".equals(onReplica("select pg_get_wal_replay_pause_state()")));
    }

    public void resumeReplay() {
        onReplica("select pg_wal_replay_resume()::text");
    }

    /** Whether the replica has replayed everything the primary has written so far. */
    public boolean replicaCaughtUp() {
        String target = onPrimary("select pg_current_wal_lsn()::text");
        return "true".equals(onReplica("select (pg_last_wal_replay_lsn() >= '" + target + "'::pg_lsn)::text"));
    }

    /** SIGKILL to the replica's postmaster: no shutdown, no goodbye to its clients. */
    public void killReplica() {
        long pid = replica.pid();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        Wait.until("the replica's postmaster " + pid + " to die", Duration.ofMinutes(1),
                () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        replica.close(); // logs that the server died; never throws
    }

    /** Starts the replica again on its data directory and port, after {@link #killReplica()}. */
    public void restartReplica() {
        replica = server(directory.resolve("replica"), replicaPort);
    }

    private static String single(EmbeddedPostgres server, String sql) {
        try (Connection c = server.openConnection(server.database()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        replica.close();
        primary.close();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
