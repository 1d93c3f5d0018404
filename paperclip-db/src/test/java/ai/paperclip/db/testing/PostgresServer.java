package ai.paperclip.db.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipFile;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server of an exact version (binaries from the jar the build copied for it), with
 * password authentication for the application role: only the {@code postgres} superuser, used to set
 * things up, is trusted.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "paperclip_app";
    /** Deliberately full of URL-reserved characters, and easy to search for in messages and logs. */
    public static final String PASSWORD = "Sup3r@S3cret/pa:ss#w%rd";
    public static final String DATABASE = "paperclip";

    private static final String ARCHIVE_ENTRY = "postgres-linux-x86_64.txz";
    private static final String HBA = String.join("\n",
            "local all all trust",
            "host all postgres 127.0.0.1/32 trust",
            "host all postgres ::1/128 trust",
            "host all all 127.0.0.1/32 scram-sha-256",
            "host all all ::1/128 scram-sha-256",
            "");

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts the server whose binaries jar path is in the system property {@code jarProperty}. */
    public static PostgresServer start(String jarProperty) {
        String jar = System.getProperty(jarProperty);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("System property " + jarProperty + " must name the PostgreSQL"
                    + " binaries jar (set by the failsafe configuration in paperclip-db/pom.xml); got " + jar);
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPgBinaryResolver(resolver(Path.of(jar)))
                    .setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()))
                    .start();
            PostgresServer server = new PostgresServer(postgres);
            server.createRoleAndDatabase();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PgBinaryResolver resolver(Path jar) {
        return (system, machine) -> {
            ZipFile zip = new ZipFile(jar.toFile());
            InputStream in = zip.getInputStream(zip.getEntry(ARCHIVE_ENTRY));
            return new java.io.FilterInputStream(in) {
                @Override
                public void close() throws IOException {
                    super.close();
                    zip.close();
                }
            };
        };
    }

    private static void writeHba(Path dataDirectory) {
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), HBA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void createRoleAndDatabase() {
        try (Connection c = superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("create role " + USER + " login password '" + PASSWORD.replace("'", "''") + "'");
            s.execute("create database " + DATABASE + " owner " + USER);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the test server", e);
        }
    }

    public int port() {
        return postgres.getPort();
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

    /** {@code postgres://paperclip_app:<encoded password>@127.0.0.1:<port>/<database>}, plus {@code query} if given. */
    public String urlOf(String database, String query) {
        return "postgres://" + USER + ":" + encoded(PASSWORD) + "@127.0.0.1:" + port() + "/" + database
                + (query == null ? "" : "?" + query);
    }

    /** The trusted superuser on {@code database}, for inspecting what the library did there. */
    public DataSource superuserOn(String database) {
        return postgres.getDatabase("postgres", database);
    }

    /** The trusted superuser, for setting up and inspecting; never what the library under test uses. */
    public DataSource superuser() {
        return postgres.getPostgresDatabase();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
