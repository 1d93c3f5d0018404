package ai.paperclip.migrate;

import static ai.paperclip.migrate.GenerateAndCheckTest.V1;
import static ai.paperclip.migrate.GenerateAndCheckTest.V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.embedded.EmbeddedPostgres;
import ai.paperclip.embedded.InstanceHome;
import ai.paperclip.migrate.testing.Cli;
import ai.paperclip.migrate.testing.Cli.Run;
import ai.paperclip.migrate.testing.EmbeddedHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The developer's cycle on the default mode, the embedded PostgreSQL of an instance (a temporary
 * PAPERCLIP_HOME under target/, a free port in config.json): each command starts the server and stops it
 * again because it started it.
 */
class EmbeddedCycleIT {

    @TempDir
    Path folder;

    @Test
    void migrateStatusGenerateCheckMigrateCheckOnTheEmbeddedServer() {
        EmbeddedHome.Instance instance = EmbeddedHome.newInstance("cycle");
        String migrations = "--migrations=" + folder;
        assertThat(Cli.run(instance.env(), "generate", "--schema", V1, "--out", folder.toString(), "--name", "notes")
                .exitCode()).isZero();

        Run migrate = Cli.run(instance.env(), "migrate", migrations);
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.out()).startsWith("Migrating database via embedded PostgreSQL (data "
                + instance.dataDirectory() + ", port " + instance.port() + ")")
                .containsPattern("applied 0000_notes \\(paperclip:0000_notes\\) in \\d+ ms")
                .contains("Applied 1 migration in ").contains("up to date at 0000_notes");
        assertServerStopped(instance.port());

        Run upToDate = Cli.run(instance.env(), "status", migrations);
        assertThat(upToDate.exitCode()).as(upToDate.toString()).isEqualTo(ExitCode.OK.code());
        assertThat(upToDate.out()).contains("applied  0000_notes").contains("Up to date: up to date at 0000_notes");

        Run schemaChanged = Cli.run(instance.env(), "check", "--schema", V2, migrations);
        assertThat(schemaChanged.exitCode()).as(schemaChanged.toString()).isEqualTo(ExitCode.SCHEMA_NOT_MIGRATED.code());

        Run generate = Cli.run(instance.env(), "generate", "--schema", V2, "--out", folder.toString(), "--name", "priority");
        assertThat(generate.exitCode()).as(generate.toString()).isZero();
        assertThat(folder.resolve("0001_priority.sql")).exists();

        Run filesAgree = Cli.run(instance.env(), "check", "--schema", V2, migrations);
        assertThat(filesAgree.exitCode()).as(filesAgree.toString()).isZero();
        Run databaseBehind = Cli.run(instance.env(), "check", "--schema", V2, migrations, "--database");
        assertThat(databaseBehind.exitCode()).as(databaseBehind.toString()).isEqualTo(ExitCode.MIGRATIONS_PENDING.code());
        assertThat(databaseBehind.err()).contains("1 migration pending (0001_priority)");

        Run pending = Cli.run(instance.env(), "status", migrations, "--json");
        assertThat(pending.exitCode()).isEqualTo(ExitCode.MIGRATIONS_PENDING.code()).isEqualTo(3);
        assertThat(pending.out()).contains("\"needsMigrations\" : true").contains("\"pending\" : [ \"0001_priority\" ]")
                .contains("\"reason\" : \"1 migration pending (0001_priority). Run paperclip-migrate migrate.\"");

        Run second = Cli.run(instance.env(), "migrate", migrations);
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("applied 0001_priority").doesNotContain("applied 0000_notes");

        Run passes = Cli.run(instance.env(), "check", "--schema", V2, migrations, "--database");
        assertThat(passes.exitCode()).as(passes.toString()).isZero();
        assertThat(passes.out()).contains("up to date at 0001_priority");
        assertThat(Cli.run(instance.env(), "migrate", migrations).out()).contains("Nothing to migrate: up to date");
        assertServerStopped(instance.port());
    }

    @Test
    void aServerAlreadyRunningIsReusedAndLeftRunningAndResetRefusesWhileItRuns() throws Exception {
        EmbeddedHome.Instance instance = EmbeddedHome.newInstance("reuse");
        InstanceHome home = InstanceHome.fromEnvironment(instance.env());
        try (EmbeddedPostgres running = EmbeddedPostgres.builder().instanceHome(home).start()) {
            Run migrate = Cli.run(instance.env(), "migrate");
            assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
            assertThat(migrate.out()).contains("applied 0000_core_schema");
            try (var c = running.openConnection("paperclip")) {
                assertThat(c.isValid(5)).as("the server this command did not start is left running").isTrue();
            }
            Run reset = Cli.run(instance.env(), "reset", "--yes");
            assertThat(reset.exitCode()).as(reset.toString()).isEqualTo(ExitCode.FAILURE.code());
            assertThat(reset.err()).startsWith("Error: Refusing to reset " + instance.dataDirectory() + ": a process of"
                    + " this library uses its server");
            assertThat(instance.dataDirectory().resolve("PG_VERSION")).exists();
        }
        Run withoutYes = Cli.run(instance.env(), "reset");
        assertThat(withoutYes.exitCode()).isEqualTo(ExitCode.RESET_REFUSED.code());
        assertThat(instance.dataDirectory()).exists();

        Run reset = Cli.run(instance.env(), "reset", "--yes");
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(reset.out()).contains("Deleted " + instance.dataDirectory());
        assertThat(Files.exists(instance.dataDirectory())).isFalse();
        Run fresh = Cli.run(instance.env(), "status");
        assertThat(fresh.exitCode()).isEqualTo(ExitCode.MIGRATIONS_PENDING.code());
        assertThat(fresh.out()).contains("the database is empty");
    }

    @Test
    void doctorOnAHealthyEmbeddedInstanceReportsItsDataDirectoryAndLocks() {
        EmbeddedHome.Instance instance = EmbeddedHome.newInstance("doctor");
        assertThat(Cli.run(instance.env(), "migrate").exitCode()).isZero();
        Run doctor = Cli.run(instance.env(), "doctor");
        assertThat(doctor.exitCode()).as(doctor.toString()).isZero();
        assertThat(doctor.out().lines().toList()).anySatisfy(l -> assertThat(l).startsWith("ok      data directory: ")
                        .endsWith("holds a PostgreSQL 18 cluster"))
                .anySatisfy(l -> assertThat(l).isEqualTo("ok      server lock: no postmaster.pid: no server is running on it"))
                .anySatisfy(l -> assertThat(l).isEqualTo("ok      start lock: free"))
                .anySatisfy(l -> assertThat(l).startsWith("ok      connection: PostgreSQL 18"))
                .anySatisfy(l -> assertThat(l).startsWith("ok      server version: "))
                .anySatisfy(l -> assertThat(l).startsWith("ok      pg_trgm: "))
                .anySatisfy(l -> assertThat(l).startsWith("ok      connections: "))
                .anySatisfy(l -> assertThat(l).isEqualTo("ok      migrations: up to date at 0000_core_schema (1 migration applied)"));
        assertServerStopped(instance.port());
    }

    private static void assertServerStopped(int port) {
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/paperclip",
                "paperclip", "paperclip").close())
                .as("the server the command started is stopped when it ends").isInstanceOf(SQLException.class);
    }
}
