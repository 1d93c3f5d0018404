package ai.paperclip.examples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test instances of the embedded default: a temporary {@code PAPERCLIP_HOME} shared by a test class (so
 * the extracted binaries are cached once), one instance per test, each with a free port in its
 * {@code config.json}. Never the real {@code ~/.paperclip}, never port 54329.
 */
final class Instances {

    private static final AtomicInteger IDS = new AtomicInteger();

    private Instances() {
    }

    /** A new instance under {@code home}: its environment (HOME is the temporary home too). */
    static Map<String, String> newInstance(Path home) {
        String id = "test-" + IDS.incrementAndGet();
        Path config = home.resolve("instances").resolve(id).resolve("config.json");
        try {
            Files.createDirectories(config.getParent());
            Files.writeString(config, "{\"database\":{\"embeddedPostgresPort\":" + freePort() + "}}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("PAPERCLIP_HOME", home.toString(), "PAPERCLIP_INSTANCE_ID", id, "HOME", home.toString());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Captures what an example prints. */
    static final class Output {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
