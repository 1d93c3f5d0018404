package ai.paperclip.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.migrate.testing.Cli;
import ai.paperclip.migrate.testing.EmbeddedHome;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar {@code mvn package} leaves in target/ works on its own: {@code java -jar paperclip-migrate.jar} in a
 * separate process (Failsafe runs after package), with Liquibase, the driver and SLF4J found through the merged
 * META-INF/services, against the embedded server of a temporary instance.
 */
class ExecutableJarIT {

    private static final Path JAR = Path.of(System.getProperty("paperclip.migrate.jar", "target/paperclip-migrate.jar"));

    @TempDir
    Path output;

    private record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Result java(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(env);
        // unshare (for PostgreSQL as root) and nothing else is looked up on the PATH.
        builder.environment().put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        File out = output.resolve("out.txt").toFile();
        File err = output.resolve("err.txt").toFile();
        Process process = builder.redirectOutput(out).redirectError(err).start();
        // A guard against a hung child, not a performance threshold.
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("paperclip-migrate %s ended", List.of(args)).isTrue();
        return new Result(process.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
    }

    @Test
    void theShadedJarRunsStatusAndMigrateOnTheEmbeddedServer() throws Exception {
        assertThat(JAR).as("built by mvn package").isRegularFile();
        EmbeddedHome.Instance instance = EmbeddedHome.newInstance("jar");

        Result before = java(instance.env(), "status");
        assertThat(before.exitCode()).as(before.toString()).isEqualTo(ExitCode.MIGRATIONS_PENDING.code());
        assertThat(before.out()).contains("pending  0000_core_schema").contains("the database is empty");

        Result migrate = java(instance.env(), "migrate", "--verbose");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.out()).startsWith("Migrating database via embedded PostgreSQL")
                .contains("applied 0000_core_schema").doesNotContain("[INFO]");
        assertThat(migrate.err()).as("logs go to stderr").contains("[INFO]").contains("Stopped PostgreSQL");

        Result after = java(instance.env(), "status", "--json");
        assertThat(after.exitCode()).as(after.toString()).isZero();
        assertThat(after.out()).contains("\"upToDate\" : true").contains("\"applied\" : [ \"0000_core_schema\" ]");
        assertThat(after.err()).as("nothing but warnings are logged by default").doesNotContain("[INFO]");
    }

    @Test
    void aFailingCustomMigrationIsOneClearMessageAndItsTraceOnlyWithVerbose(@TempDir Path migrations) throws Exception {
        Cli.Run generated = Cli.run(Map.of(), "generate", "--schema", GenerateAndCheckTest.V1, "--out", migrations.toString(),
                "--name", "notes");
        assertThat(generated.exitCode()).as(generated.toString()).isZero();
        Cli.Run custom = Cli.run(Map.of(), "generate", "--custom", "--schema", GenerateAndCheckTest.V1, "--out",
                migrations.toString(), "--name", "backfill");
        assertThat(custom.exitCode()).as(custom.toString()).isZero();
        Path sql = migrations.resolve("0001_backfill.sql");
        Files.writeString(sql, Files.readString(sql).replace("SELECT 1;", "UPDATE notes SET missing_column = 1;"));
        EmbeddedHome.Instance instance = EmbeddedHome.newInstance("jar-failing");

        Result failed = java(instance.env(), "migrate", "--migrations", migrations.toString());
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(failed.err().lines().filter(l -> l.startsWith("Error: ")).count()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.err()).as(failed.toString())
                .contains("Migration 0001_backfill failed in changeset").contains(":0001_backfill")
                .contains("UPDATE notes SET missing_column = 1").contains("42703")
                .contains("column \"missing_column\" of relation \"notes\" does not exist")
                .doesNotContain("\tat ").doesNotContain("liquibase.exception");
        assertThat(failed.err().lines().count()).as(failed.toString()).isLessThan(6);

        Result verbose = java(instance.env(), "migrate", "--verbose", "--migrations", migrations.toString());
        assertThat(verbose.exitCode()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(verbose.err()).contains("\tat ").contains("Migration 0001_backfill failed");
    }

    @Test
    void theJarExitsWithTwoOnBadUsageAndPrintsItsVersion() throws Exception {
        Result usage = java(Map.of(), "migrat");
        assertThat(usage.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(usage.err()).contains("Unmatched argument");
        Result version = java(Map.of(), "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("paperclip-migrate 0.1.0");
    }
}
