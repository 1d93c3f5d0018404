package ai.paperclip.maven;

import ai.paperclip.embedded.EmbeddedPostgres;
import ai.paperclip.embedded.EmbeddedPostgresOptions;
import ai.paperclip.embedded.StopResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL of the plugin's sample builds (src/it), started by the build before maven-invoker-plugin runs
 * them and stopped after: the project's own embedded server (its binaries, its root handling), in a data
 * directory under target/, on the port build-helper reserved. Run as a separate process: {@code start} leaves
 * the server running when it exits (no handle closes it), {@code stop} stops it as {@code paperclip-migrate stop}
 * does. Each sample build gets its own database.
 *
 * <pre>{@code java -cp <test class path> ai.paperclip.maven.ItPostgres start|stop <dataDir> <port> <password>}</pre>
 */
public final class ItPostgres {

    /** One database per sample build (src/it/NAME uses DATABASE_URL .../NAME with '-' as '_'). */
    static final String[] DATABASES = {"paperclip_only", "own_table"};

    private ItPostgres() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: ItPostgres start|stop <dataDir> <port> <password>");
        }
        EmbeddedPostgresOptions options = EmbeddedPostgres.builder().dataDirectory(Path.of(args[1]))
                .port(Integer.parseInt(args[2])).portAttempts(1).credentials("paperclip", args[3])
                .registerShutdownHook(false).build();
        if (args[0].equals("stop")) {
            StopResult result = EmbeddedPostgres.stop(options);
            System.out.println("ItPostgres: " + result.message());
            return;
        }
        // Never closed: the server outlives this process until the stop step.
        EmbeddedPostgres server = EmbeddedPostgres.start(options);
        try (Connection c = server.openConnection("paperclip"); Statement s = c.createStatement()) {
            for (String database : DATABASES) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                s.execute("CREATE DATABASE " + database);
            }
        }
        System.out.println("ItPostgres: PostgreSQL " + server.version() + " on port " + server.port() + ", data in "
                + server.dataDirectory());
    }
}
