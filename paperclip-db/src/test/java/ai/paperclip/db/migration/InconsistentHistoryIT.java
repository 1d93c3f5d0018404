package ai.paperclip.db.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.testing.Db;
import ai.paperclip.db.testing.LogCapture;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import ai.paperclip.db.testing.TestHistory;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history that does not line up with the application's: an applied migration edited afterwards, changesets
 * a newer version recorded, a migration missing from the middle. Each at start-up, with start-up migrations
 * off, and through {@link Migrator}; on a fresh database each.
 */
@ExtendWith(SharedPostgres.class)
class InconsistentHistoryIT {

    private static final String A = "CREATE TABLE a (id int);";
    private static final String B = "CREATE TABLE b (id int);";
    private static final String C = "CREATE TABLE c (id int);";

    private String url;
    private DataSource inspect;
    private Path dir;

    @BeforeEach
    void freshDatabase(PostgresServer server, @TempDir Path dir) {
        String database = server.freshDatabase();
        this.url = server.urlOf(database, null);
        this.inspect = server.superuserOn(database);
        this.dir = dir;
    }

    @Test
    void refusesToStartOrMigrateWhenAnAppliedMigrationWasEditedAfterItWasCommitted() {
        TestHistory history = history("app").migration("0000_a", A).migration("0001_b", B).seal();
        start(options(history));
        history.migration("0001_b", "CREATE TABLE b (id bigint, note text);");
        String expected = "Refusing to migrate " + redacted() + ": migration 0001_b was edited after it was committed:"
                + " 0001_b.sql (" + dir.resolve("app") + ") does not match its checksum in meta/_journal.json: a committed"
                + " migration was edited. 0001_b is already applied there as committed then, so the edit would never run"
                + " and the schema would not be what this application expects. Nothing was changed. Restore the file as"
                + " it was committed and applied (git checkout, git log -- 0001_b.sql) and put the change in a new"
                + " migration (paperclip-migrate generate, --custom for hand-written SQL); paperclip-migrate check"
                + " --database reports the same in CI.";

        assertThatThrownBy(() -> start(options(history)))
                .isInstanceOf(MigrationRefusedException.class).hasMessage(expected)
                .hasMessageNotContaining(PostgresServer.PASSWORD).hasMessageNotContaining(PostgresServer.encoded(PostgresServer.PASSWORD));
        assertThatThrownBy(() -> start(options(history).migrate(false)))
                .isInstanceOf(MigrationRefusedException.class).hasMessage(expected);
        assertThatThrownBy(() -> migrator(history).migrate())
                .isInstanceOf(MigrationRefusedException.class).hasMessage(expected);
        assertThat(migrator(history).status().edited()).containsExactly("0001_b");
        assertThat(Db.history(inspect)).containsExactly("test:0000_a", "test:0001_b");
        assertThat(Db.column(inspect, "select column_name from information_schema.columns where table_name = 'b'"))
                .containsExactly("id");
    }

    @Test
    void aReSealedEditOfAnAppliedMigrationIsSeenByTheChecksumRecordedWhenItWasAppliedWithoutLiquibase() {
        TestHistory history = history("app").migration("0000_a", A).migration("0001_b", B).seal();
        start(options(history));
        // Edited AND its sha256 in meta/_journal.json updated: the file check alone says "intact".
        history.migration("0001_b", "CREATE TABLE b (id bigint, note text);").seal();

        MigrationStatus status = migrator(history).status();
        assertThat(status.upToDate()).isFalse();
        assertThat(status.edited()).containsExactly("0001_b");
        assertThat(status.problems()).singleElement().asString()
                .startsWith("0001_b.sql (" + dir.resolve("app") + ") was edited after it was applied: changeset"
                        + " test:0001_b was applied with checksum 9:")
                .contains("update databasechangelog set md5sum = null where id = '0001_b' and author = 'test'");
        for (ThrowingCallable run : List.<ThrowingCallable>of(() -> start(options(history)),
                () -> start(options(history).migrate(false)), () -> migrator(history).migrate())) {
            assertThatThrownBy(run).isInstanceOf(MigrationRefusedException.class)
                    .hasMessageStartingWith("Refusing to migrate " + redacted() + ": migration 0001_b was edited after"
                            + " it was committed: 0001_b.sql (")
                    .hasMessageContaining("was applied with checksum 9:").hasMessageContaining("Nothing was changed")
                    .hasMessageNotContaining(PostgresServer.encoded(PostgresServer.PASSWORD));
        }
        assertThat(Db.column(inspect, "select column_name from information_schema.columns where table_name = 'b'"))
                .containsExactly("id");
    }

    @Test
    void anEditedMigrationTheJournalDoesNotSealIsSeenOnTheFastPathAndCanBeAccepted() {
        TestHistory history = history("app").migration("0000_a", A);
        start(options(history));
        history.migration("0000_a", "-- a comment added after it was applied\n" + A).migration("0001_b", B);

        assertThatThrownBy(() -> start(options(history)))
                .isInstanceOf(MigrationRefusedException.class)
                .hasMessageStartingWith("Refusing to migrate " + redacted() + ": migration 0000_a was edited after it"
                        + " was committed: 0000_a.sql (" + dir.resolve("app") + ") was edited after it was applied:"
                        + " changeset test:0000_a was applied with checksum 9:")
                .hasMessageContaining("(repair, only for an edit that changes nothing in the schema: update"
                        + " databasechangelog set md5sum = null where id = '0000_a' and author = 'test')")
                .hasMessageNotContaining(PostgresServer.encoded(PostgresServer.PASSWORD));
        assertThat(Db.history(inspect)).containsExactly("test:0000_a");
        assertThat(Db.tableExists(inspect, "b")).isFalse();
        assertThatThrownBy(() -> start(options(history).migrate(false)))
                .isInstanceOf(MigrationRefusedException.class).hasMessageContaining("0000_a was edited");

        Db.execute(inspect, "update databasechangelog set md5sum = null where id = '0000_a' and author = 'test'");
        start(options(history));

        assertThat(Db.history(inspect)).containsExactly("test:0000_a", "test:0001_b");
        assertThat(Db.column(inspect, "select md5sum from databasechangelog where id = '0000_a'").get(0))
                .as("Liquibase recorded the accepted file's checksum").startsWith("9:");
        assertThat(migrator(history).status().upToDate()).isTrue();
    }

