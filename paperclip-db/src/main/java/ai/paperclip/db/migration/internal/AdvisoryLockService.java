package ai.paperclip.db.migration.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalInt;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.lockservice.LockService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liquibase's lock, taken as a PostgreSQL session advisory lock ({@link AdvisoryLock}) instead of a row in
 * {@code databasechangeloglock}: nothing survives a killed process, and the lock table is never created.
 * Registered through {@code META-INF/services}; it only answers inside a {@link LiquibaseRunner} scope, so
 * other Liquibase users in the same JVM keep Liquibase's standard lock.
 */
public final class AdvisoryLockService implements LockService {

    /** The Liquibase scope key that turns this service on. */
    public static final String SCOPE_KEY = "ai.paperclip.db.advisoryLock";

    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLockService.class);

    private Database database;
    private boolean held;

    @Override
    public int getPriority() {
        return PRIORITY_DATABASE; // above StandardLockService's PRIORITY_DEFAULT
    }

    @Override
    public boolean supports(Database database) {
        return database instanceof PostgresDatabase
                && Boolean.TRUE.equals(Scope.getCurrentScope().get(SCOPE_KEY, Boolean.class));
    }

    @Override
    public void setDatabase(Database database) {
        this.database = database;
    }

    @Override
    public void setChangeLogLockWaitTime(long changeLogLockWaitTime) {
        // The advisory lock waits on the server for as long as its holder lives.
    }

    @Override
    public void setChangeLogLockRecheckTime(long changeLogLockRecheckTime) {
        // Nothing is polled.
    }

    @Override
    public boolean hasChangeLogLock() {
        return held;
    }

    @Override
    public void waitForLock() {
        if (held) {
            return;
        }
        try {
            AdvisoryLock.lock(connection());
            held = true;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the migration lock (pg_advisory_lock): " + e.getMessage(), e);
        }
    }

    @Override
    public boolean acquireLock() {
        if (held) {
            return true;
        }
        try {
            held = AdvisoryLock.tryLock(connection());
            return held;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the migration lock (pg_try_advisory_lock): " + e.getMessage(), e);
        }
    }

    @Override
    public void releaseLock() {
        if (!held) {
            return;
        }
        try {
            AdvisoryLock.unlock(connection());
        } catch (SQLException e) {
            // The session ends with the connection, and the lock with it.
            LOG.warn("Could not release the migration lock ({}); it goes when the connection closes", e.getMessage());
        } finally {
            held = false;
        }
    }

    @Override
    public DatabaseChangeLogLock[] listLocks() {
        try {
            OptionalInt pid = AdvisoryLock.holder(connection());
            return pid.isEmpty() ? new DatabaseChangeLogLock[0]
                    : new DatabaseChangeLogLock[] {new DatabaseChangeLogLock(1, null, "backend pid " + pid.getAsInt())};
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list the migration lock: " + e.getMessage(), e);
        }
    }

    @Override
    public void forceReleaseLock() {
        // Another session's advisory lock cannot be released from here, and never needs to be: it ends with
        // its session. Releasing our own is releaseLock().
        releaseLock();
    }

    @Override
    public void reset() {
        held = false;
    }

    @Override
    public void init() {
        // No lock table to create.
    }

    @Override
    public void destroy() {
        // No lock table to drop.
    }

    private Connection connection() {
        return ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
    }
}
