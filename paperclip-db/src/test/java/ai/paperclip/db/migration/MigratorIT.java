package ai.paperclip.db.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.introspect.AffectedRows;
import ai.paperclip.db.testing.Db;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import ai.paperclip.db.testing.TestHistory;
import ai.paperclip.schema.migration.MigrationException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Migrator API the CLI builds on: status, migrate with a listener, rollback, markApplied, several sources. */
@ExtendWith(SharedPostgres.class)
class MigratorIT {

    private String url;
    private DataSource inspect;
    private TestHistory history;

    @BeforeEach
    void freshDatabase(PostgresServer server, @TempDir Path dir) {
        String database = server.freshDatabase();
        url = server.urlOf(database, null);
        inspect = server.superuserOn(database);
        history = TestHistory.in(dir)
                .migration("0000_a", "CREATE TABLE a (id int);\n--rollback DROP TABLE a;")
                .migration("0001_b", "CREATE TABLE b (id int);\n--rollback DROP TABLE b;")
                .migration("0002_c", "CREATE TABLE c (id int);\n--rollback DROP TABLE c;");
    }

    @Test
    void reportsStatusAppliesWithAListenerAndAppliesNothingTwice() {
        List<String> events = new ArrayList<>();
        Migrator migrator = Migrator.configure().url(url).migrations(history.source()).listener(new MigrationListener() {
            @Override
            public void beforeMigrate(MigrationStatus status) {
                events.add("before " + status.state() + " " + status.pending());
            }

            @Override
            public void applying(String migration, String changeset) {
                events.add("applying " + migration + " " + changeset);
            }

            @Override
            public void applied(String migration, String changeset, java.time.Duration took) {
                events.add("applied " + migration + " " + changeset);
            }
        }).load();
        assertThat(migrator.status().state()).isEqualTo(MigrationStatus.State.EMPTY);

        MigrationResult result = migrator.migrate();

        assertThat(result.applied()).containsExactly("0000_a", "0001_b", "0002_c");
        assertThat(events).containsExactly("before EMPTY [0000_a, 0001_b, 0002_c]", "applying 0000_a test:0000_a", "applied 0000_a test:0000_a",
                "applying 0001_b test:0001_b", "applied 0001_b test:0001_b",
                "applying 0002_c test:0002_c", "applied 0002_c test:0002_c");
        assertThat(migrator.status().upToDate()).isTrue();
        events.clear();
        assertThat(migrator.migrate().applied()).isEmpty();
        assertThat(events).as("nothing pending: the listener hears nothing").isEmpty();
    }

    @Test
    void aListenerThatRefusesBeforeMigrateLeavesTheDatabaseUntouched() {
        Migrator migrator = Migrator.configure().url(url).migrations(history.source()).listener(new MigrationListener() {
            @Override
            public void beforeMigrate(MigrationStatus status) {
                throw new MigrationRefusedException("Not now: " + status.pending().size() + " pending", status.pending());
            }
        }).load();

        assertThatThrownBy(migrator::migrate).isInstanceOf(MigrationRefusedException.class).hasMessage("Not now: 3 pending");
        assertThat(migrator.status().state()).isEqualTo(MigrationStatus.State.EMPTY);
        assertThat(Db.tableExists(inspect, "a")).isFalse();
    }

    @Test
    void rollsBackByCountAndToATag() {
        Migrator migrator = Migrator.configure().url(url).migrations(history.source()).load();
        migrator.migrate();

        migrator.rollback(1);
        assertThat(Db.history(inspect)).containsExactly("test:0000_a", "test:0001_b");
        assertThat(Db.tableExists(inspect, "c")).isFalse();

        migrator.rollbackTo("0000_a");
        assertThat(Db.history(inspect)).containsExactly("test:0000_a");
        assertThat(Db.tableExists(inspect, "b")).isFalse();
        assertThat(migrator.status().pending()).containsExactly("0001_b", "0002_c");
    }

