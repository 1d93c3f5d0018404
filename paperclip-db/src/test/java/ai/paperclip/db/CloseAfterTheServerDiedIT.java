package ai.paperclip.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ai.paperclip.db.testing.LogCapture;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing a PaperclipDb always succeeds, even when its embedded postmaster died under it. */
class CloseAfterTheServerDiedIT {

    @TempDir
    Path home;

    @Test
    void closeLogsInsteadOfThrowingWhenTheEmbeddedPostmasterWasKilled() throws Exception {
        Path instance = Files.createDirectories(home.resolve("instances/default"));
        Files.writeString(instance.resolve("config.json"), "{\"database\":{\"embeddedPostgresPort\":" + freePort() + "}}");
        PaperclipDb db = PaperclipDb.fromEnvironment(Map.of("PAPERCLIP_HOME", home.toString()));
        long postmaster = db.embeddedServer().orElseThrow().pid();
        ProcessHandle process = ProcessHandle.of(postmaster).orElseThrow();
        process.destroyForcibly();
        process.onExit().get(60, TimeUnit.SECONDS);

        assertThatCode(db::close).doesNotThrowAnyException();
        assertThat(LogCapture.text()).contains("(process " + postmaster + " is not running; it died or was killed):"
                + " nothing to stop");
        assertThatCode(db::close).as("closing again is harmless").doesNotThrowAnyException();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
