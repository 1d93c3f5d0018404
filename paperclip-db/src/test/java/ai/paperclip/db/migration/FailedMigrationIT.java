package ai.paperclip.db.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.testing.Db;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import ai.paperclip.db.testing.TestHistory;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A migration failing halfway: earlier ones stay, the error names it, the fixed rerun succeeds. */
@ExtendWith(SharedPostgres.class)
class FailedMigrationIT {

    @Test
    void keepsEarlierMigrationsNamesTheFailingOneAndSucceedsOnceFixed(PostgresServer server, @TempDir Path dir) {
        String database = server.freshDatabase();
        String url = server.urlOf(database, null);
        DataSource inspect = server.superuserOn(database);
        TestHistory history = TestHistory.in(dir)
                .migration("0000_first", "CREATE TABLE first_table (id int);")
                .migration("0001_broken", "CREATE TABLE half_table (id int);\nINSERT INTO missing_table VALUES (1);")
                .migration("0002_after", "CREATE TABLE after_table (id int);");
        PaperclipDbOptions options = PaperclipDbOptions.builder().migrations(history.source())
                .migrationConsole(MigrationConsole.none()).build();
        String redacted = url.replace(PostgresServer.encoded(PostgresServer.PASSWORD), "***");

        assertThatThrownBy(() -> PaperclipDb.create(url, options).close())
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.migration()).isEqualTo("0001_broken");
                    assertThat(e.changeset()).isEqualTo("test:0001_broken");
                    assertThat(e.statement()).isEqualTo("INSERT INTO missing_table VALUES (1)");
                    assertThat(e.sqlState()).isEqualTo("42P01");
                })
                .hasMessageStartingWith("Migration 0001_broken failed in changeset test:0001_broken and was rolled back; "
                        + redacted + " stays at the last good migration, 0000_first. Statement: INSERT INTO missing_table"
                        + " VALUES (1). PostgreSQL: ERROR: relation \"missing_table\" does not exist")
                .hasMessageEndingWith("[SQLSTATE 42P01]. Fix the migration and start again (if it was already applied"
                        + " elsewhere, write a new migration instead).")
                .hasMessageNotContaining(PostgresServer.PASSWORD);

        assertThat(Db.history(inspect)).containsExactly("test:0000_first");
        assertThat(Db.tableExists(inspect, "first_table")).isTrue();
        assertThat(Db.tableExists(inspect, "half_table")).as("the failed changeset's first statement").isFalse();
        assertThat(Db.tableExists(inspect, "after_table")).isFalse();

        history.migration("0001_broken", "CREATE TABLE half_table (id int);\nINSERT INTO half_table VALUES (1);");
        PaperclipDbOptions fixed = PaperclipDbOptions.builder().migrations(history.source()).migrationAutoApply(true)
                .migrationConsole(MigrationConsole.none()).build();
        try (PaperclipDb db = PaperclipDb.create(url, fixed)) {
            assertThat(db.dsl().fetchValue("select count(*) from half_table")).isEqualTo(1L);
        }
        assertThat(Db.history(inspect)).containsExactly("test:0000_first", "test:0001_broken", "test:0002_after");
    }
}
