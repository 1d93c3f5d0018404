package ai.paperclip.db.migration.internal;

import ai.paperclip.db.migration.MigrationListener;
import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.db.migration.MigrationTimeouts;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link LiquibaseRunner#update} with the migration's own statement timeout, and again after a
 * changeset failed on its {@code lock_timeout} (SQLSTATE 55P03): that changeset rolled back whole, the
 * ones before it stay applied, so running the update again continues where it stopped. Bounded and backed
 * off by {@link MigrationTimeouts}; each retry is logged and told to the listener.
 */
public final class LockRetry {

    static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final Logger LOG = LoggerFactory.getLogger(LockRetry.class);

    private LockRetry() {
    }

    /** What was applied over all attempts, as {@link LiquibaseRunner#update} returns it. */
    public static List<String> update(Connection connection, List<MigrationSource> sources, MigrationListener listener,
            MigrationTimeouts timeouts) throws SQLException {
        List<String> applied = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            s.execute("SET statement_timeout = " + timeouts.statementTimeout().toMillis());
        }
        try {
            for (int retry = 1; ; retry++) {
                try {
                    applied.addAll(LiquibaseRunner.update(connection, sources, listener));
                    return applied;
                } catch (ChangesetFailure f) {
                    applied.addAll(f.appliedBefore());
                    if (!LOCK_NOT_AVAILABLE.equals(f.sqlState()) || !f.inTransaction() || retry > timeouts.lockRetries()) {
                        throw retry > 1 ? f.withAppliedBefore(applied) : f;
                    }
                    Duration wait = timeouts.backoff(retry);
                    LOG.warn("Changeset {} of {} gave up waiting for a lock ({}): retry {} of {} in {} ms", f.changeset(),
                            f.migration(), f.databaseMessage(), retry, timeouts.lockRetries(), wait.toMillis());
                    listener.retrying(f.migration(), f.changeset(), retry, wait);
                    pause(wait);
                }
            }
        } finally {
            try (Statement s = connection.createStatement()) {
                s.execute("RESET statement_timeout");
            }
        }
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry a migration", e);
        }
    }
}
