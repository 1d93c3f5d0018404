package ai.paperclip.embedded.junit;

import ai.paperclip.embedded.EmbeddedPostgres;
import ai.paperclip.embedded.EmbeddedPostgresException;
import ai.paperclip.embedded.PostgresBinaries;
import ai.paperclip.embedded.internal.Databases;
import ai.paperclip.embedded.internal.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One test server per JVM and binaries: a temporary data directory on a random free port, with
 * durability off (fsync) because test data is thrown away. Closed by JUnit at the end of the run
 * (it is {@link AutoCloseable} in the root store), or by the server's shutdown hook.
 */
final class SharedServer implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final EmbeddedPostgres server;
    private final Path directory;
    private final Set<String> preparedTemplates = new HashSet<>();

    private SharedServer(EmbeddedPostgres server, Path directory) {
        this.server = server;
        this.directory = directory;
    }

    static SharedServer start(PostgresBinaries binaries, Path cacheDirectory, Map<String, String> serverSettings) {
        Path directory;
        try {
            directory = Files.createTempDirectory("paperclip-embedded-test-");
        } catch (IOException e) {
            throw new EmbeddedPostgresException("Cannot create a temporary directory for the test server: "
                    + e.getMessage(), e);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .dataDirectory(directory.resolve("db"))
                .logFile(directory.resolve("postgres.log"))
                .cacheDirectory(cacheDirectory)
                .binaries(binaries)
                .port(EmbeddedPostgres.Builder.ANY_FREE_PORT)
                .portAttempts(20)
                .serverSetting("fsync", "off")
                .serverSetting("synchronous_commit", "off")
                .serverSetting("full_page_writes", "off")
                .serverSetting("max_connections", "300");
        serverSettings.forEach(builder::serverSetting);
        return new SharedServer(builder.start(), directory);
    }

    TestDatabase database(String name) {
        return new TestDatabase(server.host(), server.port(), name, server.user(), server.password(), server.version());
    }

    /** Creates the template database {@code name} with {@code preparer} once per server. */
    synchronized String template(String name, TemplatePreparer preparer) {
        String database = "template_" + name;
        if (preparedTemplates.contains(database)) {
            return database;
        }
        execute("DROP DATABASE IF EXISTS " + Databases.quote(database) + " WITH (FORCE)");
        execute("CREATE DATABASE " + Databases.quote(database)
                + " ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
        try {
            preparer.prepare(database(database));
        } catch (Exception e) {
            throw new EmbeddedPostgresException("Preparing the template database " + database + " failed: "
                    + e.getMessage(), e);
        }
        // CREATE DATABASE ... TEMPLATE fails while anyone is connected to the template (a pool left open).
        try (Connection c = server.openConnection("postgres");
             PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                     + " WHERE datname = ? AND pid <> pg_backend_pid()")) {
            ps.setString(1, database);
            ps.execute();
        } catch (SQLException e) {
            throw new EmbeddedPostgresException("Cannot close connections to " + database + ": " + e.getMessage(), e);
        }
        execute("ALTER DATABASE " + Databases.quote(database) + " WITH IS_TEMPLATE true");
        preparedTemplates.add(database);
        return database;
    }

    /** A new database copied from {@code template}, named after {@code hint}. */
    TestDatabase create(String template, String hint) {
        String clean = hint.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String suffix = "_" + COUNTER.incrementAndGet();
        String name = "t_" + clean.substring(0, Math.min(clean.length(), 50)) + suffix;
        execute("CREATE DATABASE " + Databases.quote(name) + " TEMPLATE " + Databases.quote(template));
        return database(name);
    }

    void drop(TestDatabase database) {
        execute("DROP DATABASE IF EXISTS " + Databases.quote(database.name()) + " WITH (FORCE)");
    }

    private void execute(String sql) {
        try (Connection c = server.openConnection("postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new EmbeddedPostgresException(sql + " failed on the test server: " + e.getMessage()
                    + " (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    @Override
    public void close() {
        server.close();
        FileTrees.deleteQuietly(directory);
    }
}
