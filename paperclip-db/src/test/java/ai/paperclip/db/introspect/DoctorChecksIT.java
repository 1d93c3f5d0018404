package ai.paperclip.db.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.introspect.DoctorCheck.Result;
import ai.paperclip.db.introspect.DoctorCheck.Status;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The doctor on a healthy PostgreSQL 17, on a port nobody listens on, and on a PostgreSQL 14. */
@ExtendWith(SharedPostgres.class)
class DoctorChecksIT {

    /** A check that needs no database, as the embedded data directory check will be. */
    private static final DoctorCheck OFFLINE = new DoctorCheck() {
        @Override
        public String name() {
            return "data directory";
        }

        @Override
        public boolean needsConnection() {
            return false;
        }

        @Override
        public Result run(Context context) {
            return new Result(name(), Status.WARN, "checked without a connection");
        }
    };

    @Test
    void aHealthyPostgres17PassesEveryCheck(PostgresServer server) throws Exception {
        // A fresh database: the shared server's own database is migrated, so pg_trgm is installed there.
        FreshDatabase db = FreshDatabase.on(server);
        List<Result> results = DoctorChecks.standard().run(db.url());

        assertThat(results).extracting(Result::name)
                .containsExactly("connection", "server version", "pg_trgm", "connections");
        assertThat(results).extracting(Result::status).containsOnly(Status.OK);
        assertThat(results.get(0).message()).startsWith("PostgreSQL 17.");
        assertThat(results.get(1).message()).matches("PostgreSQL 17\\.\\d+ \\(server_version_num 170\\d{3}\\)");
        assertThat(results.get(2).message()).matches("extension pg_trgm [0-9.]+ available, not installed yet: .*");
        assertThat(results.get(3).message()).matches("\\d+ of max_connections \\d+ in use \\(\\d+%\\)");
        assertThat(DoctorChecks.anyFailed(results)).isFalse();
    }

    @Test
    void reportsAnInstalledPgTrgmWithItsVersion(PostgresServer server) throws Exception {
        FreshDatabase db = FreshDatabase.on(server);
        db.execute("CREATE EXTENSION pg_trgm");

        List<Result> results = DoctorChecks.standard().run(db.url());

        assertThat(results.get(2).line()).matches("ok      pg_trgm: extension pg_trgm [0-9.]+ installed");
    }

    @Test
    void anUnreachableServerFailsTheConnectionAndSkipsWhatNeedsIt() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "postgres://app:" + PostgresServer.encoded(PostgresServer.PASSWORD) + "@127.0.0.1:" + closedPort + "/db";

        List<Result> results = DoctorChecks.standard().with(OFFLINE).run(url, Duration.ofSeconds(5));

        assertThat(results).extracting(Result::status)
                .containsExactly(Status.FAIL, Status.SKIPPED, Status.SKIPPED, Status.SKIPPED, Status.WARN);
        assertThat(results.get(0).message()).startsWith("Cannot connect to postgres://app:***@127.0.0.1:" + closedPort
                + "/db: ").contains("Is PostgreSQL running");
        assertThat(results.get(1).line()).isEqualTo("skipped server version: no connection");
        assertThat(results).allSatisfy(r -> assertThat(r.message()).doesNotContain(PostgresServer.PASSWORD));
        assertThat(DoctorChecks.anyFailed(results)).isTrue();
    }

    @Test
    void aMalformedUrlFailsTheConnectionCheck() {
        List<Result> results = DoctorChecks.standard().run("mysql://root@localhost/db");

        assertThat(results.get(0).status()).isEqualTo(Status.FAIL);
        assertThat(results.get(0).message()).contains("the scheme 'mysql:' is not supported");
    }

    @Test
    void aServerOlderThan17FailsTheVersionCheckAndTheOtherChecksStillRun() {
        try (PostgresServer postgres14 = PostgresServer.start("paperclip.test.postgres14.jar")) {
            List<Result> results = DoctorChecks.standard().run(postgres14.url());

            assertThat(results).extracting(Result::status)
                    .containsExactly(Status.OK, Status.FAIL, Status.OK, Status.OK);
            assertThat(results.get(1).message()).matches("PostgreSQL 14\\.\\d+ \\(server_version_num 14\\d{4}\\) is not supported:"
                    + " paperclip-db needs PostgreSQL 17 or newer\\. .*");
        }
    }
}
