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
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Every branch of the start-up policy (docs/migrations.md, "Start-up policy"), on a fresh database each. */
@ExtendWith(SharedPostgres.class)
class StartupPolicyIT {

    private final List<String> questions = new ArrayList<>();
    private PostgresServer server;
    private String database;
    private String url;
    private DataSource inspect;
    private TestHistory history;

    @BeforeEach
    void freshDatabase(PostgresServer server, @TempDir Path dir) {
        this.server = server;
        this.database = server.freshDatabase();
        this.url = server.urlOf(database, null);
        this.inspect = server.superuserOn(database);
        this.history = TestHistory.in(dir).migration("0000_first", "CREATE TABLE first_table (id int PRIMARY KEY);");
    }

    @Test
    void appliesPaperclipsWholeHistoryToAnEmptyDatabaseWithoutAsking() {
        PaperclipDbOptions options = PaperclipDbOptions.builder().migrationConsole(console("n")).build();

        try (PaperclipDb db = PaperclipDb.create(url, options)) {
            assertThat(db.dsl().fetchCount(ai.paperclip.db.jooq.Tables.COMPANIES)).isZero();
        }

        assertThat(questions).isEmpty();
        assertThat(Db.history(inspect)).containsExactly("paperclip:0000_core_schema");
        assertThat(Db.tableExists(inspect, "issues")).isTrue();
        assertThat(Db.tableExists(inspect, "databasechangeloglock")).as("Liquibase's lock table is never used").isFalse();
        assertThat(LogCapture.text()).contains("1 migration applied to " + server.urlOf(database, null)
                .replace(PostgresServer.encoded(PostgresServer.PASSWORD), "***"));
    }

    @Test
    void refusesADatabaseWithTablesButNoHistoryAndNamesTheAdoptCommand() {
        Db.execute(inspect, "create table legacy (id int)");

        assertThatThrownBy(() -> PaperclipDb.create(url, options().migrationAutoApply(true).build()))
                .isInstanceOf(MigrationRefusedException.class)
                .hasMessage("Refusing to migrate " + redacted() + ": it has tables (legacy) but no migration history"
                        + " (no rows in databasechangelog), so it was not made by these migrations or its history was"
                        + " lost. Nothing is guessed: run paperclip-migrate adopt to check its tables against the"
                        + " migrations and record them as applied, or point DATABASE_URL at an empty database.");
        assertThat(Db.tableExists(inspect, "first_table")).isFalse();
    }

    @Test
    void autoApplyAppliesPendingMigrationsOnADatabaseWithHistory() {
        startOnce();
        addSecondMigration();

        start(options().migrationAutoApply(true));

        assertThat(Db.history(inspect)).containsExactly("test:0000_first", "test:0001_second");
        assertThat(questions).isEmpty();
    }

    @Test
    void promptNeverAppliesWithoutAsking() {
        startOnce();
        addSecondMigration();

        start(options().migrationPrompt(MigrationPrompt.NEVER).migrationConsole(console("n")));

        assertThat(Db.history(inspect)).containsExactly("test:0000_first", "test:0001_second");
        assertThat(questions).isEmpty();
    }

    @Test
    void asksAtAnInteractiveTerminalAndAppliesOnYes() {
        startOnce();
        addSecondMigration();
        history.migration("0002_third", "CREATE TABLE third_table (id int);");

        start(options().migrationConsole(console(" YES ")));

        assertThat(questions).containsExactly("Apply 2 pending migrations (0001_second, 0002_third) now? (y/N)");
        assertThat(Db.history(inspect)).containsExactly("test:0000_first", "test:0001_second", "test:0002_third");
    }

    @Test
    void appliesOnY() {
        startOnce();
        addSecondMigration();

        start(options().migrationConsole(console("y")));

        assertThat(questions).containsExactly("Apply 1 pending migration (0001_second) now? (y/N)");
        assertThat(Db.tableExists(inspect, "second_table")).isTrue();
    }

