package ai.paperclip.spring.boot;

import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.spring.boot.autoconfigure.PaperclipAutoConfiguration;
import ai.paperclip.spring.boot.autoconfigure.PaperclipDataSourceAutoConfiguration;
import ai.paperclip.spring.boot.autoconfigure.PaperclipHealthAutoConfiguration;
import ai.paperclip.spring.boot.autoconfigure.PaperclipMetricsAutoConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** What the context-runner tests share: the auto-configurations a Boot application with the starter gets. */
final class Contexts {

    static final AutoConfigurations STARTER = AutoConfigurations.of(PaperclipDataSourceAutoConfiguration.class,
            PaperclipAutoConfiguration.class, PaperclipHealthAutoConfiguration.class, PaperclipMetricsAutoConfiguration.class,
            DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class, JooqAutoConfiguration.class);

    private Contexts() {
    }

    static ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withConfiguration(STARTER);
    }

    /** {@code postgres://} URL of a new, empty database on {@code server}. */
    static String freshUrl(PostgresServer server) {
        return server.urlOf(server.freshDatabase(), null);
    }

    /** {@code jdbc:postgresql:} URL (no credentials) of a new, empty database on {@code server}. */
    static String freshJdbcUrl(PostgresServer server) {
        return "jdbc:postgresql://127.0.0.1:" + server.port() + "/" + server.freshDatabase();
    }

    /** A Paperclip home whose default instance runs its embedded server on a free port (never 54329). */
    static Path home(Path directory) {
        try {
            Path instance = Files.createDirectories(directory.resolve("instances/default"));
            Files.writeString(instance.resolve("config.json"), "{\"database\":{\"embeddedPostgresPort\":" + freePort() + "}}");
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
