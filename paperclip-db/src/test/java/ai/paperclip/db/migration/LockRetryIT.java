package ai.paperclip.db.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.db.testing.Db;
import ai.paperclip.db.testing.LogCapture;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import ai.paperclip.db.testing.TestHistory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A changeset that gives up on its lock_timeout is retried, bounded, with each retry logged; the migration
 * session has its own statement timeout. A second session holding a lock on the table is the long
 * transaction; it lets go from inside the listener's retry callback, so the order is fixed, not timed.
 */
@ExtendWith(SharedPostgres.class)
class LockRetryIT {

    private String url;
    private DataSource inspect;
    private TestHistory history;

    @BeforeEach
    void freshDatabase(PostgresServer server, @TempDir Path dir) {
        String database = server.freshDatabase();
        url = server.urlOf(database, null);
        inspect = server.superuserOn(database);
        history = TestHistory.in(dir).migration("0000_table", "CREATE TABLE t (id int);");
        migrator(MigrationTimeouts.defaults()).migrate();
        history.migration("0001_column", "SET LOCAL lock_timeout = '50ms';\nALTER TABLE t ADD COLUMN x int;");
    }

    @Test
    void retriesAChangesetThatHitItsLockTimeoutLogsItAndAppliesItOnceTheLockIsFree() throws Exception {
        try (Connection blocker = holdLock()) {
            List<String> retries = new CopyOnWriteArrayList<>();
            MigrationListener listener = new MigrationListener() {
                @Override
                public void retrying(String migration, String changeset, int retry, Duration wait) {
                    retries.add(migration + " " + changeset + " retry " + retry + " after " + wait.toMillis() + " ms");
                    release(blocker);
                }
            };
            MigrationResult result = migrator(new MigrationTimeouts(3, Duration.ofMillis(10), Duration.ZERO), listener).migrate();
            assertThat(result.applied()).containsExactly("0001_column");
            assertThat(retries).containsExactly("0001_column test:0001_column retry 1 after 10 ms");
        }
        assertThat(Db.history(inspect)).containsExactly("test:0000_table", "test:0001_column");
        assertThat(LogCapture.linesOf("ai.paperclip.db.migration.internal.LockRetry")).anySatisfy(line -> assertThat(line)
                .contains("Changeset test:0001_column of 0001_column gave up waiting for a lock")
                .contains("lock timeout").contains("retry 1 of 3 in 10 ms"));
    }

    @Test
    void givesUpAfterTheBoundedRetriesWithTheLockTimeoutError() throws Exception {
        List<Integer> retries = new CopyOnWriteArrayList<>();
        try (Connection blocker = holdLock()) {
            MigrationListener listener = new MigrationListener() {
                @Override
                public void retrying(String migration, String changeset, int retry, Duration wait) {
                    retries.add(retry);
                }
            };
            assertThatThrownBy(() -> migrator(new MigrationTimeouts(2, Duration.ofMillis(1), Duration.ZERO), listener).migrate())
                    .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo("55P03");
                        assertThat(e.migration()).isEqualTo("0001_column");
                    });
        }
        assertThat(retries).containsExactly(1, 2);
        assertThat(Db.history(inspect)).containsExactly("test:0000_table");
    }

    @Test
    void theMigrationSessionUsesItsOwnStatementTimeoutNotTheDatabasesDefaultForTheApplication() throws Exception {
        try (Connection c = inspect.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + c.getCatalog() + " SET statement_timeout = '1234ms'");
        }
        history.migration("0001_column", "CREATE TABLE seen AS SELECT current_setting('statement_timeout') AS v;");
        migrator(new MigrationTimeouts(0, Duration.ZERO, Duration.ofSeconds(7))).migrate();
        assertThat(DSL.using(inspect, org.jooq.SQLDialect.POSTGRES).fetchValue("select v from seen")).isEqualTo("7s");

        history.migration("0002_more", "CREATE TABLE seen_default AS SELECT current_setting('statement_timeout') AS v;");
        migrator(MigrationTimeouts.defaults()).migrate();
        assertThat(DSL.using(inspect, org.jooq.SQLDialect.POSTGRES).fetchValue("select v from seen_default")).isEqualTo("0");
    }

    @Test
    void rejectsOutOfRangeTimeoutsNamingTheSetting() {
        assertThatThrownBy(() -> new MigrationTimeouts(-1, Duration.ZERO, Duration.ZERO))
                .hasMessage("lockRetries must be 0 to 100, got -1");
        assertThatThrownBy(() -> new MigrationTimeouts(1, Duration.ofMinutes(1), Duration.ZERO))
                .hasMessage("firstBackoff must be 0 to 30s, got PT1M");
        assertThat(new MigrationTimeouts(9, Duration.ofSeconds(1), Duration.ZERO).backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(new MigrationTimeouts(9, Duration.ofSeconds(1), Duration.ZERO).backoff(9)).isEqualTo(MigrationTimeouts.MAX_BACKOFF);
    }

    private Migrator migrator(MigrationTimeouts timeouts) {
        return migrator(timeouts, MigrationListener.NONE);
    }

    private Migrator migrator(MigrationTimeouts timeouts, MigrationListener listener) {
        return Migrator.configure().url(url).migrations(history.source()).timeouts(timeouts).listener(listener).load();
    }

    /** A transaction that keeps an ACCESS SHARE lock on t, as a long-running read would. */
    private Connection holdLock() throws SQLException {
        Connection c = inspect.getConnection();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE t IN ACCESS SHARE MODE");
        }
        return c;
    }

    private static void release(Connection blocker) {
        try {
            blocker.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
