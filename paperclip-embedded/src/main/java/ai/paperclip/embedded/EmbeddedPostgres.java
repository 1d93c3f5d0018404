package ai.paperclip.embedded;

import ai.paperclip.embedded.internal.DataDirectoryReset;
import ai.paperclip.embedded.internal.DataDirectoryRule;
import ai.paperclip.embedded.internal.Ports;
import ai.paperclip.embedded.internal.Databases;
import ai.paperclip.embedded.internal.ServerControl;
import ai.paperclip.embedded.internal.ServerProbe;
import ai.paperclip.embedded.internal.ServerShutdown;
import ai.paperclip.embedded.internal.ServerUsers;
import ai.paperclip.embedded.internal.StartLock;
import ai.paperclip.embedded.internal.Startup;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * <p><b>The last one out stops the server.</b> Every handle, in any process, counts as a user of its
 * instance's server for as long as it is open (a shared OS lock on {@code .db.users} beside the data
 * directory, plus a count of the handles in this JVM). {@link #close()} stops the server only when it
 * closes the last handle of the last process using it, whichever process started the server, and only
 * if this library started it (a server started by hand or by another program is reused and left
 * running). Closing is idempotent and never throws: a postmaster that died meanwhile is logged.
 *
 * <p>The file is longer than most because it holds the nested {@link Builder}, the one way to make
 * {@link EmbeddedPostgresOptions} from an instance's {@code config.json} (the options themselves check every
 * setting), as {@code MigrationOptions} and {@code PushOptions} nest theirs.
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
        if (options.registerShutdownHook()) {
            shutdownHook = new Thread(this::close, "paperclip-embedded-postgres-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } else {
            shutdownHook = null;
        }
    }

    /** A builder of the settings of an embedded server, which also starts it ({@link Builder#start()}). */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts (or reuses) the server described by {@code options}, and creates its database when missing. */
    public static EmbeddedPostgres start(EmbeddedPostgresOptions options) {
        Startup.Outcome outcome;
        try (StartLock lock = StartLock.acquire(options.dataDirectory())) {
            outcome = Startup.run(options);
            ServerUsers.join(options.dataDirectory());
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
     * Deletes the data directory so that the next start creates a fresh cluster, only when it provably holds
     * a cluster ({@code PG_VERSION} and {@code global/pg_control}) and is neither the file system root nor your
     * home. Refuses while a server runs on it or a process of this library uses it.
     *
     * @return true when it was deleted, false when there was nothing to delete (absent or empty)
     * @throws DataDirectoryException when refused; nothing is deleted then
     */
    public static boolean reset(EmbeddedPostgresOptions options) {
        Path dataDirectory = options.dataDirectory();
        try (StartLock lock = StartLock.acquire(dataDirectory)) {
            return DataDirectoryReset.run(options);
        }
    }

    /**
     * Looks at the server of {@code options}' data directory without starting, stopping or changing
     * anything: what {@code postmaster.pid} names and whether it is proven this instance's, whether a
     * process of this library uses it, and ghosts (servers whose data directory was deleted or moved
     * while they ran) on the instance's ports.
     */
    public static ServerStatus inspect(EmbeddedPostgresOptions options) {
        return ServerControl.inspect(options);
    }

    /**
     * Stops a server of this instance that no process of this library uses any more (an orphan, left by
     * a killed process or a host that never closed), and ghosts of it: only a server proven to be this
     * instance's is signalled. Refuses while a process of this library still uses the server.
     */
    public static StopResult stop(EmbeddedPostgresOptions options) {
        try (StartLock lock = StartLock.acquire(options.dataDirectory())) {
            return ServerControl.stop(options);
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

    /** True when this handle started the server; false when it reused one. Either may stop it at close, if it is the last user. */
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

    /**
     * Stops using the server: when this is the last handle of the last process using it, stops it (if this
     * library started it). Idempotent; never throws: failures, such as a postmaster that died, are logged.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        removeShutdownHook();
        Path real = outcome.realDataDirectory();
        try (StartLock lock = StartLock.acquire(options.dataDirectory())) {
            boolean last = ServerUsers.leave(options.dataDirectory(),
                    () -> ServerShutdown.lastUserOut(options, outcome.installation(), real));
            if (!last) {
                LOG.info("Leaving PostgreSQL for {} running on port {}: another handle or process still uses it, and"
                        + " the last one to close stops it", real, port());
            }
        } catch (RuntimeException e) {
            LOG.warn("Closing the embedded PostgreSQL of {} did not complete: {}", real, e.getMessage(), e);
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

    /**
     * Settings of an embedded server. Either an {@link #instanceHome(InstanceHome) instance home} (whose
     * {@code config.json} supplies the port and the data directory) or a {@link #dataDirectory(Path) data
     * directory} is required; explicit settings win over {@code config.json}. Not thread-safe.
     */
    public static final class Builder {

        /** {@link #port(int)} of it picks a free port. */
        public static final int ANY_FREE_PORT = 0;

        private InstanceHome instanceHome;
        private String userHome;
        private Path dataDirectory;
        private Integer port;
        private int portAttempts = EmbeddedPostgresOptions.DEFAULT_PORT_ATTEMPTS;
        private PostgresBinaries binaries = PostgresBinaries.bundled();
        private Path cacheDirectory;
        private Path logFile;
        private Duration startTimeout = EmbeddedPostgresOptions.DEFAULT_START_TIMEOUT;
        private boolean registerShutdownHook = true;
        private boolean clusterTemplateCache = true;
        private String databaseName = EmbeddedPostgresOptions.DEFAULT_DATABASE;
        private String superuser = EmbeddedPostgresOptions.DEFAULT_SUPERUSER;
        private String password = EmbeddedPostgresOptions.DEFAULT_PASSWORD;
        private final Map<String, String> serverSettings = new LinkedHashMap<>();

        private Builder() {
        }

        /** The instance whose {@code config.json}, {@code db/}, {@code logs/} and cache are used. */
        public Builder instanceHome(InstanceHome home) {
            this.instanceHome = Objects.requireNonNull(home, "instanceHome");
            return this;
        }

        /** {@link InstanceHome#fromEnvironment(Map)} plus {@code HOME} for {@code ~} in {@code config.json}. */
        public Builder fromEnvironment(Map<String, String> env) {
            this.instanceHome = InstanceHome.fromEnvironment(env);
            this.userHome = env.get("HOME");
            return this;
        }

        /** Overrides {@code database.embeddedPostgresDataDir} and {@code <instance>/db}. */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = Objects.requireNonNull(directory, "dataDirectory");
            return this;
        }

        /**
         * The first port tried; overrides {@code database.embeddedPostgresPort} (default 54329). {@value #ANY_FREE_PORT}
         * picks a port that is free when the options are built (tests, a second server beside the instance's).
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** How many consecutive ports, from the first, are tried when one is taken (default 10). */
        public Builder portAttempts(int attempts) {
            this.portAttempts = attempts;
            return this;
        }

        public Builder binaries(PostgresBinaries binaries) {
            this.binaries = Objects.requireNonNull(binaries, "binaries");
            return this;
        }

        /** Where binaries are extracted and cluster templates cached (default {@code $PAPERCLIP_HOME/cache}). */
        public Builder cacheDirectory(Path directory) {
            this.cacheDirectory = Objects.requireNonNull(directory, "cacheDirectory");
            return this;
        }

        /** PostgreSQL's log (default {@code <instance>/logs/embedded-postgres.log}). */
        public Builder logFile(Path file) {
            this.logFile = Objects.requireNonNull(file, "logFile");
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout, "startTimeout");
            return this;
        }

        /** Whether a JVM shutdown hook closes the handle (default true), which stops the server if this is its last user; turn it off when the host closes the handle in its own shutdown order. */
        public Builder registerShutdownHook(boolean register) {
            this.registerShutdownHook = register;
            return this;
        }

        /** Whether new clusters are copied from a cached freshly initialised one instead of running initdb (default true). */
        public Builder clusterTemplateCache(boolean enabled) {
            this.clusterTemplateCache = enabled;
            return this;
        }

        public Builder databaseName(String name) {
            this.databaseName = Objects.requireNonNull(name, "databaseName");
            return this;
        }

        /** The superuser and its password, set when the cluster is created (default paperclip/paperclip). */
        public Builder credentials(String superuser, String password) {
            this.superuser = Objects.requireNonNull(superuser, "superuser");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * A server setting passed as {@code -c name=value} at every start, for example
         * {@code serverSetting("shared_buffers", "256MB")}. {@code listen_addresses}, {@code port} and
         * {@code unix_socket_directories} are managed by this library and cannot be set.
         */
        public Builder serverSetting(String name, String value) {
            EmbeddedPostgresOptions.requireSetting(name, value);
            serverSettings.put(name, value);
            return this;
        }

        /**
         * Resolves {@code config.json} and the instance's defaults, then validates every setting once (in
         * {@link EmbeddedPostgresOptions}' constructor).
         *
         * @throws ConfigurationException naming the setting that is not valid and what to do
         */
        public EmbeddedPostgresOptions build() {
            if (instanceHome == null && dataDirectory == null) {
                throw new ConfigurationException("Neither instanceHome nor dataDirectory is set: call"
                        + " instanceHome(InstanceHome.fromEnvironment(System.getenv())) or dataDirectory(path).");
            }
            PaperclipConfig config = instanceHome == null ? null : PaperclipConfig.read(instanceHome.configFile());
            Path data = dataDirectory != null ? checked(dataDirectory) : config.embeddedPostgresDataDir(instanceHome, userHome);
            data = data.toAbsolutePath().normalize();
            int firstPort;
            String portSetting;
            if (port != null && port == ANY_FREE_PORT) {
                firstPort = Ports.anyFree();
                portSetting = "a free port (port(0) of the builder)";
            } else if (port != null) {
                firstPort = port;
                portSetting = "port(" + port + ") of the builder";
            } else if (config != null) {
                firstPort = config.embeddedPostgresPort();
                portSetting = "database.embeddedPostgresPort = " + firstPort + " in " + config.source();
            } else {
                firstPort = PaperclipConfig.DEFAULT_EMBEDDED_POSTGRES_PORT;
                portSetting = "the default port " + firstPort;
            }
            Path cache = cacheDirectory != null ? cacheDirectory
                    : instanceHome != null ? instanceHome.cacheDirectory() : data.resolveSibling(".paperclip-cache");
            Path log = logFile != null ? logFile
                    : instanceHome != null ? instanceHome.logsDirectory().resolve("embedded-postgres.log")
                    : data.resolveSibling(data.getFileName() + "-postgres.log");
            return new EmbeddedPostgresOptions(data, firstPort, portSetting, portAttempts, binaries,
                    cache.toAbsolutePath().normalize(), log.toAbsolutePath().normalize(), startTimeout,
                    registerShutdownHook, clusterTemplateCache, databaseName, superuser, password, serverSettings);
        }

        /** Starts (or reuses) the server. */
        public EmbeddedPostgres start() {
            EmbeddedPostgresOptions options = build();
            if (instanceHome != null) {
                instanceHome.createDirectories();
            }
            return EmbeddedPostgres.start(options);
        }

        /** {@link EmbeddedPostgres#reset(EmbeddedPostgresOptions)} with these settings. */
        public boolean reset() {
            return EmbeddedPostgres.reset(build());
        }

        /** The same rule as {@code database.embeddedPostgresDataDir}: reset deletes the data directory whole. */
        private Path checked(Path directory) {
            List<DataDirectoryRule.Guarded> guarded = new ArrayList<>(DataDirectoryRule.always(userHome));
            if (instanceHome != null) {
                guarded.add(new DataDirectoryRule.Guarded(instanceHome.home(), "the Paperclip home"));
                guarded.add(new DataDirectoryRule.Guarded(instanceHome.instanceDirectory(), "the instance directory"));
            }
            if (!directory.isAbsolute()) {
                guarded.add(new DataDirectoryRule.Guarded(Path.of("").toAbsolutePath(), "the working directory"));
            }
            DataDirectoryRule.problem(directory, guarded).ifPresent(problem -> {
                throw new ConfigurationException("dataDirectory(" + directory + ") " + problem + ": the data directory"
                        + " must be a directory of its own, since reset deletes it whole. Choose a new directory for it.");
            });
            return directory;
        }
    }
}
