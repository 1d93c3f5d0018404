package ai.paperclip.embedded.junit;

import ai.paperclip.embedded.PostgresBinaries;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The extension's test databases for code that runs outside JUnit's extension model, such as Spring's test
 * context (the Spring Boot starter's {@code @PaperclipTestDatabase}): one server per JVM (the bundled binaries,
 * random free port, temporary data directory, fsync off), template databases filled once per server, each new
 * database copied from one in milliseconds. A JVM shutdown hook stops the server and deletes its directory.
 */
public final class TestDatabases {

    private static SharedServer server;

    private TestDatabases() {
    }

    /**
     * A new database copied from the template {@code templateName}, which {@code preparer} fills the first time
     * it is named in this JVM (as {@link EmbeddedPostgresExtension.Builder#template} does).
     *
     * @param hint a readable part of the database's name, e.g. the test class
     */
    public static TestDatabase create(String templateName, TemplatePreparer preparer, String hint) {
        Objects.requireNonNull(preparer, "preparer");
        if (!templateName.matches("[a-z0-9_]{1,40}")) {
            throw new IllegalArgumentException("template name must match [a-z0-9_]{1,40}, found '" + templateName + "'");
        }
        SharedServer shared = server();
        return shared.create(shared.template(templateName, preparer), hint);
    }

    /** Drops {@code database} (closing whatever is still connected to it). */
    public static void drop(TestDatabase database) {
        server().drop(database);
    }

    private static synchronized SharedServer server() {
        if (server == null) {
            SharedServer started = SharedServer.start(PostgresBinaries.bundled(),
                    Path.of(System.getProperty("java.io.tmpdir"), "paperclip-embedded-cache"), Map.of());
            // Stops the server and deletes its temporary directory (the server's own hook only stops it).
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "paperclip-test-databases"));
            server = started;
        }
        return server;
    }
}
