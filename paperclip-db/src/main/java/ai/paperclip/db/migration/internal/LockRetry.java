package ai.paperclip.db.migration.internal;

import ai.paperclip.db.migration.MigrationListener;
import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.db.migration.MigrationTimeouts;
import ai.paperclip.schema.migration.CommittedMigrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link FastApply#update} (or {@link LiquibaseRunner#update} when {@link FastApply#whyNot} says so) with the migration's own statement timeout, and again after a
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
    public static List<String> update(Connection connection, List<MigrationSource> sources,
            List<CommittedMigrations> histories, MigrationListener listener, MigrationTimeouts timeouts)
            throws SQLException {
        List<String> applied = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            s.execute("SET statement_timeout = " + timeouts.statementTimeout().toMillis());
        }
        try {
            // Decided once per run, before anything is applied: the same path for every attempt.
            Optional<String> needsLiquibase = FastApply.whyNot(connection, sources, histories);
            if (needsLiquibase.isPresent()) {
                LOG.debug("Applying with Liquibase: {}", needsLiquibase.get());
            } else {
                LOG.debug("Applying without Liquibase: every changeset is plain SQL and the history table is as"
                        + " Liquibase 4.33 writes it");
            }
            for (int retry = 1; ; retry++) {
                try {
                    applied.addAll(needsLiquibase.isPresent() ? LiquibaseRunner.update(connection, sources, listener)
                            : FastApply.update(connection, histories, listener));
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
