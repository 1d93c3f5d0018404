package ai.paperclip.db.testing;

import ai.paperclip.db.migration.Migrator;
import ai.paperclip.embedded.EmbeddedPostgres;
import ai.paperclip.embedded.PostgresBinaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server of an exact version (binaries from the jar the build copied for it), started with
 * the project's own {@link EmbeddedPostgres} in a temporary directory on a free port, deleted on close. Besides
 * its superuser (to set things up and inspect) it has the application role {@link #USER}, with a password full
 * of URL-reserved characters and database {@link #DATABASE}: what the library under test connects as.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "paperclip_app";
    /** Deliberately full of URL-reserved characters, and easy to search for in messages and logs. */
    public static final String PASSWORD = "Sup3r@S3cret/pa:ss#w%rd";
    public static final String DATABASE = "paperclip";

    private static final String SUPERUSER = "postgres";
    private static final String SUPERUSER_PASSWORD = "superuser-of-the-test-server";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final EmbeddedPostgres postgres;
    private final Path directory;

    private PostgresServer(EmbeddedPostgres postgres, Path directory) {
        this.postgres = postgres;
        this.directory = directory;
    }

    /** Starts the server whose binaries jar path is in the system property {@code jarProperty}. */
    public static PostgresServer start(String jarProperty) {
        String jar = System.getProperty(jarProperty);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("System property " + jarProperty + " must name the PostgreSQL"
                    + " binaries jar (set by the failsafe configuration of this module's pom.xml); got " + jar);
        }
        Path directory;
        try {
            directory = Files.createTempDirectory("paperclip-test-server-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .dataDirectory(directory.resolve("db"))
                .logFile(directory.resolve("postgres.log"))
                .cacheDirectory(Path.of(System.getProperty("java.io.tmpdir"), "paperclip-embedded-cache"))
                .binaries(PostgresBinaries.fromJar(Path.of(jar)))
                .port(EmbeddedPostgres.Builder.ANY_FREE_PORT)
                .portAttempts(20)
                .databaseName(SUPERUSER)
                .credentials(SUPERUSER, SUPERUSER_PASSWORD)
                .serverSetting("fsync", "off")
                .serverSetting("max_connections", "300")
                .start();
        PostgresServer server = new PostgresServer(postgres, directory);
        server.createRoleAndDatabase();
        return server;
    }

    private void createRoleAndDatabase() {
        try (Connection c = superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("create role " + USER + " login password '" + PASSWORD.replace("'", "''") + "'");
            s.execute("create database " + DATABASE + " owner " + USER);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the test server", e);
        }
    }

    /** The server's log (its stderr). */
    public Path logFile() {
        return directory.resolve("postgres.log");
    }

    public int port() {
        return postgres.port();
    }

    /** {@code postgres://paperclip_app:<encoded password>@127.0.0.1:<port>/paperclip}. */
    public String url() {
        return url(PASSWORD);
    }

    public String url(String password) {
        return "postgres://" + USER + ":" + encoded(password) + "@127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** Percent-encoded for the userinfo of a URL (no spaces in our passwords, so '+' never appears). */
    public static String encoded(String password) {
        return URLEncoder.encode(password, StandardCharsets.UTF_8);
    }

    /** Creates a new, empty database owned by the application role and returns its name. */
    public String freshDatabase() {
        String name = "fresh_" + DATABASES.incrementAndGet();
        try (Connection c = superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name + " owner " + USER);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return name;
    }

    /** A {@link #freshDatabase()} with Paperclip's committed history applied; returns its name. */
    public String migratedDatabase() {
        String name = freshDatabase();
        Migrator.configure().url(urlOf(name, null)).load().migrate();
        return name;
    }

    /** Lets the application role create databases (the scratch database of a backup's verify). */
    public void allowDatabaseCreation() {
        try (Connection c = superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + USER + " CREATEDB");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not let " + USER + " create databases", e);
        }
    }

    /** {@code postgres://paperclip_app:<encoded password>@127.0.0.1:<port>/<database>}, plus {@code query} if given. */
    public String urlOf(String database, String query) {
        return "postgres://" + USER + ":" + encoded(PASSWORD) + "@127.0.0.1:" + port() + "/" + database
                + (query == null ? "" : "?" + query);
    }

    /** The superuser on {@code database}, for inspecting what the library did there. */
    public DataSource superuserOn(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {postgres.host()});
        ds.setPortNumbers(new int[] {port()});
        ds.setDatabaseName(database);
        ds.setUser(SUPERUSER);
        ds.setPassword(SUPERUSER_PASSWORD);
        return ds;
    }

    /** The superuser, for setting up and inspecting; never what the library under test uses. */
    public DataSource superuser() {
        return superuserOn(SUPERUSER);
    }

    /** Stops the server (this handle is its only user) and deletes its directory. */
    @Override
    public void close() {
        postgres.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the test server's directory " + directory, e);
        }
    }
}
