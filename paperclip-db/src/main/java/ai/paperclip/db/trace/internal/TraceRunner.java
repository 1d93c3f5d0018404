package ai.paperclip.db.trace.internal;

import ai.paperclip.db.PaperclipDbException;
import ai.paperclip.db.trace.StatementTrace;
import ai.paperclip.schema.lint.MigrationScript;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs pending changesets statement by statement on the trace's copy, with the {@link Load} on the tables
 * each statement names and the {@link LockMonitor} watching. After a statement in a transaction takes a
 * lock that blocks writes or reads, the transaction stays open until the load was seen waiting on it (at
 * most {@link #HOLD_LIMIT}): so a blocking statement is reported as blocking however fast it ran, and the
 * time reported is the writers' real wait (the statement plus the rest of its transaction).
 */
public final class TraceRunner implements AutoCloseable {

    static final Duration HOLD_LIMIT = Duration.ofSeconds(10);

    /** One pending changeset to trace. */
    public record Pending(String migration, MigrationScript.Changeset changeset) {
    }

    private final Connection migration;
    private final int migrationPid;
    private final Load load;
    private final LockMonitor monitor;
    private final List<Row> rows = new ArrayList<>();

    private record Row(String migration, String changeset, MigrationScript.Statement statement, List<String> locks,
            List<String> blocksWrites, List<String> blocksReads, List<String> rewritten, Duration took) {
    }

    public TraceRunner(Supplier<Connection> sessions) throws SQLException {
        this.migration = sessions.get();
        this.migrationPid = pid(migration);
        this.load = new Load(sessions);
        this.monitor = new LockMonitor(sessions.get(), migrationPid, load);
    }

    public List<StatementTrace> run(List<Pending> pending) throws SQLException, InterruptedException {
        for (Pending p : pending) {
            boolean tx = p.changeset().runInTransaction();
            migration.setAutoCommit(!tx);
            Map<String, String> held = new HashMap<>();
            for (MigrationScript.Statement statement : p.changeset().statements()) {
                run(p, statement, tx, held);
            }
            if (tx) {
                migration.commit();
            }
        }
        migration.setAutoCommit(true);
        monitor.close();
        load.close();
        List<StatementTrace> traces = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            long[] blocked = load.blocked(i);
            traces.add(new StatementTrace(r.migration(), r.changeset(), r.statement().line(),
                    r.statement().sql().replaceAll("\\s+", " "), r.locks(), r.blocksWrites(), r.blocksReads(),
                    Duration.ofNanos(blocked[0]), Duration.ofNanos(blocked[1]), r.rewritten(), r.took()));
        }
        return traces;
    }

    private void run(Pending p, MigrationScript.Statement statement, boolean tx, Map<String, String> held)
            throws SQLException {
        int index = rows.size();
        List<String> touched = touchedTables(statement.sql());
        load.cover(touched);
        Map<String, Long> before = fileNodes(touched);
        monitor.statement(index, !tx);
        long start = System.nanoTime();
        try (Statement s = migration.createStatement()) {
            s.execute(statement.sql());
        } catch (SQLException e) {
            if (tx) {
                migration.rollback();
            }
            throw new PaperclipDbException("The trace stopped at " + p.migration() + " line " + statement.line() + " ("
                    + p.changeset().qualifiedId() + "): " + e.getMessage() + ". The copy is dropped; nothing else changed.",
                    e.getSQLState(), e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Map<String, String> locks = new TreeMap<>();
        if (tx) {
            TableLocks.held(migration, migrationPid).forEach((table, mode) -> {
                if (!mode.equals(held.get(table)) && TableLocks.stronger(mode, held.getOrDefault(table, mode)).equals(mode)) {
                    locks.put(table, mode);
                }
                held.merge(table, mode, TableLocks::stronger);
            });
        } else {
            locks.putAll(monitor.sampledLocks());
        }
        List<String> writes = locks.entrySet().stream().filter(e -> TableLocks.blocksWrites(e.getValue()))
                .map(Map.Entry::getKey).filter(touched::contains).toList();
        List<String> reads = locks.entrySet().stream().filter(e -> TableLocks.blocksReads(e.getValue()))
                .map(Map.Entry::getKey).filter(touched::contains).toList();
        Map<String, Long> after = fileNodes(touched);
        List<String> rewritten = before.keySet().stream()
                .filter(t -> after.containsKey(t) && !after.get(t).equals(before.get(t))).sorted().toList();
        if (tx) {
            holdUntilSeen(index, writes, reads);
        }
        rows.add(new Row(p.migration(), p.changeset().qualifiedId(), statement,
                locks.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList(), writes, reads, rewritten, took));
    }

    private void holdUntilSeen(int index, List<String> writes, List<String> reads) {
        long deadline = System.nanoTime() + HOLD_LIMIT.toNanos();
        while (System.nanoTime() < deadline && !(writes.stream().allMatch(t -> load.seenBlocked(t, true, index))
                && reads.stream().allMatch(t -> load.seenBlocked(t, false, index)))) {
            LockSupport.parkNanos(1_000_000); // the load is running: it meets the lock within one operation
        }
    }

    /** The tables of the copy that {@code sql} names (as a whole word), which the load then covers. */
    private List<String> touchedTables(String sql) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = migration.createStatement(); ResultSet rs = s.executeQuery("SELECT relname FROM pg_class"
                + " WHERE relkind IN ('r', 'p') AND relnamespace = 'public'::regnamespace AND relname NOT LIKE 'databasechangelog%'")) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (Pattern.compile("(?i)(?<![\\w$])\"?" + Pattern.quote(table) + "\"?(?![\\w$])").matcher(sql).find()) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    private Map<String, Long> fileNodes(List<String> tables) throws SQLException {
        Map<String, Long> nodes = new HashMap<>();
        try (PreparedStatement q = migration.prepareStatement("SELECT relname, pg_relation_filenode(oid) FROM pg_class"
                + " WHERE relname = ANY (?) AND relnamespace = 'public'::regnamespace")) {
            q.setArray(1, migration.createArrayOf("text", tables.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    nodes.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return nodes;
    }

    private static int pid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Override
    public void close() throws Exception {
        monitor.close();
        load.close();
        migration.close();
    }
}
