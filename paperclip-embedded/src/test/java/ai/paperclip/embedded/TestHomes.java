package ai.paperclip.embedded;

import ai.paperclip.embedded.internal.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Temporary instance homes on random free ports; never port 54329, never the real environment. */
final class TestHomes {

    /** Shared by all tests of the module so binaries are extracted once. */
    static final Path CACHE = Path.of("target", "test-cache").toAbsolutePath();

    private TestHomes() {
    }

    /** A new instance home under {@code parent} whose config.json names a free port. */
    static InstanceHome withFreePort(Path parent) throws IOException {
        InstanceHome home = InstanceHome.of(parent.resolve("home"), "test");
        Files.createDirectories(home.instanceDirectory());
        PaperclipConfig.defaults(home.configFile())
                .with("database.embeddedPostgresPort", Ports.anyFree())
                .write(home.configFile());
        return home;
    }

    static EmbeddedPostgres.Builder builder(InstanceHome home) {
        return EmbeddedPostgres.builder().instanceHome(home).cacheDirectory(CACHE).registerShutdownHook(false);
    }
}
