package ai.paperclip.db.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.introspect.DoctorCheck.Result;
import ai.paperclip.db.introspect.DoctorCheck.Status;
import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.db.migration.Migrator;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Doctor}, the whole {@code doctor} of an environment as the CLI runs it: the target resolved from the
 * environment, the instance's backups, the server's checks and the migration status; a failure is a check, never an
 * exception, and no message holds the password.
 */
@ExtendWith(SharedPostgres.class)
class DoctorIT {

    private static final List<MigrationSource> PAPERCLIP = List.of(MigrationSource.paperclip());

    @TempDir
    Path home;

    private Map<String, String> env(String url) {
        return Map.of("DATABASE_URL", url, "PAPERCLIP_HOME", home.toString());
    }

    @Test
    void aReachableDatabaseReportsEveryCheckAndItsMigrationStatus(PostgresServer server) {
        FreshDatabase db = FreshDatabase.on(server);

        DoctorReport pending = Doctor.run(env(db.url()), PAPERCLIP, Duration.ofSeconds(5), null);
        assertThat(pending.target()).contains("***").doesNotContain(PostgresServer.PASSWORD);
        assertThat(pending.checks()).extracting(Result::name)
                .containsExactly("backups", "connection", "server version", "pg_trgm", "connections", "migrations");
        Result migrations = pending.checks().get(5);
        assertThat(migrations.status()).isEqualTo(Status.WARN);
        assertThat(migrations.message()).startsWith("the database is empty: ").endsWith("Run paperclip-migrate migrate.");
        assertThat(pending.ok()).as("a warning is not a failure").isTrue();

        Migrator.configure().url(db.url()).load().migrate();
        DoctorReport migrated = Doctor.run(env(db.url()), PAPERCLIP, Duration.ofSeconds(5), null);
        assertThat(migrated.checks().get(5).line()).startsWith("ok      migrations: up to date at 0000_core_schema");
        assertThat(migrated.checks()).allSatisfy(r -> assertThat(r.status()).isIn(Status.OK));
    }

    @Test
    void anUnreachableOrUnusableTargetIsAFailedCheck() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "postgres://app:" + PostgresServer.encoded(PostgresServer.PASSWORD) + "@127.0.0.1:" + closedPort + "/db";

        DoctorReport unreachable = Doctor.run(env(url), PAPERCLIP, Duration.ofSeconds(2), null);
        assertThat(unreachable.ok()).isFalse();
        assertThat(unreachable.checks()).extracting(Result::status)
                .containsExactly(Status.OK, Status.FAIL, Status.SKIPPED, Status.SKIPPED, Status.SKIPPED, Status.SKIPPED);
        assertThat(unreachable.checks().get(1).message()).contains("Is PostgreSQL running");

        DoctorReport malformed = Doctor.run(env("postgres://app:" + PostgresServer.encoded(PostgresServer.PASSWORD)
                + "@127.0.0.1:notaport/db"), PAPERCLIP, Duration.ofSeconds(2), null);
        assertThat(malformed.ok()).isFalse();
        assertThat(malformed.checks()).anyMatch(r -> r.status() == Status.FAIL);

        for (DoctorReport report : List.of(unreachable, malformed)) {
            assertThat(report.target()).doesNotContain(PostgresServer.PASSWORD);
            assertThat(report.checks()).allSatisfy(r -> assertThat(String.valueOf(r.message()))
                    .doesNotContain(PostgresServer.PASSWORD).doesNotContain(PostgresServer.encoded(PostgresServer.PASSWORD)));
        }
    }
}
