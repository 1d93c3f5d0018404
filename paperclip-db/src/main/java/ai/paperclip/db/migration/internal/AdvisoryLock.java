package ai.paperclip.db.migration.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;

/**
 * The migration lock: a PostgreSQL session-level advisory lock on one fixed key, per database. It
 * belongs to the server session that took it, so it goes away with the session: a process killed
 * with SIGKILL leaves no lock row behind (unlike Liquibase's {@code databasechangeloglock} table).
 * Session locks need the same server session from lock to unlock, so they do not work through a
 * transaction-mode pooler: migrations use a direct connection.
 */
public final class AdvisoryLock {

    /** The key: the bytes of "paperclp". One lock per database for every migration source. */
    public static final long KEY = 0x7061_7065_7263_6C70L;

    private AdvisoryLock() {
    }

    public static boolean tryLock(Connection c) throws SQLException {
        return bool(c, "select pg_try_advisory_lock(" + KEY + ")");
    }

    /** Waits as long as it takes: the holder is alive (a dead holder's session and lock are gone). */
    public static void lock(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("select pg_advisory_lock(" + KEY + ")");
        }
    }

    /** Releases one hold of the lock by this session; false if it held none. */
    public static boolean unlock(Connection c) throws SQLException {
        return bool(c, "select pg_advisory_unlock(" + KEY + ")");
    }

    /** The server pid of the session holding the lock, if one does. */
    public static OptionalInt holder(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pid from pg_locks where locktype = 'advisory' and granted"
                     + " and database = (select oid from pg_database where datname = current_database())"
                     + " and classid = " + (KEY >>> 32) + " and objid = " + (KEY & 0xFFFF_FFFFL) + " and objsubid = 1")) {
            return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
        }
    }

    private static boolean bool(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
