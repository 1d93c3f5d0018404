package ai.paperclip.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.paperclip.db.testing.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real PostgreSQL 14 server, refused on the first connection. */
class UnsupportedServerIT {

    private static PostgresServer postgres14;

    @BeforeAll
    static void startPostgres14() {
        postgres14 = PostgresServer.start("paperclip.test.postgres14.jar");
    }

    @AfterAll
    static void stopPostgres14() {
        if (postgres14 != null) {
            postgres14.close();
        }
    }

    @Test
    void refusesAServerOlderThan17NamingTheVersionFoundAndWhatIsSupported() {
        UnsupportedServerException e = catchThrowableOfType(UnsupportedServerException.class,
                () -> PaperclipDb.create(postgres14.url(), PaperclipDbOptions.defaults()));

        String version = System.getProperty("paperclip.test.postgres14.version"); // e.g. 14.22.0
        String majorMinor = version.substring(0, version.lastIndexOf('.'));
        assertThat(e.getMessage())
                .startsWith("PostgreSQL " + majorMinor + " (server_version_num 14")
                .contains("at postgres://paperclip_app:***@127.0.0.1:" + postgres14.port() + "/paperclip")
                .contains("is not supported: paperclip-db needs PostgreSQL 17 or newer")
                .doesNotContain(PostgresServer.PASSWORD);
        assertThat(e.serverVersionNum()).isBetween(140000, 149999);
    }

    @Test
    void closesThePoolItOpenedBeforeRefusing() throws Exception {
        catchThrowableOfType(UnsupportedServerException.class,
                () -> PaperclipDb.create(postgres14.url(), PaperclipDbOptions.builder().applicationName("refused").build()));

        // A closed client's backend leaves pg_stat_activity a moment later: wait for it, boundedly.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int left;
        do {
            left = backendsNamed("refused");
        } while (left > 0 && System.nanoTime() < deadline);
        assertThat(left).isZero();
    }

    private static int backendsNamed(String applicationName) throws Exception {
        try (Connection c = postgres14.superuser().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select count(*) from pg_stat_activity where application_name = ?")) {
            ps.setString(1, applicationName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