    @Test
    void refusesWhenTheAnswerIsNotYes() {
        startOnce();
        addSecondMigration();

        for (String answer : List.of("n", "", "yep")) {
            assertThatThrownBy(() -> start(options().migrationConsole(console(answer))))
                    .isInstanceOf(MigrationRefusedException.class)
                    .hasMessageStartingWith("Refusing to start: 1 migration is pending (0001_second) on " + redacted()
                            + " (the answer was '" + answer + "', not y or yes)");
        }
        assertThat(Db.history(inspect)).containsExactly("test:0000_first");
        assertThat(Db.tableExists(inspect, "second_table")).isFalse();
    }

    @Test
    void refusesWithoutATerminalNamingThePendingMigrationsTheCommandAndTheVariables() {
        startOnce();
        addSecondMigration();

        assertThatThrownBy(() -> start(options()))
                .isInstanceOfSatisfying(MigrationRefusedException.class,
                        e -> assertThat(e.pending()).containsExactly("0001_second"))
                .hasMessage("Refusing to start: 1 migration is pending (0001_second) on " + redacted() + " (no terminal"
                        + " to ask and neither variable is set), and the application must not run against an older"
                        + " schema. Apply them with paperclip-migrate migrate, or set PAPERCLIP_MIGRATION_AUTO_APPLY=true"
                        + " (or PAPERCLIP_MIGRATION_PROMPT=never) to apply them at start-up, or start at a terminal to"
                        + " be asked.");
        assertThat(Db.history(inspect)).containsExactly("test:0000_first");
    }

    @Test
    void theEnvironmentEdgeTurnsOnAutoApply() {
        startOnce();
        addSecondMigration();

        start(PaperclipDbOptions.builder().environment(java.util.Map.of("PAPERCLIP_MIGRATION_AUTO_APPLY", "true"))
                .migrationConsole(MigrationConsole.none()).migrations(history.source()));

        assertThat(Db.history(inspect)).containsExactly("test:0000_first", "test:0001_second");
    }

    @Test
    void withMigrationsOffStartsOnAnUpToDateSchemaAndRefusesAStaleOne() {
        startOnce();
        start(options().migrate(false)); // up to date: starts
        addSecondMigration();

        assertThatThrownBy(() -> start(options().migrate(false).migrationAutoApply(true)))
                .isInstanceOf(MigrationRefusedException.class)
                .hasMessage("Refusing to start: 1 migration is pending (0001_second) on " + redacted() + " and start-up"
                        + " migrations are off (migrate(false)). Apply them first with paperclip-migrate migrate (or your"
                        + " deployment's migration step), then start again.");
        assertThat(Db.history(inspect)).containsExactly("test:0000_first");
    }

    @Test
    void withMigrationsOffAnEmptyDatabaseIsRefusedToo() {
        assertThatThrownBy(() -> start(options().migrate(false)))
                .isInstanceOf(MigrationRefusedException.class)
                .hasMessageContaining("1 migration is pending (0000_first)");
        assertThat(Db.tableExists(inspect, "databasechangelog")).isFalse();
    }

    @Test
    void usesTheMigrationUrlForMigrations() {
        String migrationUrl = server.urlOf(database, "application_name=direct-migrator");
        history.migration("0000_first", "CREATE TABLE seen_by AS SELECT current_setting('application_name') AS name;");

        start(options().migrationUrl(migrationUrl));

        assertThat(Db.value(inspect, "select name from seen_by")).isEqualTo("direct-migrator");
    }

    private void startOnce() {
        start(options());
        assertThat(Db.history(inspect)).containsExactly("test:0000_first");
    }

    private void addSecondMigration() {
        history.migration("0001_second", "CREATE TABLE second_table (id int);");
    }

    private void start(PaperclipDbOptions.Builder options) {
        try (PaperclipDb db = PaperclipDb.create(url, options.build())) {
            assertThat(db.health().serverVersionNum()).isPositive();
        }
    }

    private PaperclipDbOptions.Builder options() {
        return PaperclipDbOptions.builder().migrationConsole(MigrationConsole.none()).migrations(history.source());
    }

    private String redacted() {
        return url.replace(PostgresServer.encoded(PostgresServer.PASSWORD), "***");
    }

    private MigrationConsole console(String answer) {
        return new MigrationConsole() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public String ask(String question) {
                questions.add(question);
                return answer;
            }
        };
    }
}
