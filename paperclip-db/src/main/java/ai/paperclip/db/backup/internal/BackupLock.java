package ai.paperclip.db.backup.internal;

import ai.paperclip.db.backup.BackupInProgressException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Two backups (or a backup and a restore) of one database never overlap, across processes and machines: each
 * holds a PostgreSQL session advisory lock on this key for its whole run. Advisory locks are per database and
 * die with their session, so a backup killed with SIGKILL leaves no lock behind (a lock file could be left
 * stale). The key differs from the migration lock's: a backup may run while the application migrates.
 */
public final class BackupLock {

    /** The bytes of "pcbackup". */
    public static final long KEY = 0x7063_6261_636B_7570L;

    /**
     * The bytes of "pcbkschd": held by the one scheduler (among several application instances on one database)
     * that runs the scheduled backups. The same mechanism as the backup lock, held longer: it dies with the
     * leader's session, and the next instance to tick takes over.
     */
    public static final long SCHEDULER_KEY = 0x7063_626B_7363_6864L;

    private BackupLock() {
    }

    /** Takes the lock or says who holds it. */
    public static void acquire(Connection c, String where) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")")) {
            rs.next();
            if (rs.getBoolean(1)) {
                return;
            }
        }
        String holder = "unknown";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT l.pid, a.application_name"
                + " FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory'"
                + " AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND l.classid = " + (KEY >>> 32) + " AND l.objid = " + (KEY & 0xFFFF_FFFFL))) {
            if (rs.next()) {
                holder = "server pid " + rs.getInt(1) + (rs.getString(2) == null ? "" : ", " + rs.getString(2));
            }
        }
        throw new BackupInProgressException("Another backup or restore of " + where + " is running (" + holder
                + "). Wait for it to finish; two never run at once on one database.");
    }

    /** Takes the scheduler lock if free (or already ours); never waits. */
    public static boolean trySchedulerLock(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock("
                + SCHEDULER_KEY + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    public static void release(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_unlock(" + KEY + ")");
        }
    }
}
