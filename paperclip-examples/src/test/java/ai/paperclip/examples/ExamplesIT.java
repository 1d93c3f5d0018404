package ai.paperclip.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.db.testing.PgBouncer;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.examples.demo.CompanyTour;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples that need a server of their own, run as their {@code main} would run them, with the
 * environment a user would set: a PostgreSQL 17 the test starts (an application role with a password full
 * of URL-reserved characters), reached through {@code postgres://} URLs, and a real PgBouncer in
 * transaction mode in front of it.
 */
class ExamplesIT {

    @TempDir
    static Path directory;

    private static PostgresServer server;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start("paperclip.test.postgres17.jar");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void externalDatabaseMigratesAnEmptyDatabaseAndRunsTheTourWithoutPrintingThePassword() throws SQLException {
        String database = server.freshDatabase();
        Instances.Output out = new Instances.Output();

        ExternalDatabase.run(Map.of("DATABASE_URL", server.urlOf(database, null), "DATABASE_POOL_MAX", "4"), out.stream);
        ExternalDatabase.run(Map.of("DATABASE_URL", server.urlOf(database, null)), out.stream);

        assertThat(out.text()).contains("DATABASE_URL (environment): postgres://paperclip_app:***@127.0.0.1:",
                "Added issues ACM-1, ACM-2, ACM-3.", "Added issues ACM-4, ACM-5, ACM-6.", "PostgreSQL 17.",
                "the pool holds").doesNotContain(PostgresServer.PASSWORD, PostgresServer.encoded(PostgresServer.PASSWORD));
        assertThat(strings(database, "select identifier from issues order by issue_number"))
                .containsExactly("ACM-1", "ACM-2", "ACM-3", "ACM-4", "ACM-5", "ACM-6");
        assertThat(strings(database, "select count(*) from companies")).containsExactly("1");
    }

    @Test
    void externalDatabaseSaysWhatToSetWhenDatabaseUrlIsMissing() {
        assertThatThrownBy(() -> ExternalDatabase.run(Map.of(), new Instances.Output().stream))
                .hasMessageContaining("DATABASE_URL is not set")
                .hasMessageContaining("postgres://paperclip:paperclip@localhost:5432/paperclip");
    }

    @Test
    void behindAPoolerQueriesThroughPgBouncerInTransactionModeAndMigratesOverTheDirectUrl() throws Exception {
        try (PgBouncer pgBouncer = PgBouncer.start(server, Files.createDirectories(directory.resolve("pgbouncer")))) {
            Map<String, String> env = Map.of(
                    "DATABASE_URL", pgBouncer.url("paperclip"),
                    "DATABASE_PREPARED_STATEMENTS", "false",
                    "DATABASE_MIGRATION_URL", server.url());
            Instances.Output out = new Instances.Output();

            CompanyTour.Outcome first = BehindAPooler.run(env, out.stream);
            CompanyTour.Outcome second = BehindAPooler.run(env, out.stream);

            assertThat(first.issuesAdded()).containsExactly("ACM-1", "ACM-2", "ACM-3");
            assertThat(second.issuesAdded()).containsExactly("ACM-4", "ACM-5", "ACM-6");
            assertThat(out.text())
                    .contains("Queries via the pooler, DATABASE_URL (environment): postgres://paperclip_app:***@127.0.0.1:"
                            + pgBouncer.port() + "/paperclip")
                    .contains("DATABASE_MIGRATION_URL (the URL given: postgres://paperclip_app:***@127.0.0.1:"
                            + server.port() + "/paperclip)")
                    .doesNotContain(PostgresServer.encoded(PostgresServer.PASSWORD));
            assertThat(strings("paperclip", "select id from databasechangelog")).containsExactly("0000_core_schema");
            assertThat(strings("paperclip", "select count(*) from issues")).containsExactly("6");
        }
    }

    @Test
    void behindAPoolerRefusesPreparedStatementsAndAMissingMigrationUrl() {
        String pooled = "postgres://app:secret@pooler.example.com:6543/postgres";
        assertThatThrownBy(() -> BehindAPooler.run(Map.of("DATABASE_URL", pooled), new Instances.Output().stream))
                .hasMessageContaining("Set DATABASE_PREPARED_STATEMENTS=false");
        assertThatThrownBy(() -> BehindAPooler.run(Map.of("DATABASE_URL", pooled, "DATABASE_PREPARED_STATEMENTS", "false"),
                new Instances.Output().stream))
                .hasMessageContaining("DATABASE_MIGRATION_URL is not set");
    }

    @Test
    void ownTablesGeneratesTheHostsMigrationAndAppliesItAfterPaperclipsOwn() throws Exception {
        String database = server.freshDatabase();
        Path migrations = directory.resolve("billing-migrations");
        Map<String, String> env = Map.of("DATABASE_URL", server.urlOf(database, null),
                "BILLING_MIGRATIONS_DIR", migrations.toString());
        Instances.Output out = new Instances.Output();

        assertThat(OwnTables.run(env, out.stream)).isEqualTo(1);
        assertThat(OwnTables.run(env, out.stream)).isEqualTo(2);

        Path sql = migrations.resolve("0000_create_invoices.sql");
        assertThat(out.text()).contains("Generated " + sql, "No schema change: " + migrations + " is up to date.",
                "Acme Robotics has 2 invoices, 2500.00 EUR in all");
        assertThat(Files.readString(sql)).contains("--changeset billing:0000_create_invoices", "CREATE TABLE",
                "REFERENCES companies(id) ON DELETE CASCADE").doesNotContain("CREATE TABLE companies");
        assertThat(strings(database, "select author || ':' || id from databasechangelog order by orderexecuted"))
                .containsExactly("paperclip:0000_core_schema", "billing:0000_create_invoices");
        assertThat(strings(database, "select number from invoices order by number")).containsExactly("ACM-INV-1", "ACM-INV-2");
    }

    private static List<String> strings(String database, String sql) throws SQLException {
        try (Connection c = server.superuserOn(database).getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
