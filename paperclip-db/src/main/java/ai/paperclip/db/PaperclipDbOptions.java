package ai.paperclip.db;

import ai.paperclip.db.internal.Redaction;
import ai.paperclip.db.migration.MigrationConsole;
import ai.paperclip.db.migration.MigrationPrompt;
import ai.paperclip.db.migration.MigrationSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How {@link PaperclipDb} connects: pool size and timeouts, prepared statements, the migration URL,
 * query logging, and what start-up does about pending migrations. Immutable; made by {@link #builder()}
 * (or {@link #fromEnvironment(Map)}, which only feeds the builder), validated once by its only constructor.
 *
 * <p>Every setting with an environment variable follows one rule: {@code DATABASE_} + the builder
 * method in upper snake case, + {@code _SECONDS} when it takes a {@link Duration}
 * ({@code poolMax} &harr; {@code DATABASE_POOL_MAX}, {@code idleTimeout} &harr;
 * {@code DATABASE_IDLE_TIMEOUT_SECONDS}). Only {@link #fromEnvironment(Map)} and
 * {@link Builder#environment(Map)} read them, and only from the map they are given. The start-up
 * migration settings and the production guard keep upstream's prefix, {@code PAPERCLIP_MIGRATION_AUTO_APPLY},
 * {@code PAPERCLIP_MIGRATION_PROMPT} and {@code PAPERCLIP_EMBEDDED_POSTGRES}: the same rule with the
 * prefix {@code PAPERCLIP_}.
 */
public final class PaperclipDbOptions {

    public static final int DEFAULT_POOL_MAX = 10;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    public static final boolean DEFAULT_PREPARED_STATEMENTS = true;
    /** Used when neither the options nor the URL's {@code application_name} name the application. */
    public static final String DEFAULT_APPLICATION_NAME = "paperclip";
    public static final String DEFAULT_POOL_NAME = "paperclip";
    /** Start-up applies pending migrations under the policy (true), or only verifies there are none (false). */
    public static final boolean DEFAULT_MIGRATE = true;
    public static final boolean DEFAULT_MIGRATION_AUTO_APPLY = false;
    public static final MigrationPrompt DEFAULT_MIGRATION_PROMPT = MigrationPrompt.AUTO;
    /** Without a database URL, start the embedded PostgreSQL (true) or refuse to start (false: production). */
    public static final boolean DEFAULT_EMBEDDED_POSTGRES = true;
    /** Maximum connections of each read replica's pool. */
    public static final int DEFAULT_READ_POOL_MAX = 10;
    /** A replica further behind than this leaves the read rotation until it catches up. */
    public static final Duration DEFAULT_REPLICA_MAX_LAG = Duration.ofSeconds(10);
    /** How often the background check looks at every replica (reachable, in recovery, lag). */
    public static final Duration DEFAULT_REPLICA_CHECK_INTERVAL = Duration.ofSeconds(2);
    /** How long a read waits for a replica to replay the caller's last write before it reads from the primary. */
    public static final Duration DEFAULT_READ_YOUR_WRITES_TIMEOUT = Duration.ofMillis(500);
    /** Upstream Paperclip's default statement timeout for application sessions; zero turns it off. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(60);
    /** WARN when connections in use on the server pass this share of {@code max_connections}; 0 turns it off. */
    public static final int DEFAULT_CONNECTION_WARN_PERCENT = 80;
    /** At most one connection warning per interval. */
    public static final Duration DEFAULT_CONNECTION_WARN_INTERVAL = Duration.ofMinutes(5);
    /** How often the background monitor samples server connections (metrics, the connection warning). */
    public static final Duration DEFAULT_MONITOR_INTERVAL = Duration.ofSeconds(15);
    /** The scheduled backups' interval when only their directory is given: {@code config.json}'s default, 60 min. */
    public static final Duration DEFAULT_BACKUP_INTERVAL = Duration.ofMinutes(60);

    private final int poolMax;
    private final Duration idleTimeout;
    private final Duration connectTimeout;
    private final boolean preparedStatements;
    private final String migrationUrl;
    private final String applicationName;
    private final boolean logQueries;
    private final Duration slowQueryThreshold;
    private final boolean logBindValues;
    private final String poolName;
    private final boolean migrate;
    private final boolean migrationAutoApply;
    private final MigrationPrompt migrationPrompt;
    private final MigrationConsole migrationConsole;
    private final List<MigrationSource> migrations;
    private final boolean embeddedPostgres;
    private final String readUrl;
    private final int readPoolMax;
    private final Duration replicaMaxLag;
    private final Duration replicaCheckInterval;
    private final Duration readYourWritesTimeout;
    private final Duration statementTimeout;
    private final int connectionWarnPercent;
    private final Duration connectionWarnInterval;
    private final Duration monitorInterval;
    private final Object meterRegistry;
    private final Path backupDirectory;
    private final Duration backupInterval;

    private PaperclipDbOptions(Builder b) {
        this.poolMax = b.poolMax;
        this.idleTimeout = b.idleTimeout;
        this.connectTimeout = b.connectTimeout;
        this.preparedStatements = b.preparedStatements;
        this.migrationUrl = b.migrationUrl;
        this.applicationName = b.applicationName;
        this.logQueries = b.logQueries;
        this.slowQueryThreshold = b.slowQueryThreshold;
        this.logBindValues = b.logBindValues;
        this.poolName = b.poolName;
        this.migrate = b.migrate;
        this.migrationAutoApply = b.migrationAutoApply;
        this.migrationPrompt = b.migrationPrompt;
        this.migrationConsole = b.migrationConsole;
        this.migrations = b.migrations == null ? null : List.copyOf(b.migrations);
        this.embeddedPostgres = b.embeddedPostgres;
        this.readUrl = b.readUrl;
        this.readPoolMax = b.readPoolMax;
        this.replicaMaxLag = b.replicaMaxLag;
        this.replicaCheckInterval = b.replicaCheckInterval;
        this.readYourWritesTimeout = b.readYourWritesTimeout;
        this.statementTimeout = b.statementTimeout;
        this.connectionWarnPercent = b.connectionWarnPercent;
        this.connectionWarnInterval = b.connectionWarnInterval;
        this.monitorInterval = b.monitorInterval;
        this.meterRegistry = b.meterRegistry;
        this.backupDirectory = b.backupDirectory == null ? null : b.backupDirectory.toAbsolutePath().normalize();
        this.backupInterval = b.backupInterval;
        OptionsValidation.validate(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults. */
    public static PaperclipDbOptions defaults() {
        return builder().build();
    }

    /**
     * Options from the {@code DATABASE_*} variables in {@code environment} (usually {@code System.getenv()},
     * passed in by the application's edge); unset or empty variables keep the defaults.
     *
     * @throws InvalidOptionException naming the variable and its value when one cannot be parsed
     */
    public static PaperclipDbOptions fromEnvironment(Map<String, String> environment) {
        return builder().environment(environment).build();
    }

    /** Maximum connections in the pool ({@code DATABASE_POOL_MAX}). */
    public int poolMax() {
        return poolMax;
    }

    /** How long a connection may sit idle before it is closed; zero means never. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** How long to wait for a connection, from the pool or from the server. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * Whether the driver may use named server-side prepared statements. Off ({@code prepareThreshold=0})
     * is required behind transaction-mode poolers such as PgBouncer or Supabase's port 6543.
     */
    public boolean preparedStatements() {
        return preparedStatements;
    }

    /** The direct URL migrations use instead of the pool's URL ({@code DATABASE_MIGRATION_URL}). */
    public Optional<String> migrationUrl() {
        return Optional.ofNullable(migrationUrl);
    }

    /** The {@code application_name} to report, if set here; otherwise the URL's or the default. */
    public Optional<String> applicationName() {
        return Optional.ofNullable(applicationName);
    }

    /** Whether every {@code dsl()} query is logged at DEBUG on {@code ai.paperclip.db.query}. */
    public boolean logQueries() {
        return logQueries;
    }

    /** Queries at least this slow are logged at WARN, whatever {@link #logQueries()} says. */
    public Optional<Duration> slowQueryThreshold() {
        return Optional.ofNullable(slowQueryThreshold);
    }

    /** Whether logged queries show their bind values; masked by default. */
    public boolean logBindValues() {
        return logBindValues;
    }

    /** The pool's name, on every HikariCP log line. */
    public String poolName() {
        return poolName;
    }

    /**
     * Whether start-up applies pending migrations (under the policy of {@link #migrationAutoApply()} and
     * {@link #migrationPrompt()}); false for hosts that migrate in CI: start-up then only verifies, and
     * still refuses a database with pending migrations.
     */
    public boolean migrate() {
        return migrate;
    }

    /** Apply pending migrations at start-up without asking ({@code PAPERCLIP_MIGRATION_AUTO_APPLY}). */
    public boolean migrationAutoApply() {
        return migrationAutoApply;
    }

    /** Whether start-up may ask at a terminal; {@code NEVER} applies without asking ({@code PAPERCLIP_MIGRATION_PROMPT}). */
    public MigrationPrompt migrationPrompt() {
        return migrationPrompt;
    }

    /** The terminal start-up asks; {@link MigrationConsole#system()} unless set. */
    public MigrationConsole migrationConsole() {
        return migrationConsole;
    }

    /** The histories start-up brings the database to, in order; Paperclip's own unless set. */
    public List<MigrationSource> migrations() {
        return migrations;
    }

    /**
     * Whether a missing database URL means the embedded PostgreSQL ({@code true}, the default) or is an
     * error naming {@code DATABASE_URL} ({@code false}, {@code PAPERCLIP_EMBEDDED_POSTGRES=false}): the
     * production guard, so a deployment whose URL went missing fails instead of starting an empty
     * database in the home directory.
     */
    public boolean embeddedPostgres() {
        return embeddedPostgres;
    }

    /**
     * The read replicas ({@code DATABASE_READ_URL}): one URL, a libpq host list (one replica per host) or
     * several comma-separated URLs. Empty: every read goes to the primary.
     */
    public Optional<String> readUrl() {
        return Optional.ofNullable(readUrl);
    }

    /** Maximum connections of each replica's pool ({@code DATABASE_READ_POOL_MAX}). */
    public int readPoolMax() {
        return readPoolMax;
    }

    /** Replay lag above which a replica leaves the read rotation ({@code DATABASE_REPLICA_MAX_LAG_SECONDS}). */
    public Duration replicaMaxLag() {
        return replicaMaxLag;
    }

    /** How often the background check visits every replica ({@code DATABASE_REPLICA_CHECK_INTERVAL_SECONDS}). */
    public Duration replicaCheckInterval() {
        return replicaCheckInterval;
    }

    /**
     * How long a read waits for a replica to replay the caller's last write before reading from the primary
     * instead ({@code DATABASE_READ_YOUR_WRITES_TIMEOUT_MS}).
     */
    public Duration readYourWritesTimeout() {
        return readYourWritesTimeout;
    }

    /**
     * {@code statement_timeout} of application sessions (the pools), not of migrations; zero turns it off
     * ({@code DATABASE_STATEMENT_TIMEOUT_MS}, or upstream's {@code PAPERCLIP_DB_STATEMENT_TIMEOUT_MS}).
     */
    public Duration statementTimeout() {
        return statementTimeout;
    }

    /**
     * WARN when server connections pass this percentage of {@code max_connections} ({@code DATABASE_CONNECTION_WARN_PERCENT});
     * 0 turns the warning off.
     */
    public int connectionWarnPercent() {
        return connectionWarnPercent;
    }

    /** At most one connection warning per this interval ({@code DATABASE_CONNECTION_WARN_INTERVAL_SECONDS}). */
    public Duration connectionWarnInterval() {
        return connectionWarnInterval;
    }

    /** How often server connections are sampled in the background ({@code DATABASE_MONITOR_INTERVAL_SECONDS}). */
    public Duration monitorInterval() {
        return monitorInterval;
    }

    /** The Micrometer {@code MeterRegistry} metrics go to, if one was given. */
    public Optional<Object> meterRegistry() {
        return Optional.ofNullable(meterRegistry);
    }

    /**
     * Where the application's scheduled backups go (absolute): {@link PaperclipDb#health()} then reports their age,
     * whether they are overdue, the last scheduled run's failure and the free disk; empty: backups are not reported.
     */
    public Optional<Path> backupDirectory() {
        return Optional.ofNullable(backupDirectory);
    }

    /** How often the scheduled backups run: a backup older than two intervals is overdue. */
    public Duration backupInterval() {
        return backupInterval;
    }

    @Override
    public String toString() {
        return "PaperclipDbOptions{poolMax=" + poolMax + ", idleTimeout=" + idleTimeout
                + ", connectTimeout=" + connectTimeout + ", preparedStatements=" + preparedStatements
                + ", migrationUrl=" + Redaction.url(migrationUrl) + ", applicationName=" + applicationName
                + ", logQueries=" + logQueries + ", slowQueryThreshold=" + slowQueryThreshold
                + ", logBindValues=" + logBindValues + ", poolName=" + poolName + ", migrate=" + migrate
                + ", migrationAutoApply=" + migrationAutoApply + ", migrationPrompt=" + migrationPrompt
                + ", migrations=" + migrations + ", embeddedPostgres=" + embeddedPostgres
                + ", readUrl=" + Redaction.url(readUrl) + ", readPoolMax=" + readPoolMax + ", replicaMaxLag=" + replicaMaxLag
                + ", replicaCheckInterval=" + replicaCheckInterval + ", readYourWritesTimeout=" + readYourWritesTimeout
                + ", statementTimeout=" + statementTimeout + ", connectionWarnPercent=" + connectionWarnPercent
                + ", connectionWarnInterval=" + connectionWarnInterval + ", monitorInterval=" + monitorInterval
                + ", meterRegistry=" + (meterRegistry == null ? "none" : meterRegistry.getClass().getName())
                + ", backupDirectory=" + backupDirectory + ", backupInterval=" + backupInterval + "}";
    }

    /** Builds {@link PaperclipDbOptions}; not thread-safe. */
    public static final class Builder {

        private int poolMax = DEFAULT_POOL_MAX;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private boolean preparedStatements = DEFAULT_PREPARED_STATEMENTS;
        private String migrationUrl;
        private String applicationName;
        private boolean logQueries;
        private Duration slowQueryThreshold;
        private boolean logBindValues;
        private String poolName = DEFAULT_POOL_NAME;
        private boolean migrate = DEFAULT_MIGRATE;
        private boolean migrationAutoApply = DEFAULT_MIGRATION_AUTO_APPLY;
        private MigrationPrompt migrationPrompt = DEFAULT_MIGRATION_PROMPT;
        private MigrationConsole migrationConsole = MigrationConsole.system();
        private List<MigrationSource> migrations = List.of(MigrationSource.paperclip());
        private boolean embeddedPostgres = DEFAULT_EMBEDDED_POSTGRES;
        private String readUrl;
        private int readPoolMax = DEFAULT_READ_POOL_MAX;
        private Duration replicaMaxLag = DEFAULT_REPLICA_MAX_LAG;
        private Duration replicaCheckInterval = DEFAULT_REPLICA_CHECK_INTERVAL;
        private Duration readYourWritesTimeout = DEFAULT_READ_YOUR_WRITES_TIMEOUT;
        private Duration statementTimeout = DEFAULT_STATEMENT_TIMEOUT;
        private int connectionWarnPercent = DEFAULT_CONNECTION_WARN_PERCENT;
        private Duration connectionWarnInterval = DEFAULT_CONNECTION_WARN_INTERVAL;
        private Duration monitorInterval = DEFAULT_MONITOR_INTERVAL;
        private Object meterRegistry;
        private Path backupDirectory;
        private Duration backupInterval = DEFAULT_BACKUP_INTERVAL;

        private Builder() {
        }

        /**
         * Applies the {@code DATABASE_*} variables set (non-empty) in {@code environment}; later builder
         * calls override them.
         *
         * @throws InvalidOptionException naming the variable and the value when one cannot be parsed
         */
        public Builder environment(Map<String, String> environment) {
            EnvironmentSettings.apply(environment, this);
            return this;
        }

        public Builder poolMax(int poolMax) {
            this.poolMax = poolMax;
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder preparedStatements(boolean preparedStatements) {
            this.preparedStatements = preparedStatements;
            return this;
        }

        /** A direct (not pooled) URL for migrations; {@code null} to use the pool's URL. */
        public Builder migrationUrl(String migrationUrl) {
            this.migrationUrl = migrationUrl;
            return this;
        }

        public Builder applicationName(String applicationName) {
            this.applicationName = applicationName;
            return this;
        }

        public Builder logQueries(boolean logQueries) {
            this.logQueries = logQueries;
            return this;
        }

        /** Log queries at least this slow at WARN; {@code null} (the default) turns it off. */
        public Builder slowQueryThreshold(Duration slowQueryThreshold) {
            this.slowQueryThreshold = slowQueryThreshold;
            return this;
        }

        /** Show bind values in query logs. They can hold personal data and secrets: off by default. */
        public Builder logBindValues(boolean logBindValues) {
            this.logBindValues = logBindValues;
            return this;
        }

        public Builder poolName(String poolName) {
            this.poolName = poolName;
            return this;
        }

        /** False: start-up never changes the schema, only refuses to run when migrations are pending. */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        public Builder migrationAutoApply(boolean migrationAutoApply) {
            this.migrationAutoApply = migrationAutoApply;
            return this;
        }

        public Builder migrationPrompt(MigrationPrompt migrationPrompt) {
            this.migrationPrompt = migrationPrompt;
            return this;
        }

        /** Who answers the start-up question; {@link MigrationConsole#none()} never asks. */
        public Builder migrationConsole(MigrationConsole migrationConsole) {
            this.migrationConsole = migrationConsole;
            return this;
        }

        /**
         * The histories to apply, in order (replaces the default, Paperclip's own). A host with its own tables
         * passes {@code MigrationSource.paperclip()} first, then its own.
         */
        public Builder migrations(MigrationSource... migrations) {
            this.migrations = migrations == null ? null : List.of(migrations);
            return this;
        }

        /** False: no database URL is an error instead of the embedded PostgreSQL ({@code PAPERCLIP_EMBEDDED_POSTGRES}). */
        public Builder embeddedPostgres(boolean embeddedPostgres) {
            this.embeddedPostgres = embeddedPostgres;
            return this;
        }

        /** The read replicas' URL(s), see {@link PaperclipDbOptions#readUrl()}; {@code null} for none. */
        public Builder readUrl(String readUrl) {
            this.readUrl = readUrl;
            return this;
        }

        public Builder readPoolMax(int readPoolMax) {
            this.readPoolMax = readPoolMax;
            return this;
        }

        public Builder replicaMaxLag(Duration replicaMaxLag) {
            this.replicaMaxLag = replicaMaxLag;
            return this;
        }

        public Builder replicaCheckInterval(Duration replicaCheckInterval) {
            this.replicaCheckInterval = replicaCheckInterval;
            return this;
        }

        public Builder readYourWritesTimeout(Duration readYourWritesTimeout) {
            this.readYourWritesTimeout = readYourWritesTimeout;
            return this;
        }

        /** {@code statement_timeout} of application sessions; {@link Duration#ZERO} turns it off. */
        public Builder statementTimeout(Duration statementTimeout) {
            this.statementTimeout = statementTimeout;
            return this;
        }

        /** Percentage of {@code max_connections} from 1 to 100; 0 turns the warning off. */
        public Builder connectionWarnPercent(int connectionWarnPercent) {
            this.connectionWarnPercent = connectionWarnPercent;
            return this;
        }

        public Builder connectionWarnInterval(Duration connectionWarnInterval) {
            this.connectionWarnInterval = connectionWarnInterval;
            return this;
        }

        public Builder monitorInterval(Duration monitorInterval) {
            this.monitorInterval = monitorInterval;
            return this;
        }

        /**
         * A Micrometer {@code io.micrometer.core.instrument.MeterRegistry} (typed {@code Object}, as HikariCP's
         * {@code setMetricRegistry}, so that Micrometer stays optional): HikariCP's pool meters and
         * {@code paperclip.db.*} gauges are registered there. {@code null} (the default): no metrics.
         */
        public Builder meterRegistry(Object meterRegistry) {
            this.meterRegistry = meterRegistry;
            return this;
        }

        /**
         * The directory the application's scheduled backups go to ({@code BackupSettings.directory}), so that
         * {@link PaperclipDb#health()} and the {@code paperclip.db.backup.age} gauge report them; {@code null}
         * (the default): not reported. {@link PaperclipDb#fromEnvironment(Map)} sets it when scheduled backups
         * are on in {@code config.json} or {@code PAPERCLIP_BACKUP_ENABLED}.
         */
        public Builder backupDirectory(Path backupDirectory) {
            this.backupDirectory = backupDirectory;
            return this;
        }

        /** How often the scheduled backups run ({@link PaperclipDbOptions#DEFAULT_BACKUP_INTERVAL} unless set). */
        public Builder backupInterval(Duration backupInterval) {
            this.backupInterval = backupInterval;
            return this;
        }

        /**
         * Validates and seals the options.
         *
         * @throws InvalidOptionException naming the option, its value and the fix
         * @throws InvalidUrlException    when the migration URL is malformed
         */
        public PaperclipDbOptions build() {
            return new PaperclipDbOptions(this);
        }
    }
}
