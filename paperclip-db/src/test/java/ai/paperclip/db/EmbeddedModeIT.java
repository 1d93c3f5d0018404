package ai.paperclip.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default mode: no DATABASE_URL, and a real, persistent PostgreSQL all the same. */
class EmbeddedModeIT {

    @TempDir
    Path home;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void withoutDatabaseUrlStartsTheInstancesServerKeepsTheDataAndStopsWhatItStarted() throws Exception {
        int port = freePort();
        Path instance = Files.createDirectories(home.resolve("instances/default"));
        Files.writeString(instance.resolve("config.json"), "{\"database\":{\"embeddedPostgresPort\":" + port + "}}");
        Map<String, String> env = Map.of("PAPERCLIP_HOME", home.toString());

        try (PaperclipDb db = PaperclipDb.fromEnvironment(env)) {
            assertThat(db.embeddedServer()).hasValueSatisfying(server -> {
                assertThat(server.port()).isEqualTo(port);
                assertThat(server.startedByThisProcess()).isTrue();
            });
            db.dsl().execute("create table notes (body text not null)");
            db.dsl().execute("insert into notes values ('kept')");
            assertThat(db.health().serverVersionNum()).isGreaterThanOrEqualTo(180000);
        }
        assertThat(Files.exists(instance.resolve("db/PG_VERSION"))).isTrue();
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/paperclip",
                "paperclip", "paperclip").close())
                .as("the server this process started is stopped on close")
                .isInstanceOf(java.sql.SQLException.class);

        try (PaperclipDb db = PaperclipDb.fromEnvironment(env)) {
            assertThat(db.dsl().fetchValue("select body from notes")).isEqualTo("kept");
        }
    }
}
