package ai.paperclip.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.embedded.junit.EmbeddedPostgresExtension;
import ai.paperclip.embedded.junit.TestDatabase;
import ai.paperclip.migrate.internal.CliContext;
import ai.paperclip.migrate.testing.Cli;
import ai.paperclip.migrate.testing.Cli.Run;
import ai.paperclip.migrate.testing.EmbeddedHome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --json} of migrate, rollback, adopt, push and generate (stdout is one JSON object, the documented
 * shape), the {@code sql} command (what migrate or rollback would run, changing nothing), and progress on
 * stderr only on a terminal (the embedded server's first start, each migration).
 */
class JsonSqlAndProgressIT {

    private static final String USER = "json_user";
    private static final String PASSWORD = "Json-Secret-91c2";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    static final EmbeddedPostgresExtension PG = EmbeddedPostgresExtension.builder().perMethod().build();

    @TempDir
    Path folder;

    private Map<String, String> env(TestDatabase db) throws SQLException {
        sql(db, "DO $$ BEGIN CREATE ROLE " + USER + " LOGIN SUPERUSER PASSWORD '" + PASSWORD + "';"
                + " EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        return Map.of("DATABASE_URL", "postgres://" + USER + ":" + PASSWORD + "@" + db.host() + ":" + db.port() + "/"
                + db.name());
    }

    private static Run run(Map<String, String> env, String... args) {
        Run run = Cli.run(env, args);
        assertThat(run.all()).as("output of %s", String.join(" ", args)).doesNotContain(PASSWORD);
        return run;
    }

    /** The whole of stdout is one JSON object. */
    private static JsonNode json(Run run) throws Exception {
        return MAPPER.readTree(run.out());
    }

    private static void sql(TestDatabase db, String... statements) throws SQLException {
        try (Connection c = db.openConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    @Test
    void migrateAndRollbackReportAsJson() throws Exception {
        Map<String, String> env = env(PG.database());

        Run migrate = run(env, "migrate", "--json");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        JsonNode applied = json(migrate);
        assertThat(applied.get("ok").asBoolean()).isTrue();
        assertThat(applied.get("exitCode").asInt()).isZero();
        assertThat(applied.get("target").asText()).contains(USER + ":***@");
        assertThat(texts(applied.get("applied"))).containsExactly("0000_core_schema");
        assertThat(applied.get("status").get("upToDate").asBoolean()).isTrue();

        Run again = run(env, "migrate", "--json");
        assertThat(texts(json(again).get("applied"))).isEmpty();

        sql(PG.database(), "INSERT INTO companies (name, issue_prefix) VALUES ('Acme', 'ACM')");
        Run refused = run(env, "rollback", "--count", "1", "--json");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.ROLLBACK_REFUSED.code());
        JsonNode refusal = json(refused);
        assertThat(refusal.get("ok").asBoolean()).isFalse();
        assertThat(refusal.get("rolledBack").asBoolean()).isFalse();
        assertThat(refusal.get("refused").asText()).contains("--force");
        assertThat(refusal.get("affected").get(0).get("rows").asLong()).isPositive();

        Run forced = run(env, "rollback", "--count", "1", "--force", "--json");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        JsonNode rolledBack = json(forced);
        assertThat(rolledBack.get("rolledBack").asBoolean()).isTrue();
        assertThat(texts(rolledBack.get("migrations"))).containsExactly("0000_core_schema");
        assertThat(texts(rolledBack.get("statements"))).anyMatch(s -> s.startsWith("DROP TABLE companies"));
    }

    @Test
    void adoptAndPushReportAsJson() throws Exception {
        Map<String, String> env = env(PG.database());

        Run empty = run(env, "adopt", "--json");
        assertThat(empty.exitCode()).as(empty.toString()).isEqualTo(ExitCode.ADOPT_REFUSED.code());
        assertThat(json(empty).get("adopted").asBoolean()).isFalse();
        assertThat(texts(json(empty).get("differences"))).anyMatch(d -> d.contains("companies"));

        Run dryRun = run(env, "push", "--dry-run", "--json");
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        JsonNode plan = json(dryRun);
        assertThat(plan.get("dryRun").asBoolean()).isTrue();
        assertThat(plan.get("applied").asBoolean()).isFalse();
        assertThat(texts(plan.get("statements"))).anyMatch(s -> s.startsWith("CREATE TABLE companies"));

        Run push = run(env, "push", "--json");
        assertThat(push.exitCode()).as(push.toString()).isZero();
        assertThat(json(push).get("applied").asBoolean()).isTrue();
        assertThat(push.err()).contains("push records no migration history");

        // A trigger the schema does not define (upstream Paperclip has one on agents): a warning, as an extra key is.
        sql(PG.database(), "CREATE FUNCTION keep_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$",
                "CREATE TRIGGER agents_keep AFTER DELETE ON agents FOR EACH ROW EXECUTE FUNCTION keep_row()");
        Run adopt = run(env, "adopt", "--json");
        assertThat(adopt.exitCode()).as(adopt.toString()).isZero();
        JsonNode adopted = json(adopt);
        assertThat(texts(adopted.get("warnings"))).anyMatch(w -> w.startsWith("trigger agents.agents_keep: not defined"));
        assertThat(adopted.get("adopted").asBoolean()).isTrue();
        assertThat(adopted.get("migration").asText()).isEqualTo("0000_core_schema");
        assertThat(texts(adopted.get("recorded"))).isNotEmpty();
        assertThat(run(env, "status").exitCode()).isZero();
    }

    @Test
    void generateReportsAsJsonAndWritesNothingTheSecondTime() throws Exception {
        Run first = run(Map.of(), "generate", "--json", "--schema", GenerateAndCheckTest.V1, "--out", folder.toString(),
                "--name", "notes");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        JsonNode written = json(first);
        assertThat(written.get("written").asBoolean()).isTrue();
        assertThat(written.get("migration").asText()).isEqualTo("0000_notes");
        assertThat(written.get("sqlFile").asText()).endsWith("0000_notes.sql");
        assertThat(texts(written.get("changes"))).anyMatch(c -> c.contains("notes"));

        Run again = run(Map.of(), "generate", "--json", "--schema", GenerateAndCheckTest.V1, "--out", folder.toString());
        assertThat(json(again).get("written").asBoolean()).isFalse();
        assertThat(json(again).get("migration").isNull()).isTrue();
    }

    @Test
    void sqlPrintsWhatMigrateAndRollbackWouldRunAndChangesNothing() throws Exception {
        Map<String, String> env = env(PG.database());

        Run pending = run(env, "sql");
        assertThat(pending.exitCode()).as(pending.toString()).isZero();
        assertThat(pending.out()).contains("-- The SQL migrate would run on", "-- 0000_core_schema",
                "--changeset paperclip:0000_core_schema", "CREATE TABLE companies (").doesNotContain("--rollback");
        assertThat(run(env, "status").exitCode()).as("sql applied nothing").isEqualTo(ExitCode.MIGRATIONS_PENDING.code());

        assertThat(run(env, "migrate").exitCode()).isZero();
        assertThat(run(env, "sql").out()).contains("-- Nothing pending");

        Run rollback = run(env, "sql", "--rollback");
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(rollback.out()).contains("-- The SQL rollback would run on", "DROP TABLE companies;");
        assertThat(run(env, "status").exitCode()).as("sql --rollback undid nothing").isZero();

        Run countWithoutRollback = run(env, "sql", "--count", "1");
        assertThat(countWithoutRollback.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(countWithoutRollback.err()).contains("add --rollback");
        assertThat(run(env, "sql", "--rollback", "--to", "9999").exitCode()).isEqualTo(ExitCode.USAGE.code());
    }

    @Test
    void progressGoesToStderrOnATerminalOnlyFirstStartAndEachMigration() {
        EmbeddedHome.Instance terminalInstance = EmbeddedHome.newInstance("progress");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext terminal = new CliContext(terminalInstance.env(), new PrintWriter(out, true), new PrintWriter(err, true),
                true, null);
        int status = PaperclipMigrate.commandLine(terminal).execute("migrate", "--json");
        assertThat(status).as(out + "\n" + err).isZero();
        assertThat(err.toString()).contains("First start of the embedded PostgreSQL", "ready on port",
                "applying 0000_core_schema", "applied");
        assertThat(out.toString()).startsWith("{").doesNotContain("applying").doesNotContain("First start");

        EmbeddedHome.Instance pipeInstance = EmbeddedHome.newInstance("no-progress");
        Run piped = Cli.run(pipeInstance.env(), "migrate");
        assertThat(piped.exitCode()).as(piped.toString()).isZero();
        assertThat(piped.err()).doesNotContain("First start").doesNotContain("applying");
        assertThat(piped.out()).contains("applied 0000_core_schema");
    }
}
