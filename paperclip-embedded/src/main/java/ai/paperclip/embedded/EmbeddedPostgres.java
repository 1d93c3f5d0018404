package ai.paperclip.embedded;

import ai.paperclip.embedded.internal.DataDirectoryReset;
import ai.paperclip.embedded.internal.Databases;
import ai.paperclip.embedded.internal.LogTail;
import ai.paperclip.embedded.internal.PgCtl;
import ai.paperclip.embedded.internal.PidFile;
import ai.paperclip.embedded.internal.ProcessRunner;
import ai.paperclip.embedded.internal.ServerProbe;
import ai.paperclip.embedded.internal.StartLock;
import ai.paperclip.embedded.internal.Startup;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running embedded PostgreSQL, and the front door that starts it:
 *
 * <pre>{@code
 * try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
 *         .instanceHome(InstanceHome.fromEnvironment(System.getenv()))
 *         .start()) {
 *     String url = pg.jdbcUrl(); // user pg.user(), password pg.password()
 * }
 * }</pre>
 *
 * <p>{@link #close()} stops the server only if this handle started it ({@code pg_ctl stop -m fast});
 * a server that was already running for the data directory, and proven to be it, is reused and
 * left running. Closing is idempotent.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String HOST = "127.0.0.1";

    private final EmbeddedPostgresOptions options;
    private final Startup.Outcome outcome;
    private final Thread shutdownHook;
    private boolean closed;

    private EmbeddedPostgres(EmbeddedPostgresOptions options, Startup.Outcome outcome) {
        this.options = options;
        this.outcome = outcome;
        if (outcome.startedHere() && options.registerShutdownHook()) {
            shutdownHook = new Thread(this::close, "paperclip-embedded-postgres-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } else {
            shutdownHook = null;
        }
    }

    public static EmbeddedPostgresBuilder builder() {
        return new EmbeddedPostgresBuilder();
    }

    /** Starts (or reuses) the server described by {@code options}, and creates its database when missing. */
    public static EmbeddedPostgres start(EmbeddedPostgresOptions options) {
        Startup.Outcome outcome;
        try (StartLock lock = StartLock.acquire(options.dataDirectory())) {
            outcome = Startup.run(options);
        }
        EmbeddedPostgres pg = new EmbeddedPostgres(options, outcome);
        try {
            Databases.ensureExists(outcome.port(), options.superuser(), options.password(), options.databaseName());
        } catch (RuntimeException e) {
            pg.close();
            throw e;
        }
        return pg;
    }

    /**
     * Deletes the data directory so that the next start creates a fresh cluster. Refuses while a
     * server runs on it (this process's or another's).
     */
    public static void reset(EmbeddedPostgresOptions options) {
        Path dataDirectory = options.dataDirectory();
        try (StartLock lock = StartLock.acquire(dataDirectory)) {
            DataDirectoryReset.run(options);
        }
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return outcome.port();
    }

    /** The application database (by default {@code paperclip}). */
    public String database() {
        return options.databaseName();
    }

    public String user() {
        return options.superuser();
    }

    public String password() {
        return options.password();
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}; the credentials are not in it. */
    public String jdbcUrl() {
        return jdbcUrl(database());
    }

    public String jdbcUrl(String databaseName) {
        return "jdbc:postgresql://" + HOST + ":" + port() + "/" + databaseName;
    }

    /**
     * {@code postgres://<user>:<password>@127.0.0.1:<port>/<database>}, percent-encoded: the
     * {@code DATABASE_URL} form, credentials included. For handing to a client library, never for
     * printing.
     */
    public String connectionUri() {
        return "postgres://" + encode(user()) + ":" + encode(password()) + "@" + HOST + ":" + port() + "/"
                + encode(database());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A new connection to {@code databaseName} as the superuser; the caller closes it. */
    public Connection openConnection(String databaseName) throws SQLException {
        return ServerProbe.connect(port(), databaseName, user(), password());
    }

    /** True when this handle started the server (and so stops it at close); false when it reused one. */
    public boolean startedByThisProcess() {
        return outcome.startedHere();
    }

    /** The real path of the data directory. */
    public Path dataDirectory() {
        return outcome.realDataDirectory();
    }

    /** The server's PostgreSQL version, for example {@code 18.3}. */
    public String version() {
        return outcome.installation().version();
    }

    /** The postmaster's process id. */
    public long pid() {
        return outcome.pid();
    }

    public EmbeddedPostgresOptions options() {
        return options;
    }

    /** Stops the server if this handle started it and it is still the same postmaster; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        removeShutdownHook();
        if (!outcome.startedHere()) {
            return;
        }
        try (StartLock lock = StartLock.acquire(outcome.realDataDirectory())) {
            long current = PidFile.read(outcome.realDataDirectory()).map(PidFile::pid).orElse(-1L);
            if (current != outcome.pid()) {
                LOG.info("Not stopping PostgreSQL for {}: pid {} that this process started is no longer its"
                        + " postmaster", outcome.realDataDirectory(), outcome.pid());
                return;
            }
            ProcessRunner.Result result = new PgCtl(outcome.installation(), outcome.realDataDirectory())
                    .stop(options.startTimeout());
            if (!result.ok()) {
                throw new PostgresStartException("pg_ctl stop failed for " + outcome.realDataDirectory() + ": "
                        + result.output().strip() + "\n" + LogTail.format(LogTail.read(options.logFile())),
                        LogTail.read(options.logFile()));
            }
            LOG.info("Stopped PostgreSQL for {} (port {})", outcome.realDataDirectory(), port());
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down; the hook's close() finds this handle closed.
            }
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPostgres[" + jdbcUrl() + ", user=" + user() + ", password=****, dataDirectory="
                + dataDirectory() + ", startedByThisProcess=" + startedByThisProcess() + "]";
    }
}
