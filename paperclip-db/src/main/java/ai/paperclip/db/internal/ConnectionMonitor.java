package ai.paperclip.db.internal;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the primary's connections in the background (for the gauges, which must not query on every
 * scrape) and warns when connections in use pass a share of {@code max_connections}: at most one WARN per
 * interval, however many samples or {@code health()} calls see it; a percentage of 0 turns the warning off.
 *
 * <p>A sample never takes a connection the application needs: it is skipped while the primary's HikariCP pool has
 * no idle connection or a thread waits for one (borrowing then would queue behind, or before, the application's
 * threads, or make the pool open a connection just for the sample). While it holds one, {@link #sampling()} is
 * true, and {@code health()} does not count it among the pool's active connections.
 */
public final class ConnectionMonitor implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionMonitor.class);

    private final DataSource primary;
    private final String target;
    private final int warnPercent;
    private final long warnIntervalNanos;
    private final AtomicLong lastWarning = new AtomicLong();
    private volatile boolean warnedOnce;
    private volatile int serverConnections = -1;
    private volatile int maxConnections = -1;
    private volatile boolean sampling;

    public ConnectionMonitor(DataSource primary, String target, int warnPercent, Duration warnInterval) {
        this.primary = primary;
        this.target = target;
        this.warnPercent = warnPercent;
        this.warnIntervalNanos = warnInterval.toNanos();
    }

    @Override
    public void run() {
        if (busy(primary)) {
            LOG.debug("Connection sample on {} skipped: no idle connection in pool '{}', the application's threads"
                    + " come first", target, HealthProbe.hikari(primary).getPoolName());
            return;
        }
        try (Connection c = primary.getConnection()) {
            sampling = true; // set once borrowed: health() subtracts it from the active count only while it is
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(HealthProbe.SQL)) {
                rs.next();
                observe(rs.getInt(5), rs.getInt(3));
            } finally {
                sampling = false;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Connection sample on {} failed: {}", target, e.getMessage());
        }
    }

    /**
     * Whether {@code dataSource} is a HikariCP pool with no idle connection or a thread waiting for one: background
     * work then skips its round rather than take (or queue for, or make the pool open) a connection.
     */
    static boolean busy(DataSource dataSource) {
        HikariDataSource pool = HealthProbe.hikari(dataSource);
        HikariPoolMXBean counts = pool == null ? null : pool.getHikariPoolMXBean();
        return counts != null && (counts.getIdleConnections() == 0 || counts.getThreadsAwaitingConnection() > 0);
    }

    /** Whether the background sample holds a connection of the primary's pool now. */
    boolean sampling() {
        return sampling;
    }

    /** Records a sample and warns when it is over the threshold and no warning was logged within the interval. */
    void observe(int server, int max) {
        serverConnections = server;
        maxConnections = max;
        if (warnPercent <= 0 || max <= 0 || server * 100L < (long) warnPercent * max) {
            return;
        }
        long now = System.nanoTime();
        long last = lastWarning.get();
        if ((!warnedOnce || now - last >= warnIntervalNanos) && lastWarning.compareAndSet(last, now)) {
            warnedOnce = true;
            LOG.warn("{} connections in use on {}: {}% of max_connections ({}), past the {}% warning threshold."
                    + " New connections fail at max_connections: lower pool sizes (DATABASE_POOL_MAX,"
                    + " DATABASE_READ_POOL_MAX) across instances, put a pooler in front, or raise max_connections",
                    server, target, Math.round(ratio(server, max) * 100), max, warnPercent);
        }
    }

    /** Client connections on the primary at the last sample; -1 before the first. */
    public int serverConnections() {
        return serverConnections;
    }

    /** {@code max_connections} at the last sample; -1 before the first. */
    public int maxConnections() {
        return maxConnections;
    }

    /** {@code server / max}, 0 when unknown. */
    public static double ratio(int server, int max) {
        return max <= 0 || server < 0 ? 0 : (double) server / max;
    }
}
