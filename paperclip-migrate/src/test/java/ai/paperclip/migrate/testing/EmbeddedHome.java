package ai.paperclip.migrate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Paperclip home for embedded-mode tests, under {@code target/} (never {@code ~/.paperclip}), shared by
 * every test of the run so that the PostgreSQL binaries are extracted once into its cache. Each call to
 * {@link #newInstance} gives a fresh instance whose {@code config.json} names a free port (never 54329).
 */
public final class EmbeddedHome {

    private static final Path HOME = Path.of("target", "cli-test-home").toAbsolutePath();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private EmbeddedHome() {
    }

    /** The environment of a new instance: PAPERCLIP_HOME, PAPERCLIP_INSTANCE_ID and HOME, nothing else. */
    public static Instance newInstance(String name) {
        String id = name + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        try {
            Path instance = Files.createDirectories(HOME.resolve("instances").resolve(id));
            int port = freePort();
            Files.writeString(instance.resolve("config.json"), "{\"database\":{\"embeddedPostgresPort\":" + port + "}}");
            return new Instance(Map.of("PAPERCLIP_HOME", HOME.toString(), "PAPERCLIP_INSTANCE_ID", id,
                    "HOME", HOME.toString()), instance, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** An instance: its environment, its directory and its port. */
    public record Instance(Map<String, String> env, Path directory, int port) {
        public Path dataDirectory() {
            return directory.resolve("db");
        }
    }
}
