package ai.paperclip.db.trace.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The representative load of a trace: for each touched table one writer (a no-op UPDATE of one row: the
 * ROW EXCLUSIVE lock every INSERT, UPDATE and DELETE takes) and one reader (a SELECT: ACCESS SHARE), each on
 * its own session, each looping until closed. The {@link LockMonitor} marks an operation blocked when its
 * session waits on the migration's session; when it ends, its whole duration counts as blocked time of the
 * statement that was running when it was first seen waiting.
 */
public final class Load implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Load.class);

    private final Supplier<Connection> sessions;
    private final List<Worker> workers = new ArrayList<>();
    private final Map<Integer, Worker> byPid = new ConcurrentHashMap<>();
    /** Longest blocked operation per statement index: [writer nanos, reader nanos]. */
    private final Map<Integer, long[]> blocked = new ConcurrentHashMap<>();

    public Load(Supplier<Connection> sessions) {
        this.sessions = sessions;
    }

    /** Starts a writer and a reader on each table not loaded yet. */
    public synchronized void cover(List<String> tables) throws SQLException {
        for (String table : tables) {
            if (workers.stream().noneMatch(w -> w.table.equals(table))) {
                start(new Worker(table, true));
                start(new Worker(table, false));
            }
        }
    }

    private void start(Worker w) throws SQLException {
        w.connection = sessions.get();
        try (Statement s = w.connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            w.pid = rs.getInt(1);
        }
        workers.add(w);
        byPid.put(w.pid, w);
        w.thread = new Thread(w, "trace-" + (w.writer ? "writer-" : "reader-") + w.table);
        w.thread.setDaemon(true);
        w.thread.start();
    }

    public synchronized int[] pids() {
        return workers.stream().mapToInt(w -> w.pid).toArray();
    }

    /** Called by the monitor: the session {@code pid} waits on the migration while statement {@code statement} is current. */
    void markBlocked(int pid, int statement) {
        Worker w = byPid.get(pid);
        if (w != null && w.blockedBy < 0) {
            w.blockedBy = statement;
        }
    }

    /**
     * Whether the writer (or reader) of {@code table} waits on the migration now (on this statement's lock or
     * an earlier one of its transaction), or waited during {@code statement}.
     */
    public boolean seenBlocked(String table, boolean writer, int statement) {
        return workers.stream().anyMatch(w -> w.table.equals(table) && w.writer == writer
                && (w.blockedBy >= 0 || w.lastBlockedBy == statement));
    }

    /** The longest blocked operation of writers ([0]) and readers ([1]) attributed to {@code statement}, in nanos. */
    public long[] blocked(int statement) {
        return blocked.getOrDefault(statement, new long[2]).clone();
    }

    @Override
    public void close() {
        workers.forEach(w -> w.stop = true);
        for (Worker w : workers) {
            try {
                w.thread.join();
                w.connection.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (SQLException e) {
                LOG.debug("Closing a trace load session failed: {}", e.getMessage());
            }
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private final class Worker implements Runnable {
        final String table;
        final boolean writer;
        Connection connection;
        int pid;
        Thread thread;
        volatile boolean stop;
        volatile int blockedBy = -1;
        volatile int lastBlockedBy = -1;

        Worker(String table, boolean writer) {
            this.table = table;
            this.writer = writer;
        }

        @Override
        public void run() {
            String quoted = quote(table);
            String column = writer ? firstColumn(quoted) : null;
            if (writer && column == null) {
                return; // a table without columns has no row to write
            }
            // the writer: a no-op update of one row, which takes ROW EXCLUSIVE on the table like any write
            String sql = writer ? "UPDATE " + quoted + " SET " + quote(column) + " = " + quote(column)
                    + " WHERE ctid = (SELECT ctid FROM " + quoted + " LIMIT 1)"
                    : "SELECT count(*) FROM (SELECT 1 FROM " + quoted + " LIMIT 1) AS one";
            try (Statement s = connection.createStatement()) {
                while (!stop) {
                    long start = System.nanoTime();
                    try {
                        s.execute(sql);
                    } catch (SQLException e) {
                        // the migration may drop or rename the table: this worker stops, the others go on
                        stop = "42P01".equals(e.getSQLState()) || stop;
                    }
                    long took = System.nanoTime() - start;
                    int statementIndex = blockedBy;
                    if (statementIndex >= 0) {
                        blocked.merge(statementIndex, writer ? new long[] {took, 0} : new long[] {0, took},
                                (a, b) -> new long[] {Math.max(a[0], b[0]), Math.max(a[1], b[1])});
                        lastBlockedBy = statementIndex;
                        blockedBy = -1;
                    }
                }
            } catch (SQLException e) {
                LOG.debug("Trace load on {} stopped: {}", table, e.getMessage());
            }
        }

        private String firstColumn(String quoted) {
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT attname FROM pg_attribute WHERE attrelid = '" + quoted.replace("'", "''")
                            + "'::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum LIMIT 1")) {
                return rs.next() ? rs.getString(1) : null;
            } catch (SQLException e) {
                return null;
            }
        }
    }
}