    @Test
    void rollbackRefusesToDeleteRowsWithoutForceADryRunCountsThemAndForceUndoes() {
        Migrator migrator = Migrator.configure().url(url).migrations(history.source()).load();
        migrator.migrate();
        Db.execute(inspect, "insert into c values (1), (2), (3)");

        RollbackRefusedException refused = catchThrowableOfType(RollbackRefusedException.class,
                () -> migrator.rollback(1));
        assertThat(refused.getMessage()).contains("Refusing to roll back 0002_c").contains("drop table c: 3 rows deleted")
                .contains("Nothing was changed").contains("force");
        assertThat(refused.irreversible()).isFalse();
        assertThat(Db.history(inspect)).containsExactly("test:0000_a", "test:0001_b", "test:0002_c");
        assertThat(Db.tableExists(inspect, "c")).isTrue();

        RollbackPlan dryRun = migrator.rollbackTo("0000_a", RollbackOptions.builder().dryRun(true).build());
        assertThat(dryRun.applied()).isFalse();
        assertThat(dryRun.migrations()).containsExactly("0002_c", "0001_b");
        assertThat(dryRun.statements()).containsExactly("-- 0002_c", "DROP TABLE c", "-- 0001_b", "DROP TABLE b");
        assertThat(dryRun.affected()).extracting(AffectedRows::line).containsExactly("drop table c: 3 rows deleted");
        assertThat(Db.tableExists(inspect, "c")).isTrue();

        RollbackPlan forced = migrator.rollback(1, RollbackOptions.builder().force(true).build());
        assertThat(forced.applied()).isTrue();
        assertThat(Db.tableExists(inspect, "c")).isFalse();
        assertThat(Db.history(inspect)).containsExactly("test:0000_a", "test:0001_b");
    }

    @Test
    void marksMigrationsAppliedWithoutRunningThem() {
        Db.execute(inspect, "create table a (id int)");
        Db.execute(inspect, "alter table a owner to " + PostgresServer.USER);
        Migrator migrator = Migrator.configure().url(url).migrations(history.source()).load();
        assertThat(migrator.status().state()).isEqualTo(MigrationStatus.State.NOT_MANAGED);

        assertThat(migrator.markApplied("0000_a")).containsExactly("0000_a/test:0000_a");

        assertThat(Db.column(inspect, "select id || ' ' || exectype from databasechangelog")).containsExactly("0000_a MARK_RAN");
        MigrationStatus status = migrator.status();
        assertThat(status.state()).isEqualTo(MigrationStatus.State.PENDING);
        assertThat(status.pending()).containsExactly("0001_b", "0002_c");
    }

    @Test
    void appliesPaperclipsHistoryAndAHostsOwnOnAFirstStart(@TempDir Path hostDir) {
        TestHistory host = TestHistory.in(hostDir).migration("0000_host_tables",
                "CREATE TABLE host_orders (id uuid PRIMARY KEY, company_id uuid REFERENCES companies (id));");
        PaperclipDbOptions options = PaperclipDbOptions.builder().migrationConsole(MigrationConsole.none())
                .migrations(MigrationSource.paperclip(), host.source()).build();

        try (PaperclipDb db = PaperclipDb.create(url, options)) {
            assertThat(db.dsl().fetchValue("select count(*) from host_orders")).isEqualTo(0L);
        }
        assertThat(Db.history(inspect)).containsExactly("paperclip:0000_core_schema", "test:0000_host_tables");
    }

    @Test
    void appliesAClasspathHistoryThatTheClasspathListsTwice(@TempDir Path roots) throws Exception {
        // As a host whose manifest Class-Path repeats jars already on the classpath.
        Path first = copyTree(history.dir(), roots.resolve("one/db/history"));
        Path second = copyTree(history.dir(), roots.resolve("two/db/history"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {
                first.getParent().getParent().toUri().toURL(), second.getParent().getParent().toUri().toURL()}, null)) {
            Migrator migrator = Migrator.configure().url(url)
                    .migrations(MigrationSource.classpath(loader, "db/history")).load();

            migrator.migrate();

            assertThat(Db.history(inspect)).containsExactly("test:0000_a", "test:0001_b", "test:0002_c");
            assertThat(migrator.status().upToDate()).isTrue();
        }
    }

    private static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }

    @Test
    void refusesTwoSourcesThatDeclareTheSameChangeset(@TempDir Path other) {
        TestHistory copy = TestHistory.in(other).migration("0000_a", "CREATE TABLE a2 (id int);");

        assertThatThrownBy(() -> Migrator.configure().url(url).migrations(history.source(), copy.source()).load())
                .isInstanceOf(MigrationException.class)
                .hasMessage("Changeset test:0000_a in 0000_a.sql is declared by both " + history.dir() + " and "
                        + other + ": Liquibase records changesets by id, author and file name, so one would be taken"
                        + " for the other. Give your own history its own changeset author (paperclip-migrate generate --author"
                        + " <name>).");
    }
}
