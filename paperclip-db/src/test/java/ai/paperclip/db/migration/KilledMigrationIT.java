package ai.paperclip.db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.migration.internal.FastApply;
import ai.paperclip.db.testing.ChildJvm;
import ai.paperclip.db.testing.Db;
import ai.paperclip.db.testing.MigrateMain;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import ai.paperclip.db.testing.TestHistory;
import ai.paperclip.db.testing.Wait;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migrating process killed with SIGKILL (a child JVM): the next start-up finishes the work, with no
 * lock or half-applied changeset to clean up by hand. The histories are plain SQL, so the child applies them
 * without Liquibase ({@code FastApply}); these are the outcomes the same kills had under Liquibase.
 */
@ExtendWith(SharedPostgres.class)
class KilledMigrationIT {

    private static final String CHILD = "killed-migrator";

    @Test
    @Timeout(180) // guards a hang: without the client connection check the dead session would sleep an hour
    void aStartAfterAKillMidStatementFinishesTheMigration(PostgresServer server, @TempDir Path dir) throws Exception {
        String database = server.freshDatabase();
        DataSource inspect = server.superuserOn(database);
        // The changeset creates a table, then sleeps for an hour, but only in the child (by application_name).
        TestHistory history = TestHistory.in(dir.resolve("history"))
                .migration("0000_first", "CREATE TABLE first_table (id int);")
                .migration("0001_slow", "CREATE TABLE slow_table (id int);\n"
                        + "SELECT CASE WHEN current_setting('application_name') = '" + CHILD + "' THEN pg_sleep(3600) END;");
        assertAppliedWithoutLiquibase(server, database, history);

        try (ChildJvm child = ChildJvm.start(dir.resolve("child.log"), List.of(), MigrateMain.class,
                server.urlOf(database, "application_name=" + CHILD), history.dir().toString())) {
            Wait.until("the child to be inside pg_sleep", Duration.ofMinutes(2), () -> !Db.column(inspect,
                    "select pid from pg_stat_activity where application_name = '" + CHILD + "' and state = 'active'"
                            + " and query like '%pg_sleep%'").isEmpty());
            assertThat(Db.advisoryLocks(inspect)).as("the child holds the migration lock").hasSize(1);

            child.kill9();
        }

        Wait.until("the killed child's server session to end", Duration.ofMinutes(1), () -> Db.column(inspect,
                "select pid from pg_stat_activity where application_name = '" + CHILD + "'").isEmpty());
        assertThat(Db.advisoryLocks(inspect)).as("nothing to release by hand").isEmpty();
        assertThat(Db.tableExists(inspect, "slow_table")).as("the killed changeset was rolled back").isFalse();
        assertThat(Db.history(inspect)).containsExactly("test:0000_first");

        start(server.urlOf(database, null), history);

        assertThat(Db.history(inspect)).containsExactly("test:0000_first", "test:0001_slow");
        assertThat(Db.tableExists(inspect, "slow_table")).isTrue();
        assertThat(Db.tableExists(inspect, "databasechangeloglock")).isFalse();
        assertThat(Db.advisoryLocks(inspect)).isEmpty();
    }

    @Test
    @Timeout(180)
    void aKillBetweenAChangesetAndItsHistoryRowLeavesNeither(PostgresServer server, @TempDir Path dir) throws Exception {
        String database = server.freshDatabase();
        DataSource inspect = server.superuserOn(database);
        TestHistory history = TestHistory.in(dir.resolve("history")).migration("0000_first", "CREATE TABLE first_table (id int);");
        start(server.urlOf(database, null), history);
        history.migration("0001_second", "CREATE TABLE second_table (id int);");
        assertAppliedWithoutLiquibase(server, database, history);

        // Hold the history table so the child's INSERT of its history row waits: the changeset has run by then.
        try (Connection blocker = inspect.getConnection(); Statement s = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            s.execute("lock table databasechangelog in exclusive mode");
            try (ChildJvm child = ChildJvm.start(dir.resolve("child.log"), List.of(), MigrateMain.class,
                    server.urlOf(database, "application_name=" + CHILD), history.dir().toString())) {
                Wait.until("the child's history insert to wait on the table lock", Duration.ofMinutes(2), () -> !Db.column(
                        inspect, "select pid from pg_stat_activity where application_name = '" + CHILD + "'"
                                + " and wait_event_type = 'Lock' and query ilike 'insert into%databasechangelog%'").isEmpty());
                assertThat(Db.tableExists(inspect, "second_table"))
                        .as("the changeset is not committed before its history row").isFalse();

                child.kill9();
            }
            blocker.rollback();
        }

        Wait.until("the killed child's server session to end", Duration.ofMinutes(1), () -> Db.column(inspect,
                "select pid from pg_stat_activity where application_name = '" + CHILD + "'").isEmpty());
        assertThat(Db.tableExists(inspect, "second_table")).isFalse();
        assertThat(Db.history(inspect)).containsExactly("test:0000_first");

        start(server.urlOf(database, null), history);

        assertThat(Db.history(inspect)).containsExactly("test:0000_first", "test:0001_second");
        assertThat(Db.tableExists(inspect, "second_table")).isTrue();
    }

    /** The child applies this history without Liquibase (FastApply), so the kill is proven on that path. */
    private static void assertAppliedWithoutLiquibase(PostgresServer server, String database, TestHistory history)
            throws Exception {
        try (Connection c = server.superuserOn(database).getConnection()) {
            assertThat(FastApply.whyNot(c, List.of(history.source()), List.of(history.source().read()))).isEmpty();
        }
    }

    private static void start(String url, TestHistory history) {
        PaperclipDbOptions options = PaperclipDbOptions.builder().migrations(history.source()).migrationAutoApply(true)
                .migrationConsole(MigrationConsole.none()).build();
        try (PaperclipDb db = PaperclipDb.create(url, options)) {
            assertThat(db.health().poolMax()).isPositive();
        }
    }
}
