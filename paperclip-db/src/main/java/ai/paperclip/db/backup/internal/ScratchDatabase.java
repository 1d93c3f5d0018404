package ai.paperclip.db.backup.internal;

import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.backup.BackupException;
import ai.paperclip.db.internal.ConnectionFailures;
import ai.paperclip.db.internal.ConnectionTarget;
import ai.paperclip.db.internal.PoolFactory;
import ai.paperclip.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where {@code verify} restores: a temporary database on the target server ({@code CREATE DATABASE}, needs
 * CREATEDB, dropped with FORCE at close), or a temporary embedded server under a work directory (stopped and
 * deleted at close).
 */
public final class ScratchDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScratchDatabase.class);
    private static final Pattern JDBC_DATABASE = Pattern.compile("^(jdbc:postgresql://[^/]*/)([^?]*)(\\?.*)?$");

    private static final int DROP_ATTEMPTS = 5;
    private static final String OBJECT_IN_USE = "55006";

    private final String url;
    private final String description;
    private final Runnable cleanup;

    private ScratchDatabase(String url, String description, Runnable cleanup) {
        this.url = url;
        this.description = description;
        this.cleanup = cleanup;
    }

    public static ScratchDatabase create(ConnectionTarget target, PaperclipDbOptions options) {
        String name = "paperclip_verify_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Matcher m = JDBC_DATABASE.matcher(target.jdbcUrl());
        if (!m.matches()) {
            throw new BackupException("Cannot derive a scratch database URL from " + target + "; use verify --embedded.",
                    null, null);
        }
        String jdbc = m.group(1) + name + (m.group(3) == null ? "" : m.group(3));
        try (Connection c = new Driver().connect(target.jdbcUrl(), PoolFactory.driverProperties(target, options));
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                throw new BackupException("verify needs to create a scratch database on " + target + ", but the role"
                        + " may not (CREATEDB). Grant it (ALTER ROLE ... CREATEDB) or verify with --embedded.",
                        e.getSQLState(), e);
            }
            throw ConnectionFailures.describe(e, target);
        }
        String scratchUrl = jdbcWithCredentials(jdbc, target);
        return new ScratchDatabase(scratchUrl, "scratch database " + name + " on " + target,
                () -> drop(name, target, options));
    }

    /**
     * Drops the scratch database. {@code WITH (FORCE)} ends its sessions but waits only a few seconds for them to
     * exit; on a busy server that wait can run out (55006, object in use), so the drop is tried again a bounded
     * number of times before the database is reported as left behind.
     */
    private static void drop(String name, ConnectionTarget target, PaperclipDbOptions options) {
        SQLException last = null;
        for (int attempt = 1; attempt <= DROP_ATTEMPTS; attempt++) {
            try (Connection c = new Driver().connect(target.jdbcUrl(), PoolFactory.driverProperties(target, options));
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                return;
            } catch (SQLException e) {
                last = e;
                if (!OBJECT_IN_USE.equals(e.getSQLState())) {
                    break;
                }
                LockSupport.parkNanos(Duration.ofMillis(500L * attempt).toNanos());
            }
        }
        LOG.warn("Cannot drop the scratch database {} on {}: {}. Drop it by hand.", name, target, last.getMessage());
    }

    public static ScratchDatabase embedded(Path workDirectory, Path binaryCache) {
        Path dir = workDirectory.resolve("verify-" + UUID.randomUUID().toString().substring(0, 8));
        EmbeddedPostgres server = EmbeddedPostgres.builder().dataDirectory(dir.resolve("db")).port(freePort())
                .cacheDirectory(binaryCache).logFile(dir.resolve("postgres.log")).clusterTemplateCache(false)
                .start();
        return new ScratchDatabase(server.connectionUri(), "a temporary embedded PostgreSQL " + server.version(), () -> {
            server.close();
            deleteTree(dir);
        });
    }

    /** A URL with the target's user and password (as properties, never in text anyone sees). */
    private static String jdbcWithCredentials(String jdbc, ConnectionTarget target) {
        StringBuilder url = new StringBuilder(jdbc);
        String separator = jdbc.contains("?") ? "&" : "?";
        for (String key : target.properties().stringPropertyNames()) {
            url.append(separator).append(enc(key)).append('=').append(enc(target.properties().getProperty(key)));
            separator = "&";
        }
        return url.toString();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The URL to restore into: carries credentials, never print it. */
    public String url() {
        return url;
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        cleanup.run();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new BackupException("No free local port for a temporary PostgreSQL: " + e, null, e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", dir, e.toString());
        }
    }
}
