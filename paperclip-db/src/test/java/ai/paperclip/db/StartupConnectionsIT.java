package ai.paperclip.db;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.migration.MigrationConsole;
import ai.paperclip.db.testing.Db;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import ai.paperclip.db.testing.Wait;
import java.time.Duration;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A start logs in once: the version check, the pool size check and the migration check share one connection,
 * which becomes the pool's first. Counted by the server: with {@code log_connections} on, every login writes
 * "connection authorized" to its log before the client gets its connection.
 */
@ExtendWith(SharedPostgres.class)
class StartupConnectionsIT {

    @Test
    void aStartWithNothingPendingLogsInOnce(PostgresServer server) throws Exception {
        logConnections(server);
        String database = server.migratedDatabase();
        long before = logins(server, database);

        try (PaperclipDb db = PaperclipDb.create(server.urlOf(database, null), PaperclipDbOptions.defaults())) {
            assertThat(db.dsl().fetchValue("select count(*) from companies")).isEqualTo(0L);
            assertThat(logins(server, database) - before).isEqualTo(1);
        }
    }

    @Test
    void aStartThatMigratesLogsInOnceMoreForTheMigrationLock(PostgresServer server) throws Exception {
        logConnections(server);
        String database = server.freshDatabase();
        PaperclipDbOptions options = PaperclipDbOptions.builder().migrationAutoApply(true)
                .migrationConsole(MigrationConsole.none()).build();

        try (PaperclipDb db = PaperclipDb.create(server.urlOf(database, null), options)) {
            assertThat(db.dsl().fetchValue("select count(*) from companies")).isEqualTo(0L);
            assertThat(logins(server, database)).isEqualTo(2);
        }
    }

    private static void logConnections(PostgresServer server) {
        Db.execute(server.superuser(), "alter system set log_connections = on");
        Db.execute(server.superuser(), "select pg_reload_conf()");
        Wait.until("new sessions to log their connections", Duration.ofSeconds(30),
                () -> Db.value(server.superuser(), "show log_connections").equals("on"));
    }

    private static long logins(PostgresServer server, String database) throws Exception {
        String line = "connection authorized: user=" + PostgresServer.USER + " database=" + database + " ";
        try (Stream<String> lines = Files.lines(server.logFile())) {
            return lines.filter(l -> l.contains(line) || l.endsWith(line.strip())).count();
        }
    }
}