    @Test
    void startsWithAWarningOnADatabaseANewerVersionOfTheApplicationMigrated() {
        TestHistory newer = history("newer").migration("0000_a", A).migration("0001_b", B).migration("0002_c", C);
        start(options(newer));
        TestHistory older = history("older").migration("0000_a", A).migration("0001_b", B);

        start(PaperclipDbOptions.builder().migrationConsole(MigrationConsole.none()).migrations(older.source()));
        start(options(older).migrate(false));

        String warning = redacted() + " has changesets this application does not know: test:0002_c (0002_c.sql). A newer"
                + " version of the application (or of a history it includes) migrated it; starting anyway, as an older"
                + " instance does during a rolling deployment. If this version must stay, roll those changesets back"
                + " with the newer version's paperclip-migrate rollback.";
        assertThat(LogCapture.linesOf("ai.paperclip.db.internal.StartupMigrations"))
                .filteredOn(line -> line.contains(warning)).hasSize(2).allMatch(line -> line.contains("WARN"));
        MigrationStatus status = migrator(older).status();
        assertThat(status.upToDate()).isTrue();
        assertThat(status.unknown()).containsExactly("test:0002_c (0002_c.sql)");
        assertThat(migrator(older).migrate().applied()).isEmpty();
        assertThat(Db.history(inspect)).containsExactly("test:0000_a", "test:0001_b", "test:0002_c");
    }

    @Test
    void appliesAMigrationMissingFromTheMiddleOfTheHistoryAfterTheLaterOnes() {
        TestHistory branch = history("branch").migration("0000_a", A).migration("0002_c", C);
        start(options(branch));
        TestHistory merged = history("merged").migration("0000_a", A).migration("0001_b", B).migration("0002_c", C);
        MigrationStatus before = migrator(merged).status();
        assertThat(before.pending()).containsExactly("0001_b");
        assertThat(before.problems()).containsExactly("0002_c is applied but 0001_b before it is not (a gap, e.g. after a"
                + " branch merge): 0001_b applies after it");

        start(options(merged));

        assertThat(Db.history(inspect)).containsExactly("test:0000_a", "test:0002_c", "test:0001_b");
        assertThat(Db.tableExists(inspect, "b")).isTrue();
        assertThat(migrator(merged).status().upToDate()).isTrue();
        assertThat(LogCapture.linesOf("ai.paperclip.db.internal.StartupMigrations")).anyMatch(line -> line.contains("WARN")
                && line.contains("Migration history of " + redacted() + " looks inconsistent: 0002_c is applied but"
                + " 0001_b before it is not"));
    }

    @Test
    void refusesAGapWithoutConsentAndWithStartUpMigrationsOffNamingIt() {
        TestHistory branch = history("branch").migration("0000_a", A).migration("0002_c", C);
        start(options(branch));
        TestHistory merged = history("merged").migration("0000_a", A).migration("0001_b", B).migration("0002_c", C);
        String gap = "; 0002_c is applied but 0001_b before it is not (a gap, e.g. after a branch merge): 0001_b applies"
                + " after it";

        assertThatThrownBy(() -> start(PaperclipDbOptions.builder().migrationConsole(MigrationConsole.none())
                .migrations(merged.source())))
                .isInstanceOf(MigrationRefusedException.class)
                .hasMessageStartingWith("Refusing to start: 1 migration is pending (0001_b) on " + redacted()
                        + " (no terminal to ask and neither variable is set)" + gap + ", and the application must not run"
                        + " against an older schema.");
        assertThatThrownBy(() -> start(options(merged).migrate(false)))
                .isInstanceOf(MigrationRefusedException.class)
                .hasMessage("Refusing to start: 1 migration is pending (0001_b) on " + redacted() + " and start-up"
                        + " migrations are off (migrate(false))" + gap + ". Apply them first with paperclip-migrate"
                        + " migrate (or your deployment's migration step), then start again.");
        assertThat(Db.history(inspect)).containsExactly("test:0000_a", "test:0002_c");
    }

    private TestHistory history(String name) {
        return TestHistory.in(dir.resolve(name));
    }

    private Migrator migrator(TestHistory history) {
        return Migrator.configure().url(url).migrations(history.source()).load();
    }

    private static PaperclipDbOptions.Builder options(TestHistory history) {
        return PaperclipDbOptions.builder().migrationConsole(MigrationConsole.none()).migrationAutoApply(true)
                .migrations(history.source());
    }

    private void start(PaperclipDbOptions.Builder options) {
        try (PaperclipDb db = PaperclipDb.create(url, options.build())) {
            assertThat(db.health().serverVersionNum()).isPositive();
        }
    }

    private String redacted() {
        return url.replace(PostgresServer.encoded(PostgresServer.PASSWORD), "***");
    }
}
