package ai.paperclip.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.paperclip.db.testing.LogCapture;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each way of failing to connect gives one clear message with the fix, and never the password. */
@ExtendWith(SharedPostgres.class)
class ConnectionFailuresIT {

    private static final String WRONG_PASSWORD = "Wr0ng@Passw0rd/zz";
    private static final PaperclipDbOptions FAST = PaperclipDbOptions.builder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void explainsAWrongPasswordWithoutShowingIt(PostgresServer server) {
        ConnectionFailedException e = failure(server.url(WRONG_PASSWORD));

        assertThat(e.getMessage())
                .startsWith("Cannot connect to postgres://paperclip_app:***@127.0.0.1:" + server.port() + "/paperclip:")
                .contains("password authentication failed for user \"paperclip_app\"")
                .contains("Check the user name and password in the URL")
                .endsWith("[SQLSTATE 28P01]");
        assertThat(e.sqlState()).isEqualTo("28P01");
        assertThat(e.getCause()).isNotNull();
        assertThat(fullText(e)).doesNotContain(WRONG_PASSWORD).doesNotContain("Passw0rd");
    }

    @Test
    void explainsARefusedConnection() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ConnectionFailedException e = failure("postgres://app:" + PostgresServer.encoded(WRONG_PASSWORD)
                + "@127.0.0.1:" + closedPort + "/paperclip");

        assertThat(e.getMessage())
                .startsWith("Cannot connect to postgres://app:***@127.0.0.1:" + closedPort + "/paperclip:")
                .contains("refused")
                .contains("Is PostgreSQL running, and listening on that host and port")
                .endsWith("[SQLSTATE 08001]");
        assertThat(fullText(e)).doesNotContain("Passw0rd");
    }

    @Test
    void explainsAnUnknownHost() {
        ConnectionFailedException e = failure("postgres://app:" + PostgresServer.encoded(WRONG_PASSWORD)
                + "@no-such-host.invalid:5432/paperclip");

        assertThat(e.getMessage())
                .startsWith("Cannot connect to postgres://app:***@no-such-host.invalid:5432/paperclip: unknown host")
                .contains("Check the host name in the URL");
        assertThat(fullText(e)).doesNotContain("Passw0rd");
    }

    @Test
    void explainsAMissingDatabase(PostgresServer server) {
        String url = server.url().substring(0, server.url().lastIndexOf('/')) + "/no_such_db";

        ConnectionFailedException e = failure(url);

        assertThat(e.getMessage()).contains("database \"no_such_db\" does not exist")
                .contains("Create the database, or fix the database name in the URL path");
        assertThat(e.sqlState()).isEqualTo("3D000");
        assertThat(fullText(e)).doesNotContain(PostgresServer.PASSWORD);
    }

    @AfterAll
    static void neverLoggedAPassword() {
        assertThat(LogCapture.text()).doesNotContain("Passw0rd").doesNotContain("S3cret");
    }

    private static ConnectionFailedException failure(String url) {
        return catchThrowableOfType(ConnectionFailedException.class, () -> PaperclipDb.create(url, FAST));
    }

    /** Message, causes and stack trace: everything a log line with this exception would show. */
    private static String fullText(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
