package ai.paperclip.db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.testing.Db;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import ai.paperclip.db.testing.TestHistory;
import ai.paperclip.db.testing.Wait;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Two application instances starting at once on one empty database (threads, separate connections). */
@ExtendWith(SharedPostgres.class)
class ConcurrentStartupIT {

    private static final long GATE = 4242;

    @Test
    void createsTheSchemaOnceAndBothStart(PostgresServer server, @TempDir Path dir) throws Exception {
        String database = server.freshDatabase();
        DataSource inspect = server.superuserOn(database);
        // The first changeset waits on a lock the test holds, so both start-ups are surely in flight at once:
        // one inside the migration, the other waiting for the migration lock.
        TestHistory history = TestHistory.in(dir)
                .migration("0000_gated", "SELECT pg_advisory_xact_lock(" + GATE + ");\nCREATE TABLE gated_table (id int);")
                .migration("0001_next", "CREATE TABLE next_table (id int);");
        PaperclipDbOptions options = PaperclipDbOptions.builder().migrations(history.source())
                .migrationConsole(MigrationConsole.none()).build();
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try (Connection gate = inspect.getConnection(); Statement s = gate.createStatement()) {
            s.execute("select pg_advisory_lock(" + GATE + ")");
            List<Future<String>> starts = List.of(
                    executor.submit(() -> start(server.urlOf(database, "application_name=instance-a"), options)),
                    executor.submit(() -> start(server.urlOf(database, "application_name=instance-b"), options)));

            Wait.until("one instance in the gated changeset and the other waiting for the migration lock",
                    Duration.ofMinutes(2), () -> Db.column(inspect, "select objid from pg_locks where locktype = 'advisory'"
                            + " and not granted").size() == 2);
            s.execute("select pg_advisory_unlock(" + GATE + ")");

            assertThat(starts.get(0).get(2, TimeUnit.MINUTES)).isEqualTo("started");
            assertThat(starts.get(1).get(2, TimeUnit.MINUTES)).isEqualTo("started");
        } finally {
            executor.shutdownNow();
        }

        assertThat(Db.history(inspect)).containsExactly("test:0000_gated", "test:0001_next");
        assertThat(Db.value(inspect, "select count(*) from pg_tables where schemaname = 'public'"
                + " and tablename in ('gated_table', 'next_table')")).isEqualTo("2");
        assertThat(Db.tableExists(inspect, "databasechangeloglock")).isFalse();
        assertThat(Db.advisoryLocks(inspect)).isEmpty();
    }

    private static String start(String url, PaperclipDbOptions options) {
        try (PaperclipDb db = PaperclipDb.create(url, options)) {
            return db.dsl().fetchValue("select count(*) from next_table").equals(0L) ? "started" : "unexpected rows";
        }
    }
}
