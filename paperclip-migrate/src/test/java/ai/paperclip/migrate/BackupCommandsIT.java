package ai.paperclip.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.embedded.junit.EmbeddedPostgresExtension;
import ai.paperclip.embedded.junit.TestDatabase;
import ai.paperclip.migrate.testing.Cli;
import ai.paperclip.migrate.testing.Cli.Run;
import ai.paperclip.migrate.testing.EmbeddedHome;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * backup, backups, verify and restore through the CLI: against a server named by DATABASE_URL (PostgreSQL 18,
 * a role whose password must never be printed) and against the embedded default, and scripts/backup-db.sh
 * running the shaded jar in a separate process against both.
 */
class BackupCommandsIT {

    private static final String USER = "backup_user";
    private static final String PASSWORD = "Backup-Secret-9d2e";
    private static final Path JAR = Path.of(System.getProperty("paperclip.migrate.jar", "target/paperclip-migrate.jar"));
    private static final Path SCRIPT = Path.of("..", "scripts", "backup-db.sh").toAbsolutePath().normalize();

    @RegisterExtension
    static final EmbeddedPostgresExtension PG = EmbeddedPostgresExtension.builder().perMethod().build();

    @TempDir
    Path dir;

    private static void sql(TestDatabase db, String database, String... statements) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://" + db.host() + ":" + db.port() + "/"
                + database, db.user(), db.password()); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static String value(TestDatabase db, String database, String query) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://" + db.host() + ":" + db.port() + "/"
                + database, db.user(), db.password()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Map<String, String> env(TestDatabase db, String database, Path home) {
        return Map.of("DATABASE_URL", "postgres://" + USER + ":" + PASSWORD + "@" + db.host() + ":" + db.port() + "/"
                + database, "PAPERCLIP_HOME", home.toString(), "HOME", home.toString());
    }

    private static Run run(Map<String, String> env, String... args) {
        Run run = Cli.run(env, args);
        assertThat(run.all()).as("output of %s", String.join(" ", args)).doesNotContain(PASSWORD);
        return run;
    }

    @Test
    void backupListVerifyAndRestoreThroughTheCliWithExitCodesForEachRefusal(TestDatabase db) throws Exception {
        sql(db, db.name(), "DO $$ BEGIN CREATE ROLE " + USER + " LOGIN SUPERUSER PASSWORD '" + PASSWORD + "';"
                + " EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        Map<String, String> source = env(db, db.name(), dir);
        assertThat(run(source, "migrate").exitCode()).isZero();
        sql(db, db.name(), "INSERT INTO companies (name, issue_prefix) VALUES ('Acme', 'ACM')");

        Run backup = run(source, "backup");
        assertThat(backup.exitCode()).as(backup.toString()).isZero();
        assertThat(backup.out()).contains("via DATABASE_URL (environment): postgres://" + USER + ":***@")
                .contains("databasechangelog 0000_core_schema");
        Path backups = dir.resolve("instances").resolve("default").resolve("data").resolve("backups");
        Path file;
        try (Stream<Path> files = Files.list(backups)) {
            file = files.findFirst().orElseThrow();
        }
        assertThat(file.getFileName().toString()).matches("paperclip-\\d{8}-\\d{6}\\.sql\\.gz");

        Run listed = run(source, "backups", "--json");
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains(file.toString()).contains("\"schemaVersion\" : \"databasechangelog 0000_core_schema\"");
        assertThat(run(source, "backups").out()).contains(file.getFileName().toString()).contains("KB");

        Run verify = run(source, "verify", file.toString());
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.out()).contains("\"public\".\"companies\"  1 rows").contains("Everything matches");

        sql(db, db.name(), "CREATE DATABASE restored");
        Map<String, String> target = env(db, "restored", dir);
        Run restore = run(target, "restore", file.toString());
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(value(db, "restored", "SELECT issue_prefix FROM companies")).isEqualTo("ACM");

        Run again = run(target, "restore", file.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCode.RESTORE_REFUSED.code());
        assertThat(again.err()).startsWith("Error: The target database").contains("--clean");
        assertThat(run(target, "restore", file.toString(), "--clean").exitCode()).isZero();

        byte[] bytes = Files.readAllBytes(file);
        Path truncated = dir.resolve("truncated.sql.gz");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Run refused = run(target, "restore", truncated.toString(), "--clean");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.BACKUP_REFUSED.code());
        assertThat(refused.err()).contains("truncated").contains("Nothing was changed");
        assertThat(run(source, "verify", truncated.toString()).exitCode()).isEqualTo(ExitCode.BACKUP_REFUSED.code());
        assertThat(value(db, "restored", "SELECT count(*) FROM companies")).isEqualTo("1");
    }

    @Test
    void theEmbeddedDefaultIsBackedUpAndVerifiedOnATemporaryEmbeddedServer() {
        EmbeddedHome.Instance instance = EmbeddedHome.newInstance("backup");
        assertThat(Cli.run(instance.env(), "migrate").exitCode()).isZero();
        Run backup = Cli.run(instance.env(), "backup", "--json");
        assertThat(backup.exitCode()).as(backup.toString()).isZero();
        String file = backup.out().replaceAll("(?s).*\"file\" : \"([^\"]+)\".*", "$1");
        assertThat(Path.of(file)).startsWith(instance.directory().resolve("data").resolve("backups")).isRegularFile();
        Run verify = Cli.run(instance.env(), "verify", "--embedded", "--json", file);
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.out()).contains("\"ok\" : true").contains("temporary embedded PostgreSQL");
    }

    @Test
    void scriptsBackupDbShRunsTheJarAgainstTheEmbeddedDefaultAndAnExternalServer(TestDatabase db) throws Exception {
        assertThat(JAR).as("built by mvn package").isRegularFile();
        assertThat(SCRIPT).isExecutable();
        EmbeddedHome.Instance instance = EmbeddedHome.newInstance("script");
        assertThat(Cli.run(instance.env(), "migrate").exitCode()).isZero();
        String embedded = script(instance.env());
        assertThat(embedded).contains(instance.directory().resolve("data").resolve("backups").toString());
        assertThat(script(instance.env(), "--physical")).as("--physical passed through").contains(".physical.tar.gz");

        sql(db, db.name(), "DO $$ BEGIN CREATE ROLE " + USER + " LOGIN SUPERUSER PASSWORD '" + PASSWORD + "';"
                + " EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        String external = script(env(db, db.name(), dir), "--dir", dir.resolve("ext").toString());
        assertThat(external).contains(dir.resolve("ext").toString()).doesNotContain(PASSWORD);
        assertThat(Cli.run(Map.of(), "backups", "--dir", dir.resolve("ext").toString()).out()).contains("paperclip-");
    }

    @Test
    void physicalBackupHealthInBackupsJsonAndTheDoctorsBackupLine(TestDatabase db) throws Exception {
        EmbeddedHome.Instance instance = EmbeddedHome.newInstance("physical");
        assertThat(Cli.run(instance.env(), "migrate").exitCode()).isZero();
        Run physical = Cli.run(instance.env(), "backup", "--physical", "--json");
        assertThat(physical.exitCode()).as(physical.toString()).isZero();
        String file = physical.out().replaceAll("(?s).*\"file\" : \"([^\"]+)\".*", "$1");
        assertThat(Path.of(file)).isRegularFile().startsWith(instance.directory().resolve("data").resolve("backups"));
        assertThat(file).matches(".*/paperclip-\\d{8}-\\d{6}\\.physical\\.tar\\.gz");

        Run doctor = Cli.run(instance.env(), "doctor");
        assertThat(doctor.out()).as(doctor.toString()).contains("backups").contains("scheduled backups off")
                .contains("no backup in");
        Map<String, String> scheduled = new java.util.HashMap<>(instance.env());
        scheduled.put("PAPERCLIP_BACKUP_ENABLED", "true");
        Run stale = Cli.run(scheduled, "doctor", "--json");
        assertThat(stale.out()).as(stale.toString()).contains("stale: no good backup within two intervals (120 min)");
        assertThat(stale.exitCode()).as("a warning, not a failure").isZero();

        assertThat(Cli.run(instance.env(), "backup").exitCode()).isZero();
        Run fresh = Cli.run(scheduled, "doctor");
        assertThat(fresh.out()).contains("every 60 min; newest paperclip-").doesNotContain("stale");
        Run list = Cli.run(instance.env(), "backups", "--json");
        assertThat(list.out()).as(list.toString()).contains("\"health\"", "\"newest\"", "\"freeBytes\"",
                "\"staleAfterTwoIntervals\" : false", "\"physical\"", file);

        Run external = Cli.run(env(db, db.name(), dir), "backup", "--physical");
        assertThat(external.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(external.err()).contains("--physical copies the embedded cluster's files").doesNotContain(PASSWORD);
    }

    private String script(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("PAPERCLIP_MIGRATE_JAR", JAR.toAbsolutePath().toString());
        File out = dir.resolve("script-out.txt").toFile();
        Process process = builder.redirectErrorStream(true).redirectOutput(out).start();
        // A guard against a hung child, not a performance threshold.
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(out.toPath());
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
