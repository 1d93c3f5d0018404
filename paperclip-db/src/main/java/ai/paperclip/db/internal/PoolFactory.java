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

/** Builds the HikariCP pool for a target and options; the first connection is opened (and checked) here. */
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
     * Opens the pool. Fails fast: a server that cannot be reached or refuses us is reported now, as a
     * {@code ConnectionFailedException}, not at the first query.
     *
     * <p>One direct connection is tried first. HikariCP's own first attempt, on failure, sleeps a second
     * before giving up and logs the driver's stack trace at ERROR; the application would show that
     * trace above our one-line message. The probe costs one extra connection per start.
     */
    public static HikariDataSource open(ConnectionTarget target, PaperclipDbOptions options) {
        HikariConfig config = config(target, options);
        try (Connection probe = config.getDataSource().getConnection()) {
            // reachable, and it lets us in: the pool may start
        } catch (SQLException | RuntimeException e) {
            throw ConnectionFailures.describe(e, target);
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw ConnectionFailures.describe(e.getCause() != null ? e.getCause() : e, target);
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
        config.setDataSource(new TargetDataSource(target.jdbcUrl(), driverProperties(target, options),
                target.redactedUrl()));
        config.setMaximumPoolSize(options.poolMax());
        // One warm connection; the others are opened on demand and retired after the idle timeout.
        config.setMinimumIdle(1);
        config.setIdleTimeout(options.idleTimeout().toMillis());
        Duration idle = options.idleTimeout();
        Duration maxLifetime = idle.compareTo(DEFAULT_MAX_LIFETIME.minusMinutes(1)) > 0
                ? idle.plus(DEFAULT_MAX_LIFETIME) : DEFAULT_MAX_LIFETIME;
        config.setMaxLifetime(maxLifetime.toMillis());
        config.setConnectionTimeout(options.connectTimeout().toMillis());
        // One attempt at construction: errors surface from create(), not from the first query.
        config.setInitializationFailTimeout(1);
        if (!options.statementTimeout().isZero()) {
            // Application sessions only: migrations use their own direct connection, without this.
            config.setConnectionInitSql("set statement_timeout = " + options.statementTimeout().toMillis());
        }
        options.meterRegistry().ifPresent(registry -> config.setMetricsTrackerFactory(MicrometerMetrics.trackerFactory(registry)));
        return config;
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
