package ai.paperclip.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.paperclip.db.introspect.PushOptions;
import ai.paperclip.db.introspect.SchemaPush;
import ai.paperclip.db.migration.MigrationStatus;
import ai.paperclip.db.migration.Migrator;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.schema.core.PaperclipSchema;
import java.sql.Statement;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
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
    void everyWayOfChangingTheDatabaseRefusesItTooBeforeChangingAnything() throws Exception {
        Migrator migrator = Migrator.configure().url(postgres14.url()).load();
        for (ThrowingCallable change : List.<ThrowingCallable>of(() -> migrator.migrate(),
                () -> migrator.rollback(1), () -> migrator.markApplied("0000_core_schema"), () -> {
                    try (Connection c = postgres14.superuser().getConnection()) {
                        SchemaPush.push(c, PaperclipSchema.SCHEMA.model(), PushOptions.defaults());
                    }
                })) {
            assertThatThrownBy(change).isInstanceOf(UnsupportedServerException.class)
                    .hasMessageContaining("(server_version_num 14")
                    .hasMessageContaining("is not supported: paperclip-db needs PostgreSQL 17 or newer")
                    .hasMessageNotContaining(PostgresServer.PASSWORD);
        }
        try (Connection c = postgres14.superuser().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from pg_tables where schemaname = 'public'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("no table, not even databasechangelog").isZero();
        }
        assertThat(migrator.status().state()).as("reading is still allowed (doctor, status)")
                .isEqualTo(MigrationStatus.State.EMPTY);
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
