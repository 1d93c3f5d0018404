package ai.paperclip.db;

import ai.paperclip.db.backup.BackupSettings;
import ai.paperclip.db.copy.BulkCopy;
import ai.paperclip.db.internal.ConnectionFailures;
import ai.paperclip.db.internal.ConnectionTarget;
import ai.paperclip.db.internal.ConnectionUrls;
import ai.paperclip.db.internal.DbRuntime;
import ai.paperclip.db.internal.ExistingDataSource;
import ai.paperclip.db.internal.HealthProbe;
import ai.paperclip.db.internal.JooqBanner;
import ai.paperclip.db.internal.PoolFactory;
import ai.paperclip.db.internal.PoolSizeCheck;
import ai.paperclip.db.internal.QueryLogListener;
import ai.paperclip.db.internal.ServerSettings;
import ai.paperclip.db.internal.ServerVersionCheck;
import ai.paperclip.db.internal.StartupMigrations;
import ai.paperclip.db.internal.StartupStep;
import ai.paperclip.db.internal.WarmUp;
import ai.paperclip.embedded.EmbeddedPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TransactionContext;
import org.jooq.TransactionListener;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DefaultConnectionProvider;
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
 * {@link #create(DataSource, PaperclipDbOptions)} works on a pool the application already has (Spring Boot's,
 * a Testcontainers or application-server {@code DataSource}) and owns neither pool nor server.
 *
 * <pre>{@code
 * try (PaperclipDb db = PaperclipDb.fromEnvironment(System.getenv())) {   // DATABASE_URL, .env, config.json or embedded
 *     db.dsl().fetch("select 1");
 * }
 * }</pre>
 *
 * <p><b>Read replicas</b> ({@link PaperclipDbOptions#readUrl()}): {@link #read(Function)} runs on a replica,
 * {@link #write(Function)}, {@link #dsl()} and {@link #dataSource()} on the primary, and a read inside a
 * transaction of this database on that transaction's connection. A read sees this database's own writes
 * (read-your-writes by WAL position, {@link WriteToken}); without replicas every read runs on the primary.
 */
public final class PaperclipDb implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PaperclipDb.class);

    static {
        // Before jOOQ renders anything: its logo and tip of the day stay out of the host's log.
        JooqBanner.silence();
    }

    // Run in order on the pre-flight connection before the pool opens: never hand out a stale schema.
    private static final List<StartupStep> STARTUP_STEPS = List.of(new ServerVersionCheck(), new PoolSizeCheck(),
            new StartupMigrations());

    private final DataSource pool;
    // False for a data source the application gave us: close() leaves it open.
    private final boolean ownsPool;
    private final EmbeddedPostgres server;
    private final ConnectionTarget target;
    private final String url;
    private final PaperclipDbOptions options;
    private final DbRuntime runtime;
    private final Configuration configuration;
    private final DSLContext dsl;
    // The transactions of dsl() open on this thread, innermost last: reads inside them run there.
    private final ThreadLocal<Deque<Configuration>> transactions = ThreadLocal.withInitial(ArrayDeque::new);
    private final AtomicBoolean closed = new AtomicBoolean();

    private PaperclipDb(DataSource pool, boolean ownsPool, EmbeddedPostgres server, ConnectionTarget target, String url,
                        PaperclipDbOptions options, DbRuntime runtime) {
        this.pool = pool;
        this.ownsPool = ownsPool;
        this.server = server;
        this.target = target;
        this.url = url;
        this.options = options;
        this.runtime = runtime;
        this.configuration = configuration(runtime.application(), options, transactions);
        this.dsl = DSL.using(configuration);
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
        return open(url, options, null, WarmUp.none());
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
        // The first query's classes load on the other core while this thread starts PostgreSQL, opens the pool
        // and checks the server; open() waits for them before it uses jOOQ.
        WarmUp warmUp = WarmUp.start();
        EmbeddedPostgres server;
        try {
            server = target.startEmbedded();
        } catch (RuntimeException e) {
            warmUp.await(); // as below
            throw e;
        }
        try {
            return open(server.connectionUri(), options, server, warmUp);
        } catch (RuntimeException e) {
            // The caller may use jOOQ next: the warm-up is over before the error reaches it.
            warmUp.await();
            server.close();
            throw e;
        }
    }

    /**
     * Paperclip's database on {@code dataSource}, a pool the application already has: Spring Boot's, a
     * Testcontainers or application-server {@code DataSource}. The same start-up as a URL (the server version
     * check, then the migrations under the start-up policy) runs on it before this returns, so there is one
     * pool, not two. The data source stays the caller's: {@link #close()} leaves it open (read replicas, when
     * {@code readUrl} is set, get pools of Paperclip's own, which it closes).
     *
     * <p>Of {@code options}, the primary pool's own settings ({@code poolMax}, the timeouts including
     * {@code statementTimeout}, {@code poolName}, {@code applicationName}) belong to the data source and are not
     * applied. {@code preparedStatements(false)}
     * is checked instead: a connection that would still prepare statements ({@code prepareThreshold} above 0,
     * which breaks behind a transaction pooler) is refused. Migrations run on {@code migrationUrl} when it is set,
     * else on a connection from {@code dataSource}, which must then reach the server directly (not through a
     * transaction-mode pooler: the migration lock is a session lock).
     *
     * @throws ConnectionFailedException   when no connection can be borrowed from {@code dataSource}
     * @throws InvalidOptionException      when {@code preparedStatements} is false but the data source prepares
     * @throws UnsupportedServerException  when the server is older than PostgreSQL 17
     * @throws ai.paperclip.db.migration.MigrationRefusedException as {@link #create(String, PaperclipDbOptions)}
     * @throws ai.paperclip.db.migration.MigrationFailedException when a migration fails
     */
    public static PaperclipDb create(DataSource dataSource, PaperclipDbOptions options) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(options, "options");
        ConnectionTarget target = ExistingDataSource.inspect(dataSource, options);
        try {
            ServerSettings settings;
            try (Connection connection = dataSource.getConnection()) {
                settings = ServerSettings.read(connection);
            }
            // Nothing is held while the steps run: the application's pool may have one connection, and a
            // migration borrows its own.
            StartupStep.Context context = new StartupStep.Context(null, settings, dataSource, target, null, options);
            for (StartupStep step : STARTUP_STEPS) {
                step.run(context);
            }
        } catch (SQLException | RuntimeException e) {
            throw ConnectionFailures.describe(e, target);
        }
        DbRuntime runtime = DbRuntime.start(dataSource, target, options);
        LOG.info("Using {} (prepared statements {}, {} read replica(s))", target,
                options.preparedStatements() ? "on" : "off", runtime.replicas().size());
        return new PaperclipDb(dataSource, false, null, target, null, options, runtime);
    }

    /**
     * The database and options Paperclip's environment describes: {@link DatabaseTarget#resolve(Map)}
     * for where ({@code DATABASE_URL}, the instance {@code .env}, {@code config.json}, else embedded),
     * {@link PaperclipDbOptions#fromEnvironment(Map)} for how, and {@link BackupSettings#reportIn} for the scheduled
     * backups {@link #health()} reports (when they are on). Pass {@code System.getenv()}.
     */
    public static PaperclipDb fromEnvironment(Map<String, String> env) {
        DatabaseTarget target = DatabaseTarget.resolve(env);
        PaperclipDbOptions options;
        try {
            options = BackupSettings.reportIn(PaperclipDbOptions.builder().environment(target.environment()),
                    target.environment()).build();
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException(e.getMessage());
        }
        LOG.info("Using {}", target);
        return create(target, options);
    }

    /** Nothing here may use jOOQ before {@code warmUp} is awaited (see {@link WarmUp}). */
    private static PaperclipDb open(String url, PaperclipDbOptions options, EmbeddedPostgres server, WarmUp warmUp) {
        ConnectionTarget target = ConnectionUrls.parse(url);
        LOG.debug("Opening pool '{}' on {} with {}", options.poolName(), target, options);
        // One connection for every check (one round trip for the server's settings, one for the history),
        // handed to the pool as its first: a start logs in once.
        Connection first = PoolFactory.connect(target, options);
        try {
            StartupStep.Context context = new StartupStep.Context(first, ServerSettings.read(first), null, target, url,
                    options);
            for (StartupStep step : STARTUP_STEPS) {
                step.run(context);
            }
        } catch (SQLException | RuntimeException e) {
            closeQuietly(first);
            throw ConnectionFailures.describe(e, target);
        }
        HikariDataSource pool = PoolFactory.open(target, options, first);
        DbRuntime runtime;
        try {
            runtime = DbRuntime.start(pool, target, options);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        LOG.info("Pool '{}' connected to {} (max {} connections, prepared statements {}, {} read replica(s))",
                options.poolName(), target, options.poolMax(), options.preparedStatements() ? "on" : "off",
                runtime.replicas().size());
        warmUp.await();
        return new PaperclipDb(pool, true, server, target, url, options, runtime);
    }



    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing the pre-flight connection failed: {}", e.getMessage());
        }
    }

    /**
     * The primary's pool, for plain JDBC. Connections borrowed from it must be closed by the caller. With
     * replicas, a connection that ran a statement records the primary's WAL position when it is closed (one
     * short query), so that later reads see what it wrote.
     */
    public DataSource dataSource() {
        return runtime.application();
    }

    /** A jOOQ context on the primary's pool, PostgreSQL dialect; thread-safe, one per {@code PaperclipDb}. */
    public DSLContext dsl() {
        return dsl;
    }

    /**
     * Runs {@code work} in one transaction on the primary and returns its result; afterwards reads of this
     * database wait for a replica to replay it (or read from the primary). {@link #read(Function)} calls inside
     * {@code work} run in this transaction. Plain JDBC: {@code ctx.connection(c -> ...)}.
     *
     * @throws DataAccessException when the work or the commit fails (the transaction is rolled back)
     */
    public <T> T write(Function<DSLContext, T> work) {
        return dsl.transactionResult(transaction -> work.apply(transaction.dsl()));
    }

    /**
     * Bulk insert with PostgreSQL's {@code COPY ... FROM STDIN} ({@link BulkCopy}): far faster than batched
     * inserts for thousands of rows. Each row holds one value per column, in the columns' order. Runs in the
     * transaction of {@link #write(Function)} or {@link #dsl()} open on this thread, else on its own (one
     * statement: all rows or none). Works through a transaction-mode pooler (PgBouncer).
     *
     * @return the number of rows inserted
     * @throws ai.paperclip.db.copy.CopyFailedException naming the table, row and column when a row is refused;
     *     nothing of this copy is inserted
     */
    public long copy(Table<?> table, List<? extends Field<?>> columns, Iterable<? extends Object[]> rows) {
        Configuration open = transactions.get().peekLast();
        return (open != null ? DSL.using(open) : dsl).connectionResult(c -> BulkCopy.copy(c, table, columns, rows));
    }

    /** {@link #read(WriteToken, Function)} for this database's own writes only. */
    public <T> T read(Function<DSLContext, T> work) {
        return read(WriteToken.NONE, work);
    }

    /**
     * Runs {@code work} on a read replica that has replayed {@code token} and the last write through this
     * {@code PaperclipDb}, waiting for one at most {@link PaperclipDbOptions#readYourWritesTimeout()}, else on
     * the primary; inside a transaction of {@link #dsl()} or {@link #write(Function)}, in that transaction.
     * A replica failure never fails the read while the primary answers: the work then runs again on the
     * primary, so it must not have side effects (and cannot write: replicas are read-only). Without
     * replicas it runs on the primary. Plain JDBC: {@code ctx.connectionResult(c -> ...)}.
     *
     * @param token a position to wait for (from {@link #lastWrite()}, possibly of another process), or
     *              {@link WriteToken#NONE}
     * @throws DataAccessException when the work fails for a reason of its own
     */
    public <T> T read(WriteToken token, Function<DSLContext, T> work) {
        Configuration open = transactions.get().peekLast();
        if (open != null) {
            return work.apply(DSL.using(open));
        }
        try {
            return runtime.router().read(token, connection ->
                    work.apply(DSL.using(configuration.derive(new DefaultConnectionProvider(connection)))));
        } catch (SQLException e) {
            throw new DataAccessException("Read failed on " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * The WAL position of the last write through this {@code PaperclipDb} ({@link WriteToken#NONE} without
     * replicas, where nothing needs it): hand it to a caller whose next request, perhaps served by another
     * instance, must see the write, and read there with {@link #read(WriteToken, Function)}.
     */
    public WriteToken lastWrite() {
        return runtime.router().lastWrite();
    }

    /** The database this points at, as every message names it: the URL with its password masked. */
    public String redactedUrl() {
        return target.redactedUrl();
    }

    /** The options this database was created with. */
    public PaperclipDbOptions options() {
        return options;
    }

    /**
     * Pool counts and server figures, read now, and the scheduled backups when
     * {@link PaperclipDbOptions#backupDirectory()} is set ({@link DbHealth#backup()}, empty otherwise). The primary's
     * pool counts are -1 when it is a data source of the application's that is not (and does not unwrap to) a
     * HikariCP pool.
     *
     * @throws PaperclipDbException when the server cannot be queried or this database is closed
     */
    public DbHealth health() {
        if (closed.get()) {
            throw new PaperclipDbException("PaperclipDb for " + target + " is closed.", null, null);
        }
        try {
            return HealthProbe.probe(pool, runtime.replicas(), options, url, runtime.monitor(), runtime.backups(),
                    ownsPool ? () -> PoolFactory.connect(target, options) : null);
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
     * any process. Idempotent; a server that died under it is logged, not thrown. A data source given to
     * {@link #create(DataSource, PaperclipDbOptions)} stays open: it is the application's.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                runtime.close();
                if (ownsPool) {
                    ((HikariDataSource) pool).close();
                    LOG.info("Pool '{}' closed", options.poolName());
                }
            } finally {
                if (server != null) {
                    server.close();
                }
            }
        }
    }

    @Override
    public String toString() {
        return "PaperclipDb{" + target + ", pool=" + (ownsPool ? options.poolName() : "the application's")
                + (closed.get() ? ", closed" : "") + "}";
    }

    private static Configuration configuration(DataSource pool, PaperclipDbOptions options,
                                               ThreadLocal<Deque<Configuration>> transactions) {
        // jOOQ's own LoggerListener would log every query with its bind values inlined: ours masks them.
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(pool).set(SQLDialect.POSTGRES).set(new Settings().withExecuteLogging(false));
        configuration.set(new TransactionListener() {
            @Override
            public void beginEnd(TransactionContext ctx) {
                transactions.get().addLast(ctx.configuration());
            }

            @Override
            public void commitEnd(TransactionContext ctx) {
                transactions.get().pollLast();
            }

            @Override
            public void rollbackEnd(TransactionContext ctx) {
                transactions.get().pollLast();
            }
        });
        if (options.logQueries() || options.slowQueryThreshold().isPresent()) {
            configuration.set(new QueryLogListener(options.logQueries(),
                    options.slowQueryThreshold().orElse(null), options.logBindValues()));
        }
        return configuration;
    }
}
