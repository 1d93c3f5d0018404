package ai.paperclip.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.embedded.PostgresBinaries;
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

/**
 * The CLI follows the library's one rule for the server version: every command that writes (migrate, rollback,
 * adopt, push) refuses PostgreSQL below 17, as {@code PaperclipDb.create} and {@code doctor} do.
 */
class UnsupportedServerIT {

    private static final String USER = "old_server_user";
    private static final String PASSWORD = "Old-Server-Secret-4e1d";

    @RegisterExtension
    static final EmbeddedPostgresExtension PG14 = EmbeddedPostgresExtension.builder()
            .binaries(PostgresBinaries.fromJar(Path.of(System.getProperty("paperclip.test.postgres14.jar"))))
            .perMethod()
            .build();

    @Test
    void commandsThatWriteRefusePostgres14AndLeaveItUntouched(TestDatabase db) throws Exception {
        try (Connection c = db.openConnection(); Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN CREATE ROLE " + USER + " LOGIN SUPERUSER PASSWORD '" + PASSWORD + "';"
                    + " EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        }
        Map<String, String> env = Map.of("DATABASE_URL", "postgres://" + USER + ":" + PASSWORD + "@" + db.host() + ":"
                + db.port() + "/" + db.name());

        for (String[] command : new String[][] {{"migrate"}, {"adopt"}, {"push", "--force"}, {"rollback", "--count", "1"}}) {
            Run run = Cli.run(env, command);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FAILURE.code());
            assertThat(run.all()).doesNotContain(PASSWORD);
            assertThat(run.err()).as(run.toString()).startsWith("Error: PostgreSQL 14.")
                    .contains("is not supported: paperclip-db needs PostgreSQL 17 or newer");
        }
        try (Connection c = db.openConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("no table, not even databasechangelog").isZero();
        }
        Run doctor = Cli.run(env, "doctor");
        assertThat(doctor.exitCode()).isEqualTo(ExitCode.DOCTOR_FAILED.code());
        assertThat(doctor.out()).contains("is not supported: paperclip-db needs PostgreSQL 17 or newer");
    }
}
