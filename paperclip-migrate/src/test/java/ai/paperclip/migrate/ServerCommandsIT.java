package ai.paperclip.migrate;

import static ai.paperclip.migrate.GenerateAndCheckTest.V1;
import static ai.paperclip.migrate.GenerateAndCheckTest.V2;
import static ai.paperclip.migrate.GenerateAndCheckTest.V3;
import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.embedded.junit.EmbeddedPostgresExtension;
import ai.paperclip.embedded.junit.TestDatabase;
import ai.paperclip.migrate.testing.Cli;
import ai.paperclip.migrate.testing.Cli.Run;
import ai.paperclip.migrate.testing.EmbeddedHome;
import ai.paperclip.schema.ddl.PostgresDdl;
import ai.paperclip.schema.core.PaperclipSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands against a server named by DATABASE_URL (one PostgreSQL 18 of paperclip-embedded's test
 * extension, a fresh database per test), connecting as a role whose password the output must never show.
 */
class ServerCommandsIT {

    private static final String USER = "cli_user";
    private static final String PASSWORD = "Not-To-Be-Printed-7f3c";

    @RegisterExtension
    static final EmbeddedPostgresExtension PG = EmbeddedPostgresExtension.builder().perMethod().build();

    @TempDir
    Path folder;

    private Map<String, String> env(TestDatabase db) throws SQLException {
        try (Connection c = db.openConnection(); Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN CREATE ROLE " + USER + " LOGIN SUPERUSER PASSWORD '" + PASSWORD + "';"
                    + " EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        }
        return Map.of("DATABASE_URL", "postgres://" + USER + ":" + PASSWORD + "@" + db.host() + ":" + db.port() + "/"
                + db.name());
    }

    private static Run run(Map<String, String> env, String... args) {
        Run run = Cli.run(env, args);
        assertThat(run.all()).as("output of %s", String.join(" ", args)).doesNotContain(PASSWORD);
        return run;
    }

    private static void sql(TestDatabase db, String... statements) throws SQLException {
        try (Connection c = db.openConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static List<String> columns(TestDatabase db, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection c = db.openConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
                     + " AND table_name = '" + table + "' ORDER BY ordinal_position")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        return columns;
    }

    private void generate(String schema, String name) {
        Run run = Cli.run(Map.of(), "generate", "--schema", schema, "--out", folder.toString(), "--name", name);
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void migrateAndStatusNameTheSourceWithThePasswordMaskedEvenWithVerbose(TestDatabase db) throws SQLException {
        Map<String, String> env = env(db);
        Run migrate = run(env, "migrate", "--verbose");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.out()).startsWith("Migrating database via DATABASE_URL (environment): postgres://" + USER
                + ":***@" + db.host() + ":" + db.port() + "/" + db.name());
        Run status = run(env, "status", "--json", "--verbose");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("\"upToDate\" : true").contains(USER + ":***@");
        assertThat(run(env, "doctor", "--verbose").exitCode()).isZero();
        assertThat(run(env, "push", "--dry-run", "--verbose").exitCode()).isZero();
        assertThat(run(env, "adopt", "--verbose").exitCode()).isZero();
    }

    @Test
    void aWrongPasswordIsOneLineNamingTheFixWithoutThePassword(TestDatabase db) throws SQLException {
        env(db);
        Map<String, String> wrong = Map.of("DATABASE_URL", "postgres://" + USER + ":" + PASSWORD + "-wrong@" + db.host()
                + ":" + db.port() + "/" + db.name());
        Run status = run(wrong, "status");
        assertThat(status.exitCode()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(status.err().lines().toList()).hasSize(1);
        assertThat(status.err()).startsWith("Error: ").contains("password authentication failed").contains("28P01");
        Run verbose = run(wrong, "migrate", "--verbose");
        assertThat(verbose.exitCode()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(verbose.err()).contains("at ai.paperclip.");
    }

    @Test
    void migrationsGoThroughDatabaseMigrationUrlWhenItIsSet(TestDatabase db) throws SQLException {
        Map<String, String> env = new java.util.HashMap<>(env(db));
        env.put("DATABASE_URL", "postgres://" + USER + ":" + PASSWORD + "@" + db.host() + ":1/" + db.name());
        env.put("DATABASE_MIGRATION_URL", "postgres://" + USER + ":" + PASSWORD + "@" + db.host() + ":" + db.port() + "/"
                + db.name());
        Run migrate = run(env, "migrate");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.out()).startsWith("Migrating database via DATABASE_MIGRATION_URL: postgres://" + USER + ":***@");
    }

    @Test
    void pushPrintsTheSqlRefusesDataLossWithoutForceAndWarnsThatItRecordsNoHistory(TestDatabase db) throws SQLException {
        Map<String, String> env = env(db);
        Run create = run(env, "push", "--schema", V1);
        assertThat(create.exitCode()).as(create.toString()).isZero();
        assertThat(create.out()).contains("CREATE TABLE notes");
        assertThat(create.err()).contains("push records no migration history").contains("adopt");
        sql(db, "INSERT INTO notes (body) VALUES ('one'), ('two')");

        Run refused = run(env, "push", "--schema", V3);
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.PUSH_REFUSED.code()).isEqualTo(20);
        assertThat(refused.out()).contains("ALTER TABLE notes DROP COLUMN body;");
        assertThat(refused.err()).contains("drop column notes.body: 2 non-null values deleted").contains("--force");
        assertThat(columns(db, "notes")).containsExactly("id", "body");

        Run dryRun = run(env, "push", "--schema", V3, "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.out()).contains("ALTER TABLE notes DROP COLUMN body;").contains("Dry run: nothing was changed.");
        assertThat(dryRun.err()).contains("data loss: drop column notes.body: 2 non-null values deleted");
        assertThat(columns(db, "notes")).containsExactly("id", "body");

        Run forced = run(env, "push", "--schema", V3, "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(columns(db, "notes")).containsExactly("id", "priority");
        assertThat(forced.err()).contains("push records no migration history");
        assertThat(run(env, "push", "--schema", V3).out()).contains("already matches the definitions");
    }

    @Test
    void rollbackUndoesMigrationsByCountOrTargetAndRefusesIrreversibleOnes(TestDatabase db) throws Exception {
        Map<String, String> env = env(db);
        generate(V1, "notes");
        generate(V2, "priority");
        String migrations = "--migrations=" + folder;
        assertThat(run(env, "migrate", migrations).exitCode()).isZero();

        Run one = run(env, "rollback", "--count", "1", migrations);
        assertThat(one.exitCode()).as(one.toString()).isZero();
        assertThat(one.out()).contains("Rolling back database via DATABASE_URL").contains("-- 0001_priority")
                .contains("Rolled back 1 migration (0001_priority); 1 migration pending (0001_priority)");
        assertThat(columns(db, "notes")).containsExactly("id", "body");
        assertThat(run(env, "status", migrations).exitCode()).isEqualTo(ExitCode.MIGRATIONS_PENDING.code());

        assertThat(run(env, "migrate", migrations).exitCode()).isZero();
        Run to = run(env, "rollback", "--to", "0000", migrations);
        assertThat(to.exitCode()).as(to.toString()).isZero();
        assertThat(columns(db, "notes")).containsExactly("id", "body");
        assertThat(run(env, "rollback", "--to", "0000", migrations).out()).contains("Nothing to roll back");
        Run tooMany = run(env, "rollback", "--count", "5", migrations);
        assertThat(tooMany.exitCode()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(tooMany.err()).contains("only 1 of").contains("Roll back 1 or fewer");

        // A migration that drops data comes back as structure only: refused unless --force.
        assertThat(run(env, "migrate", migrations).exitCode()).isZero();
        Files.writeString(folder.resolve("decisions.txt"), "allow drop column notes.body\n");
        generate(V3, "drop_body");
        assertThat(run(env, "migrate", migrations).exitCode()).isZero();
        Run irreversible = run(env, "rollback", "--count", "1", migrations);
        assertThat(irreversible.exitCode()).as(irreversible.toString()).isEqualTo(ExitCode.ROLLBACK_REFUSED.code());
        assertThat(irreversible.err()).contains("0002_drop_body: drop column notes.body").contains("--force");
        Run forced = run(env, "rollback", "--count", "1", "--force", migrations);
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(columns(db, "notes")).containsExactly("id", "priority", "body");
    }

    @Test
    void rollbackCountsTheRowsItsSqlWouldDeleteRefusesWithoutForceAndADryRunChangesNothing(TestDatabase db)
            throws Exception {
        Map<String, String> env = env(db);
        assertThat(run(env, "migrate").exitCode()).isZero();
        sql(db, "INSERT INTO companies (name, issue_prefix) VALUES ('Acme', 'ACM'), ('Beta', 'BET')",
                "INSERT INTO agents (company_id, name, role) SELECT id, 'CEO', 'ceo' FROM companies WHERE name = 'Acme'");

        Run refused = run(env, "rollback", "--count", "1");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.ROLLBACK_REFUSED.code());
        assertThat(refused.err()).contains("Refusing to roll back 0000_core_schema")
                .contains("drop table companies: 2 rows deleted").contains("drop table agents: 1 row deleted")
                .doesNotContain("drop table issues").contains("Nothing was changed").contains("--force");
        assertThat(tableCount(db)).isEqualTo(PaperclipSchema.SCHEMA.model().tables().size() + 1); // + databasechangelog

        Run dryRun = run(env, "rollback", "--count", "1", "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.out()).contains("-- 0000_core_schema").contains("DROP TABLE companies;")
                .contains("Dry run: nothing was changed").contains("refused without --force");
        assertThat(dryRun.err()).contains("data loss: drop table companies: 2 rows deleted");
        assertThat(tableCount(db)).isEqualTo(PaperclipSchema.SCHEMA.model().tables().size() + 1);
        assertThat(run(env, "status").exitCode()).isZero();

        Run forced = run(env, "rollback", "--count", "1", "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(forced.out()).contains("Rolled back 1 migration (0000_core_schema)");
        assertThat(tableCount(db)).isEqualTo(1); // only the history table is left
    }

    private static int tableCount(TestDatabase db) throws SQLException {
        try (Connection c = db.openConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void checkDatabaseSeesAReSealedEditOfAnAppliedMigrationAndDriftFromItsSnapshot(TestDatabase db) throws Exception {
        Map<String, String> env = env(db);
        generate(V1, "notes");
        String migrations = "--migrations=" + folder;
        assertThat(run(env, "migrate", migrations).exitCode()).isZero();
        Run clean = run(env, "check", "--schema", V1, migrations, "--database");
        assertThat(clean.exitCode()).as(clean.toString()).isZero();

        sql(db, "ALTER TABLE notes ALTER COLUMN body DROP NOT NULL");
        Run drifted = run(env, "check", "--schema", V1, migrations, "--database");
        assertThat(drifted.exitCode()).as(drifted.toString()).isEqualTo(ExitCode.SCHEMA_DRIFT.code()).isEqualTo(16);
        assertThat(drifted.err()).contains("drift: ").contains("notes.body")
                .contains("differs from the snapshot of 0000_notes in 1 place");
        Run driftJson = run(env, "check", "--schema", V1, migrations, "--database", "--json");
        assertThat(driftJson.out()).contains("\"drift\" : [ \"").contains("\"exitCode\" : 16");
        sql(db, "ALTER TABLE notes ALTER COLUMN body SET NOT NULL");
        assertThat(run(env, "check", "--schema", V1, migrations, "--database").exitCode()).isZero();

        // Edit the applied migration and re-seal it: its sha256 in the journal matches the edited file.
        Path file = folder.resolve("0000_notes.sql");
        String original = Files.readString(file);
        String edited = original.replace("CREATE TABLE notes", "CREATE TABLE IF NOT EXISTS notes");
        assertThat(edited).isNotEqualTo(original);
        Files.writeString(file, edited);
        Path journal = folder.resolve("meta/_journal.json");
        Files.writeString(journal, Files.readString(journal).replace(sha256(original), sha256(edited)));
        assertThat(run(env, "check", "--schema", V1, migrations).exitCode()).as("the files alone look fine").isZero();

        Run check = run(env, "check", "--schema", V1, migrations, "--database");
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCode.MIGRATION_EDITED.code());
        assertThat(check.err()).contains("0000_notes.sql").contains("was edited after it was applied");
        Run status = run(env, "status", migrations);
        assertThat(status.exitCode()).isEqualTo(ExitCode.MIGRATIONS_PENDING.code());
        assertThat(status.out()).contains("was edited after it was applied");
        Run migrate = run(env, "migrate", migrations);
        assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(migrate.err()).contains("Refusing to migrate").contains("0000_notes was edited");
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void aCustomMigrationThatCommitsItselfIsFlaggedByCheckAndNeverApplied(TestDatabase db) throws Exception {
        Map<String, String> env = env(db);
        generate(V1, "notes");
        String migrations = "--migrations=" + folder;
        assertThat(run(env, "migrate", migrations).exitCode()).isZero();
        sql(db, "INSERT INTO notes (body) VALUES ('one')");
        Run custom = Cli.run(Map.of(), "generate", "--custom", "--schema", V1, "--out", folder.toString(), "--name", "backfill");
        assertThat(custom.exitCode()).as(custom.toString()).isZero();
        Path file = folder.resolve("0001_backfill.sql");
        String text = Files.readString(file).replace("SELECT 1;",
                "UPDATE notes SET body = upper(body);\nCOMMIT;\nUPDATE notes SET missing_column = 1;");
        Files.writeString(file, text);
        int line = text.lines().toList().indexOf("COMMIT;") + 1;

        Run check = run(env, "check", "--schema", V1, migrations);
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCode.TRANSACTION_CONTROL.code()).isEqualTo(15);
        assertThat(check.err()).contains("0001_backfill.sql controls its transaction itself (line " + line + ": COMMIT)")
                .contains("runInTransaction:false");

        Run migrate = run(env, "migrate", migrations);
        assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(migrate.err()).contains("Refusing to migrate").contains("0001_backfill.sql line " + line + ": COMMIT")
                .contains("Nothing was changed").contains("runInTransaction:false").doesNotContain("rolled back;");
        try (Connection c = db.openConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT body FROM notes")) {
            rs.next();
            assertThat(rs.getString(1)).as("the UPDATE before the COMMIT never ran").isEqualTo("one");
        }
        assertThat(run(env, "status", migrations).out()).contains("pending  0001_backfill");
    }

    @Test
    void aHandWrittenMigrationWithoutRollbackStatementsIsRefusedByName(TestDatabase db) throws Exception {
        Map<String, String> env = env(db);
        generate(V1, "notes");
        Run custom = Cli.run(Map.of(), "generate", "--custom", "--schema", V1, "--out", folder.toString(), "--name", "backfill");
        assertThat(custom.exitCode()).as(custom.toString()).isZero();
        Path sql = folder.resolve("0001_backfill.sql");
        Files.writeString(sql, Files.readString(sql).replace("SELECT 1;", "UPDATE notes SET body = upper(body);")
                .replace("--rollback empty\n", ""));
        String migrations = "--migrations=" + folder;
        assertThat(run(env, "migrate", migrations).exitCode()).isZero();
        Run refused = run(env, "rollback", "--count", "1", migrations);
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.ROLLBACK_REFUSED.code()).isEqualTo(22);
        assertThat(refused.err()).contains("0001_backfill cannot be undone").contains("Write a new migration");
    }

    @Test
    void adoptTakesOverADatabaseMadeByPlainDdlWithADrizzleHistory(TestDatabase db) throws SQLException {
        Map<String, String> env = env(db);
        sql(db, PostgresDdl.createSchema(PaperclipSchema.SCHEMA.model()).toArray(String[]::new));
        sql(db, "CREATE SCHEMA drizzle",
                "CREATE TABLE drizzle.__drizzle_migrations (id serial PRIMARY KEY, hash text NOT NULL, created_at bigint)",
                "INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('a', 1), ('b', 2), ('c', 3)",
                "CREATE TABLE heartbeat_runs (id uuid PRIMARY KEY)");

        Run status = run(env, "status");
        assertThat(status.exitCode()).isEqualTo(ExitCode.MIGRATIONS_PENDING.code());
        assertThat(status.out()).contains("but no migration history").contains("paperclip-migrate adopt");
        Run migrate = run(env, "migrate");
        assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(migrate.err()).contains("Not migrating").contains("adopt");

        Run adopt = run(env, "adopt", "--to", "0000");
        assertThat(adopt.exitCode()).as(adopt.toString()).isZero();
        assertThat(adopt.out()).contains("drizzle.__drizzle_migrations is present with 3 rows")
                .contains("Recorded 1 changeset as applied, up to 0000_core_schema");
        assertThat(adopt.err()).contains("warning: table heartbeat_runs");
        assertThat(run(env, "status").exitCode()).isZero();
        assertThat(run(env, "migrate").out()).contains("Nothing to migrate");
    }

    @Test
    void adoptRefusesAndListsEveryDifference(TestDatabase db) throws SQLException {
        Map<String, String> env = env(db);
        sql(db, PostgresDdl.createSchema(PaperclipSchema.SCHEMA.model()).toArray(String[]::new));
        sql(db, "ALTER TABLE companies ALTER COLUMN brand_color TYPE varchar(7)", "DROP INDEX issues_company_status_idx");
        Run adopt = run(env, "adopt");
        assertThat(adopt.exitCode()).as(adopt.toString()).isEqualTo(ExitCode.ADOPT_REFUSED.code()).isEqualTo(21);
        assertThat(adopt.err()).contains("differs: column companies.brand_color").contains("issues_company_status_idx")
                .contains("Refusing to adopt: 2 differences");
        assertThat(run(env, "status").out()).contains("no migration history");
    }

    @Test
    void doctorOnAHealthyServerIsOkAndOnAnUnreachableOneFailsWithItsOwnStatus(TestDatabase db) throws Exception {
        Map<String, String> env = env(db);
        assertThat(run(env, "migrate").exitCode()).isZero();
        Run healthy = run(env, "doctor");
        assertThat(healthy.exitCode()).as(healthy.toString()).isZero();
        assertThat(healthy.out()).contains("ok      connection: PostgreSQL").contains("ok      migrations: up to date");

        int closed = EmbeddedHome.freePort();
        Map<String, String> unreachable = Map.of("DATABASE_URL", "postgres://" + USER + ":" + PASSWORD + "@127.0.0.1:"
                + closed + "/paperclip");
        Run down = run(unreachable, "doctor", "--timeout", "2");
        assertThat(down.exitCode()).as(down.toString()).isEqualTo(ExitCode.DOCTOR_FAILED.code()).isEqualTo(23);
        assertThat(down.out()).contains("fail    connection: Cannot connect to postgres://" + USER + ":***@127.0.0.1:" + closed)
                .contains("skipped migrations: no connection");
        Run json = run(unreachable, "doctor", "--json", "--timeout", "2");
        assertThat(json.exitCode()).isEqualTo(23);
        assertThat(json.out()).contains("\"ok\" : false").contains("\"status\" : \"FAIL\"");
    }
}
