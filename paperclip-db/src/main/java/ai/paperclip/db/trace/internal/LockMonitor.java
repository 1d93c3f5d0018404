package ai.paperclip.db.trace.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the server while a traced statement runs, on a session of its own: which load sessions wait on
 * the migration's session ({@code pg_blocking_pids}), and, for a statement outside a transaction, which
 * table locks the migration's session holds ({@code pg_locks}: they are gone once it ends).
 */
public final class LockMonitor implements AutoCloseable {

    /** How often it looks: short enough to see a lock held for a few milliseconds. */
    private static final long POLL_NANOS = 2_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(LockMonitor.class);

    private final Connection connection;
    private final int migrationPid;
    private final Load load;
    private final Thread thread;
    private volatile boolean stop;
    private volatile int statement = -1;
    private volatile boolean sampleLocks;
    private final Map<String, String> sampled = new TreeMap<>();

    public LockMonitor(Connection connection, int migrationPid, Load load) {
        this.connection = connection;
        this.migrationPid = migrationPid;
        this.load = load;
        this.thread = new Thread(this::run, "trace-monitor");
        thread.setDaemon(true);
        thread.start();
    }

    /** Statement {@code index} starts; sample its locks when it runs outside a transaction. */
    public void statement(int index, boolean sampleLocks) {
        synchronized (sampled) {
            sampled.clear();
        }
        this.sampleLocks = sampleLocks;
        this.statement = index;
    }

    /** The table locks seen since {@link #statement}, strongest per table. */
    public Map<String, String> sampledLocks() {
        synchronized (sampled) {
            return new TreeMap<>(sampled);
        }
    }

    private void run() {
        try (PreparedStatement waiting = connection.prepareStatement(
                "SELECT pid FROM unnest(?::int[]) AS pid WHERE ? = ANY (pg_blocking_pids(pid))");
                PreparedStatement locks = connection.prepareStatement(TableLocks.OF_PID)) {
            while (!stop) {
                int current = statement;
                int[] pids = load.pids();
                if (current >= 0 && pids.length > 0) {
                    Array array = connection.createArrayOf("int4", java.util.Arrays.stream(pids).boxed().toArray());
                    waiting.setArray(1, array);
                    waiting.setInt(2, migrationPid);
                    List<Integer> blocked = new ArrayList<>();
                    try (ResultSet rs = waiting.executeQuery()) {
                        while (rs.next()) {
                            blocked.add(rs.getInt(1));
                        }
                    }
                    // The next statement may have started while this look ran (the runner covers its tables, then
                    // moves on): a session waiting on it would be counted against the previous one. Such a look
                    // is dropped; the next one, 2 ms later, sees it under the right statement.
                    if (statement == current) {
                        blocked.forEach(pid -> load.markBlocked(pid, current));
                    }
                }
                if (sampleLocks) {
                    locks.setInt(1, migrationPid);
                    Map<String, String> seen = TableLocks.read(locks);
                    synchronized (sampled) {
                        seen.forEach((table, mode) -> sampled.merge(table, mode, TableLocks::stronger));
                    }
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
        } catch (SQLException e) {
            LOG.warn("The trace's lock monitor stopped: {}", e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join();
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing the lock monitor's session failed: {}", e.getMessage());
        }
    }
}
