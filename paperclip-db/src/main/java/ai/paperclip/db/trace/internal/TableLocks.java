package ai.paperclip.db.trace.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Table-level lock modes: reading them from {@code pg_locks}, ordering them, what each blocks. */
public final class TableLocks {

    /** Granted locks of one session on tables (not indexes), by table name. */
    static final String OF_PID = "SELECT c.relname, l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
            + " WHERE l.pid = ? AND l.granted AND l.locktype = 'relation' AND c.relkind IN ('r', 'p')"
            + " AND c.relnamespace <> 'pg_catalog'::regnamespace";

    /** PostgreSQL's table lock modes, weakest first. */
    private static final List<String> MODES = List.of("AccessShareLock", "RowShareLock", "RowExclusiveLock",
            "ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock");

    private TableLocks() {
    }

    static Map<String, String> read(PreparedStatement query) throws SQLException {
        Map<String, String> locks = new TreeMap<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                locks.merge(rs.getString(1), rs.getString(2), TableLocks::stronger);
            }
        }
        return locks;
    }

    /** The locks of the session running {@code query}'s pid parameter, by table. */
    public static Map<String, String> held(java.sql.Connection connection, int pid) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(OF_PID)) {
            query.setInt(1, pid);
            return read(query);
        }
    }

    static String stronger(String a, String b) {
        return MODES.indexOf(a) >= MODES.indexOf(b) ? a : b;
    }

    /** Whether a lock in {@code mode} makes INSERT, UPDATE and DELETE wait (conflicts with ROW EXCLUSIVE). */
    public static boolean blocksWrites(String mode) {
        return MODES.indexOf(mode) >= MODES.indexOf("ShareLock");
    }

    /** Whether a lock in {@code mode} makes SELECT wait (conflicts with ACCESS SHARE). */
    public static boolean blocksReads(String mode) {
        return mode.equals("AccessExclusiveLock");
    }
}
