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
import java.util.ArrayList;
import java.util.List;

/**
 * A real primary and one or more streaming hot standbys of it, from the project's embedded lifecycle
 * ({@link EmbeddedPostgres}, {@link StandbyCluster}), in a temporary directory on free ports. A replica can
 * be killed with SIGKILL and started again on the same port, and its replay paused and resumed; the methods
 * without an index are about the first replica.
 */
public final class ReplicatedPostgres implements AutoCloseable {

    private static final Path CACHE = Path.of("target", "test-cache").toAbsolutePath();
    /** The same on both: a hot standby refuses a lower max_connections than its primary's. */
    public static final int MAX_CONNECTIONS = 60;

    private final Path directory;
    private final EmbeddedPostgres primary;
    private final List<Integer> replicaPorts;
    private final List<EmbeddedPostgres> replicas;

    private ReplicatedPostgres(Path directory, EmbeddedPostgres primary, List<Integer> replicaPorts,
                               List<EmbeddedPostgres> replicas) {
        this.directory = directory;
        this.primary = primary;
        this.replicaPorts = replicaPorts;
        this.replicas = replicas;
    }

    public static ReplicatedPostgres start() {
        return start(1);
    }

    /** A primary and {@code count} standbys, each streaming from the primary (not cascading). */
    public static ReplicatedPostgres start(int count) {
        try {
            Path directory = Files.createTempDirectory("paperclip-replicas-");
            EmbeddedPostgres primary = server(directory.resolve("primary"), freePort());
            List<Integer> ports = new ArrayList<>();
            List<EmbeddedPostgres> replicas = new ArrayList<>();
            ReplicatedPostgres cluster = new ReplicatedPostgres(directory, primary, ports, replicas);
            for (int i = 0; i < count; i++) {
                StandbyCluster.create(primary, cluster.replicaDirectory(i));
                ports.add(freePort());
                replicas.add(server(cluster.replicaDirectory(i), ports.get(i)));
            }
            Wait.until(count + " replica(s) streaming from the primary", Duration.ofMinutes(1), () -> String.valueOf(count)
                    .equals(cluster.onPrimary("select count(*) from pg_stat_replication where state = 'streaming'")));
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path replicaDirectory(int index) {
        return directory.resolve(index == 0 ? "replica" : "replica-" + (index + 1));
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
        return replicaUrl(0);
    }

    /** The URL of replica {@code index} (from 0); the same port across restarts. */
    public String replicaUrl(int index) {
        return primary.connectionUri().replace(":" + primary.port() + "/", ":" + replicaPorts.get(index) + "/");
    }

    /** {@code DATABASE_READ_URL} naming every replica: their URLs, comma-separated. */
    public String readUrl() {
        return String.join(",", java.util.stream.IntStream.range(0, replicaPorts.size()).mapToObj(this::replicaUrl).toList());
    }

    public int replicaPort() {
        return replicaPort(0);
    }

    public int replicaPort(int index) {
        return replicaPorts.get(index);
    }

    public int primaryPort() {
        return primary.port();
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
        return single(replicas.get(0), sql);
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
        killReplica(0);
    }

    /** SIGKILL to replica {@code index}'s postmaster. */
    public void killReplica(int index) {
        EmbeddedPostgres replica = replicas.get(index);
        long pid = replica.pid();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        Wait.until("the replica's postmaster " + pid + " to die", Duration.ofMinutes(1),
                () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        replica.close(); // logs that the server died; never throws
    }

    /** Starts the replica again on its data directory and port, after {@link #killReplica()}. */
    public void restartReplica() {
        restartReplica(0);
    }

    public void restartReplica(int index) {
        replicas.set(index, server(replicaDirectory(index), replicaPorts.get(index)));
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
        replicas.forEach(EmbeddedPostgres::close);
        primary.close();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
