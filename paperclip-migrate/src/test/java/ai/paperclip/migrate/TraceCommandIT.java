package ai.paperclip.migrate;

import static ai.paperclip.migrate.GenerateAndCheckTest.V1;
import static ai.paperclip.migrate.GenerateAndCheckTest.V2;
import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.embedded.junit.EmbeddedPostgresExtension;
import ai.paperclip.embedded.junit.TestDatabase;
import ai.paperclip.migrate.testing.Cli;
import ai.paperclip.migrate.testing.Cli.Run;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** trace through the CLI: the report, the threshold's exit status, JSON, the database left as it was. */
class TraceCommandIT {

    private static final String USER = "trace_cli";
    private static final String PASSWORD = "Never-Printed-91ab";

    @RegisterExtension
    static final EmbeddedPostgresExtension PG = EmbeddedPostgresExtension.builder().perMethod().build();

    @TempDir
    Path folder;

    @Test
    void tracesThePendingMigrationOnACopyAndFailsWithTwentySixAboveTheThreshold(TestDatabase db) throws Exception {
        try (Connection c = db.openConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + USER + " LOGIN SUPERUSER PASSWORD '" + PASSWORD + "'");
        }
        Map<String, String> env = Map.of("DATABASE_URL", "postgres://" + USER + ":" + PASSWORD + "@" + db.host() + ":"
                + db.port() + "/" + db.name());
        assertThat(Cli.run(Map.of(), "generate", "--schema", V1, "--out", folder.toString(), "--name", "notes").exitCode()).isZero();
        assertThat(run(env, "migrate", "--migrations", folder.toString()).exitCode()).isZero();
        try (Connection c = db.openConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO notes (body) SELECT 'note ' || i FROM generate_series(1, 1000) i");
        }
        assertThat(Cli.run(Map.of(), "generate", "--schema", V2, "--out", folder.toString(), "--name", "priority").exitCode()).isZero();

        Run ok = run(env, "trace", "--migrations", folder.toString());
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.out()).contains("ok   0001_priority:").contains("ALTER TABLE notes ADD COLUMN priority integer DEFAULT 0 NOT NULL")
                .contains("locks: notes: AccessExclusiveLock; writers blocked ")
                .endsWith("Trace: 2 statements, none blocked writes longer than 1000 ms.\n");

        Run failed = run(env, "trace", "--migrations", folder.toString(), "--threshold", "0", "--json");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCode.TRACE_FAILED.code()).isEqualTo(26);
        assertThat(failed.out()).contains("\"ok\" : false").contains("\"blocksWrites\" : [ \"notes\" ]");

        try (Connection c = db.openConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.columns WHERE table_name = 'notes'"
                        + " AND column_name = 'priority'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the database itself is not migrated").isZero();
        }
    }

    private static Run run(Map<String, String> env, String... args) {
        Run run = Cli.run(env, args);
        assertThat(run.all()).as("output of %s", String.join(" ", args)).doesNotContain(PASSWORD);
        return run;
    }
}
