package ai.paperclip.db.internal;

import ai.paperclip.db.DbHealth;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.WriteToken;
import ai.paperclip.db.migration.MigrationStatus;
import ai.paperclip.db.migration.Migrator;
import ai.paperclip.db.migration.internal.AdvisoryLock;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** Reads {@link DbHealth}: pool counts first (before our own query borrows a connection), then the server. */
public final class HealthProbe {

    /** The primary's figures; {@link ConnectionMonitor} reads the last two columns too. */
    static final String SQL = "select current_setting('server_version'),"
            + " current_setting('server_version_num')::int,"
            + " current_setting('max_connections')::int,"
            + " (select count(*) from pg_stat_activity where datname = current_database())::int,"
            + " (select count(*) from pg_stat_activity where backend_type = 'client backend')::int";

    private HealthProbe() {
    }

    /**
     * Pools, server, replicas (as last checked), migration state and, when {@code backups} is present, the scheduled
     * backups; feeds {@code monitor}'s warning.
     */
    public static DbHealth probe(DataSource pool, List<Replica> replicas, PaperclipDbOptions options,
                                 String url, ConnectionMonitor monitor, Optional<BackupWatch> backups,
                                 Supplier<Connection> direct) throws SQLException {
        List<DbHealth.Pool> pools = new ArrayList<>();
        DbHealth.Pool primary = withoutMonitor(counts(pool, "primary"), monitor);
        pools.add(primary);
        for (Replica replica : replicas) {
            pools.add(counts(replica.pool(), "replica"));
        }
        try (Connection connection = borrow(pool, primary, direct);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(SQL)) {
            rs.next();
            int max = rs.getInt(3);
            int server = rs.getInt(5);
            monitor.observe(server, max);
            String migration = migrationState(connection, options, url, pools);
            return new DbHealth(primary.active(), primary.idle(), primary.waiting(), primary.max(),
                    rs.getString(1), rs.getInt(2), max, rs.getInt(4), server, ConnectionMonitor.ratio(server, max),
                    pools, replicas(replicas), migration, backups.map(BackupWatch::read));
        }
    }

    /**
     * A connection for the probe: the pool's, unless the pool is exhausted (no idle connection, all of its maximum
     * in use) and {@code direct} can open one outside it. A health check matters most while the application holds
     * every connection, and must not queue behind it for up to the connection timeout; the direct connection is
     * one more session on the server for the few milliseconds of the probe. {@code direct} is null for an
     * application's own data source, which is borrowed from as before.
     */
    private static Connection borrow(DataSource pool, DbHealth.Pool counts, Supplier<Connection> direct)
            throws SQLException {
        if (direct != null && counts.max() > 0 && counts.idle() == 0 && counts.active() >= counts.max()) {
            return direct.get();
        }
        return pool.getConnection();
    }

    /** The background sample's borrowed connection is ours, not the application's: not counted as in use. */
    private static DbHealth.Pool withoutMonitor(DbHealth.Pool p, ConnectionMonitor monitor) {
        if (!monitor.sampling() || p.active() <= 0) {
            return p;
        }
        return new DbHealth.Pool(p.name(), p.role(), p.active() - 1, p.idle() + 1, p.waiting(), p.max());
    }

    /** A pool's counts; -1 for each when the data source is not a HikariCP pool (an application's own). */
    static DbHealth.Pool counts(DataSource dataSource, String role) {
        HikariDataSource pool = hikari(dataSource);
        if (pool == null) {
            return new DbHealth.Pool(dataSource.getClass().getSimpleName(), role, -1, -1, -1, -1);
        }
        HikariPoolMXBean counts = pool.getHikariPoolMXBean();
        if (counts == null) { // closed
            return new DbHealth.Pool(pool.getPoolName(), role, 0, 0, 0, pool.getMaximumPoolSize());
        }
        return new DbHealth.Pool(pool.getPoolName(), role, counts.getActiveConnections(), counts.getIdleConnections(),
                counts.getThreadsAwaitingConnection(), pool.getMaximumPoolSize());
    }

    static List<DbHealth.Replica> replicas(List<Replica> replicas) {
        List<DbHealth.Replica> result = new ArrayList<>();
        for (Replica r : replicas) {
            result.add(new DbHealth.Replica(r.name(), r.inRotation(), Optional.ofNullable(r.lag()),
                    WriteToken.of(r.replayedPosition()), Optional.ofNullable(r.problem())));
        }
        return result;
    }

    /** The HikariCP pool behind {@code dataSource}, or null when there is none (or it will not say). */
    static HikariDataSource hikari(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource h) {
            return h;
        }
        try {
            return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private static String migrationState(Connection connection, PaperclipDbOptions options, String url,
                                         List<DbHealth.Pool> pools) {
        OptionalInt holder;
        String state;
        try {
            holder = AdvisoryLock.holder(connection);
            // On the probe's own connection: a second one from the pool could wait behind the application.
            MigrationStatus status = Migrator.configure().url(options.migrationUrl().orElse(url)).connectOptions(options)
                    .migrations(options.migrations()).load().status(connection);
            state = switch (status.state()) {
                case UP_TO_DATE -> status.problems().isEmpty() ? "up to date" : "problems: " + status.problems();
                case PENDING -> status.pending().size() + " pending";
                case EMPTY -> "empty (nothing applied yet)";
                case NOT_MANAGED -> "not managed (tables without a migration history)";
            };
        } catch (SQLException | RuntimeException e) {
            holder = OptionalInt.empty();
            state = "unknown (" + e.getMessage() + ")";
        }
        boolean running = holder.isPresent();
        pools.add(new DbHealth.Pool("migration", "migration", running ? 1 : 0, 0, 0, 1));
        return running ? state + "; a migration is running (server pid " + holder.getAsInt() + ")" : state;
    }
}
