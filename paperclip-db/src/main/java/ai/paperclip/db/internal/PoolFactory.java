package ai.paperclip.db.internal;

import ai.paperclip.db.InvalidOptionException;
import ai.paperclip.db.PaperclipDbOptions;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.Driver;

/** Builds the HikariCP pool for a target and options, and the pre-flight connection that becomes its first. */
public final class PoolFactory {

    /** HikariCP's default; raised when a long idle timeout would otherwise make HikariCP ignore it. */
    static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(30);
    /**
     * How long a read waits for a replica's pool before it reads from the primary instead: short, so a
     * replica that went away costs a read this much at most once (it leaves the rotation then).
     */
    public static final Duration REPLICA_BORROW_TIMEOUT = Duration.ofSeconds(1);

    private PoolFactory() {
    }

    /**
     * Opens the one direct connection the start-up checks run on (it then becomes the pool's first). Fails
     * fast: a server that cannot be reached or refuses us is reported now, as a {@code ConnectionFailedException}
     * with one line, not as HikariCP's logged stack trace after its one-second retry.
     */
    public static Connection connect(ConnectionTarget target, PaperclipDbOptions options) {
        try {
            return dataSource(target, options).getConnection();
        } catch (SQLException | RuntimeException e) {
            throw ConnectionFailures.describe(e, target);
        }
    }

    /**
     * Opens the pool with {@code first}, a connection from {@link #connect} that the checks have used and left in
     * its initial session state, as its first connection: HikariCP's one start-up attempt
     * ({@code initializationFailTimeout} 1 ms) takes it instead of logging in again, so a start opens one
     * connection, and nothing waits for more ({@code minimumIdle} 1; the others open on demand). {@code first} is
     * closed when the pool cannot start.
     */
    public static HikariDataSource open(ConnectionTarget target, PaperclipDbOptions options, Connection first) {
        HikariConfig config = config(target, options);
        TargetDataSource source = (TargetDataSource) config.getDataSource();
        source.seed(first);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw ConnectionFailures.describe(e.getCause() != null ? e.getCause() : e, target);
        } finally {
            Connection unused = source.unseed();
            if (unused != null) {
                closeQuietly(unused);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // the pool did not take it: nothing else holds it
        }
    }

    /**
     * A replica's pool: it starts without a connection (a replica that is down at start-up must not stop the
     * application; the replica check finds it) and gives up on a borrow after {@link #REPLICA_BORROW_TIMEOUT}.
     */
    public static HikariDataSource openReplica(ConnectionTarget target, PaperclipDbOptions options, String poolName) {
        HikariConfig config = config(target, options);
        config.setPoolName(poolName);
        config.setMaximumPoolSize(options.readPoolMax());
        config.setConnectionTimeout(Math.min(options.connectTimeout().toMillis(), REPLICA_BORROW_TIMEOUT.toMillis()));
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /** The configuration {@link #open} starts the primary pool with. */
    public static HikariConfig config(ConnectionTarget target, PaperclipDbOptions options) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(options.poolName());
        config.setDataSource(dataSource(target, options));
        config.setMaximumPoolSize(options.poolMax());
        // One warm connection; the others are opened on demand and retired after the idle timeout.
        config.setMinimumIdle(1);
        config.setIdleTimeout(options.idleTimeout().toMillis());
        Duration idle = options.idleTimeout();
        Duration maxLifetime = idle.compareTo(DEFAULT_MAX_LIFETIME.minusMinutes(1)) > 0
                ? idle.plus(DEFAULT_MAX_LIFETIME) : DEFAULT_MAX_LIFETIME;
        config.setMaxLifetime(maxLifetime.toMillis());
        config.setConnectionTimeout(options.connectTimeout().toMillis());
        // One attempt at construction (taking the seeded, already checked connection): errors surface from
        // create(), not from the first query.
        config.setInitializationFailTimeout(1);
        if (!options.statementTimeout().isZero()) {
            // Application sessions only: migrations use their own direct connection, without this.
            config.setConnectionInitSql("set statement_timeout = " + options.statementTimeout().toMillis());
        }
        options.meterRegistry().ifPresent(registry -> config.setMetricsTrackerFactory(MicrometerMetrics.trackerFactory(registry)));
        return config;
    }

    private static TargetDataSource dataSource(ConnectionTarget target, PaperclipDbOptions options) {
        return new TargetDataSource(target.jdbcUrl(), driverProperties(target, options), target.redactedUrl());
    }

    /** The driver properties for {@code target}: user, password, prepared statements, application name, timeouts. */
    public static Properties driverProperties(ConnectionTarget target, PaperclipDbOptions options) {
        Properties properties = target.properties();
        Properties fromUrl = Driver.parseURL(target.jdbcUrl(), null);
        if (!options.preparedStatements()) {
            String inUrl = fromUrl == null ? null : fromUrl.getProperty("prepareThreshold");
            if (inUrl != null && !inUrl.equals("0")) {
                // pgJDBC lets URL parameters win over properties: say so instead of silently preparing.
                throw new InvalidOptionException("preparedStatements (DATABASE_PREPARED_STATEMENTS) is false but"
                        + " the URL " + target.redactedUrl() + " sets prepareThreshold=" + inUrl
                        + "; remove prepareThreshold from the URL or set it to 0.");
            }
            properties.setProperty("prepareThreshold", "0");
        }
        String applicationName = options.applicationName()
                .orElse(properties.getProperty("ApplicationName", PaperclipDbOptions.DEFAULT_APPLICATION_NAME));
        properties.setProperty("ApplicationName", applicationName);
        long seconds = Math.max(1, (options.connectTimeout().toMillis() + 999) / 1000);
        properties.putIfAbsent("connectTimeout", String.valueOf(seconds));
        properties.putIfAbsent("loginTimeout", String.valueOf(seconds));
        return properties;
    }
}
