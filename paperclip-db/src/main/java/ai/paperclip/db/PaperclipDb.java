package ai.paperclip.db;

import ai.paperclip.db.internal.ConnectionFailures;
import ai.paperclip.db.internal.ConnectionTarget;
import ai.paperclip.db.internal.ConnectionUrls;
import ai.paperclip.db.internal.HealthProbe;
import ai.paperclip.db.internal.JooqBanner;
import ai.paperclip.db.internal.PoolFactory;
import ai.paperclip.db.internal.PoolSizeCheck;
import ai.paperclip.db.internal.QueryLogListener;
import ai.paperclip.db.internal.ServerVersionCheck;
import ai.paperclip.db.internal.StartupMigrations;
import ai.paperclip.db.internal.StartupStep;
import ai.paperclip.db.internal.WarmUp;
import ai.paperclip.embedded.EmbeddedPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paperclip's database: a pooled connection to PostgreSQL 17+ with jOOQ on top, its schema brought up to
 * date before {@link #create} returns. The front door of paperclip-db; owns its pool and, in embedded
 * mode, its handle on the server, which {@link #close()} closes (the last user of a server stops it).
 *
 * <pre>{@code
 * try (PaperclipDb db = PaperclipDb.fromEnvironment(System.getenv())) {   // DATABASE_URL, .env, config.json or embedded
 *     db.dsl().fetch("select 1");
 * }
 * }</pre>
 */
public final class PaperclipDb implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PaperclipDb.class);

    static {
        // Before jOOQ renders anything: its logo and tip of the day stay out of the host's log.
        JooqBanner.silence();
    }

    // Run in order on the new pool before create() returns it: never hand out a stale schema.
    private static final List<StartupStep> STARTUP_STEPS = List.of(new ServerVersionCheck(), new PoolSizeCheck(),
            new StartupMigrations());

    private final HikariDataSource pool;
    private final EmbeddedPostgres server;
    private final ConnectionTarget target;
    private final PaperclipDbOptions options;
    private final DSLContext dsl;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PaperclipDb(HikariDataSource pool, EmbeddedPostgres server, ConnectionTarget target,
                        PaperclipDbOptions options) {
        this.pool = pool;
        this.server = server;
        this.target = target;
        this.options = options;
        this.dsl = dsl(pool, options);
    }

    /**
     * Connects to {@code url} ({@code postgres://}, {@code postgresql://} or {@code jdbc:postgresql:}),
     * opens the pool and checks the server before returning. A {@code null} or blank URL means the
     * embedded PostgreSQL of the default instance, as {@link #create(PaperclipDbOptions)}.
     *
     * @throws InvalidUrlException         when the URL is malformed
     * @throws ConnectionFailedException   when the server cannot be reached or refuses us
     * @throws UnsupportedServerException  when the server is older than PostgreSQL 17
     * @throws ai.paperclip.db.migration.MigrationRefusedException when migrations are pending and the
     *     start-up policy ({@link PaperclipDbOptions#migrationAutoApply()}, {@link PaperclipDbOptions#migrationPrompt()})
     *     does not allow applying them, or the database has tables but no migration history
     * @throws ai.paperclip.db.migration.MigrationFailedException when a migration fails
     */
    public static PaperclipDb create(String url, PaperclipDbOptions options) {
        if (url == null || url.isBlank()) {
            // The documented default: no DATABASE_URL means the embedded PostgreSQL.
            return create(options);
        }
        return open(url, options, null);
    }

    /**
     * The embedded PostgreSQL of the default instance ({@code ~/.paperclip/instances/default}, port
     * 54329 unless its {@code config.json} says otherwise), started or reused.
     */
    public static PaperclipDb create(PaperclipDbOptions options) {
        return create(DatabaseTarget.embeddedDefault(), options);
    }

    /**
     * The database {@code target} names: a URL, or an embedded server that is started (or reused,
     * once its identity is proven) and stopped again by {@link #close()} if this is its last user.
     *
     * @throws InvalidOptionException when the target is embedded and {@link PaperclipDbOptions#embeddedPostgres()}
     *     is false (the production guard); nothing is started or created
     */
    public static PaperclipDb create(DatabaseTarget target, PaperclipDbOptions options) {
        if (target.url().isPresent()) {
            return create(target.url().get(), options);
        }
        if (!options.embeddedPostgres()) {
            throw EnvironmentSettings.embeddedPostgresRefused("the target is " + target.describe());
        }
        // The first query's classes load on the idle core while this thread waits for PostgreSQL to start.
        WarmUp warmUp = WarmUp.start();
        EmbeddedPostgres server = target.startEmbedded();
        warmUp.await();
        try {
            return open(server.connectionUri(), options, server);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * The database and options Paperclip's environment describes: {@link DatabaseTarget#resolve(Map)}
     * for where ({@code DATABASE_URL}, the instance {@code .env}, {@code config.json}, else embedded),
     * {@link PaperclipDbOptions#fromEnvironment(Map)} for how. Pass {@code System.getenv()}.
     */
    public static PaperclipDb fromEnvironment(Map<String, String> env) {
        DatabaseTarget target = DatabaseTarget.resolve(env);
        PaperclipDbOptions options = PaperclipDbOptions.fromEnvironment(target.environment());
        LOG.info("Using {}", target);
        return create(target, options);
    }

    private static PaperclipDb open(String url, PaperclipDbOptions options, EmbeddedPostgres server) {
        ConnectionTarget target = ConnectionUrls.parse(url);
        LOG.debug("Opening pool '{}' on {} with {}", options.poolName(), target, options);
        HikariDataSource pool = PoolFactory.open(target, options);
        try {
            for (StartupStep step : STARTUP_STEPS) {
                step.run(new StartupStep.Context(pool, target, url, options));
            }
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw ConnectionFailures.describe(e, target);
        }
        LOG.info("Pool '{}' connected to {} (max {} connections, prepared statements {})",
                options.poolName(), target, options.poolMax(), options.preparedStatements() ? "on" : "off");
        return new PaperclipDb(pool, server, target, options);
    }



    /** The pool, for plain JDBC. Connections borrowed from it must be closed by the caller. */
    public DataSource dataSource() {
        return pool;
    }

    /** A jOOQ context on the pool, PostgreSQL dialect; thread-safe, one per {@code PaperclipDb}. */
    public DSLContext dsl() {
        return dsl;
    }

    /** The options this database was created with. */
    public PaperclipDbOptions options() {
        return options;
    }

    /**
     * Pool counts and server figures, read now.
     *
     * @throws PaperclipDbException when the server cannot be queried or this database is closed
     */
    public DbHealth health() {
        if (closed.get()) {
            throw new PaperclipDbException("PaperclipDb for " + target + " is closed.", null, null);
        }
        try {
            return HealthProbe.probe(pool);
        } catch (SQLException e) {
            throw new PaperclipDbException("Health check on " + target + " failed: " + e.getMessage(),
                    e.getSQLState(), e);
        }
    }

    /** The embedded server this database runs on, when it is in embedded mode. */
    public Optional<EmbeddedPostgres> embeddedServer() {
        return Optional.ofNullable(server);
    }

    /**
     * Closes the pool, then the handle on the embedded server, which stops it if this was its last user in
     * any process. Idempotent; a server that died under it is logged, not thrown.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                pool.close();
                LOG.info("Pool '{}' closed", options.poolName());
            } finally {
                if (server != null) {
                    server.close();
                }
            }
        }
    }

    @Override
    public String toString() {
        return "PaperclipDb{" + target + ", pool=" + options.poolName() + (closed.get() ? ", closed" : "") + "}";
    }

    private static DSLContext dsl(DataSource pool, PaperclipDbOptions options) {
        // jOOQ's own LoggerListener would log every query with its bind values inlined: ours masks them.
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(pool).set(SQLDialect.POSTGRES).set(new Settings().withExecuteLogging(false));
        if (options.logQueries() || options.slowQueryThreshold().isPresent()) {
            configuration.set(new QueryLogListener(options.logQueries(),
                    options.slowQueryThreshold().orElse(null), options.logBindValues()));
        }
        return DSL.using(configuration);
    }
}
