package ai.paperclip.spring.boot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code paperclip.db.*} properties: Paperclip's settings table as Spring Boot properties. Every property is
 * optional; one that is not set leaves the setting to its environment variable ({@code DATABASE_URL},
 * {@code DATABASE_POOL_MAX}...) and then to the library's default, so an application configured through the
 * environment keeps working unchanged. A property that is set wins over its variable.
 */
@ConfigurationProperties("paperclip.db")
public class PaperclipDbProperties {

    /** Whether the starter configures Paperclip's database at all (default true). */
    private boolean enabled = true;

    /**
     * The database: postgres://, postgresql:// or jdbc:postgresql:. Unset (and no DATABASE_URL, .env or
     * config.json connection string, and no spring.datasource.url): the embedded PostgreSQL of the instance.
     */
    private String url;

    /** A direct URL for migrations when the pool goes through a transaction pooler (DATABASE_MIGRATION_URL). */
    private String migrationUrl;

    /** Read replicas: one URL, a host list or comma-separated URLs (DATABASE_READ_URL); see PaperclipDb.read. */
    private String readUrl;

    /** Statement timeout of application sessions, not migrations; 0 = off (DATABASE_STATEMENT_TIMEOUT_MS, default 60s). */
    private Duration statementTimeout;

    /** Named server-side prepared statements; false behind a transaction-mode pooler (DATABASE_PREPARED_STATEMENTS, default true). */
    private Boolean preparedStatements;

    /** Reported as application_name (default: the URL's, else "paperclip"); the starter's own pool only. */
    private String applicationName;

    /** Without a database URL, start the embedded PostgreSQL (true, the default) or fail (false: production) (PAPERCLIP_EMBEDDED_POSTGRES). */
    private Boolean embeddedPostgres;

    /** Log every query of Paperclip's own DSLContext at DEBUG (default false). */
    private Boolean logQueries;

    /** Log queries of Paperclip's own DSLContext at least this slow at WARN (default off). */
    private Duration slowQueryThreshold;

    /** Show bind values in those log lines (default false: they can hold secrets). */
    private Boolean logBindValues;

    private final Pool pool = new Pool();

    private final Migration migration = new Migration();

    private final Migrations migrations = new Migrations();

    private final Instance instance = new Instance();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getMigrationUrl() {
        return migrationUrl;
    }

    public void setMigrationUrl(String migrationUrl) {
        this.migrationUrl = migrationUrl;
    }

    public String getReadUrl() {
        return readUrl;
    }

    public void setReadUrl(String readUrl) {
        this.readUrl = readUrl;
    }

    public Duration getStatementTimeout() {
        return statementTimeout;
    }

    public void setStatementTimeout(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    public Boolean getPreparedStatements() {
        return preparedStatements;
    }

    public void setPreparedStatements(Boolean preparedStatements) {
        this.preparedStatements = preparedStatements;
    }

    public String getApplicationName() {
        return applicationName;
    }

    public void setApplicationName(String applicationName) {
        this.applicationName = applicationName;
    }

    public Boolean getEmbeddedPostgres() {
        return embeddedPostgres;
    }

    public void setEmbeddedPostgres(Boolean embeddedPostgres) {
        this.embeddedPostgres = embeddedPostgres;
    }

    public Boolean getLogQueries() {
        return logQueries;
    }

    public void setLogQueries(Boolean logQueries) {
        this.logQueries = logQueries;
    }

    public Duration getSlowQueryThreshold() {
        return slowQueryThreshold;
    }

    public void setSlowQueryThreshold(Duration slowQueryThreshold) {
        this.slowQueryThreshold = slowQueryThreshold;
    }

    public Boolean getLogBindValues() {
        return logBindValues;
    }

    public void setLogBindValues(Boolean logBindValues) {
        this.logBindValues = logBindValues;
    }

    public Pool getPool() {
        return pool;
    }

    public Migration getMigration() {
        return migration;
    }

    public Migrations getMigrations() {
        return migrations;
    }

    public Instance getInstance() {
        return instance;
    }

    /** The starter's own pool (with Boot's pool, spring.datasource.url, use spring.datasource.hikari.* instead). */
    public static class Pool {

        /** Maximum connections (DATABASE_POOL_MAX, default 10). */
        private Integer max;

        /** How long a connection may sit idle; 0 = never closed (DATABASE_IDLE_TIMEOUT_SECONDS, default 10m). */
        private Duration idleTimeout;

        /** How long to wait for a connection, from the pool or the server (DATABASE_CONNECT_TIMEOUT_SECONDS, default 30s). */
        private Duration connectTimeout;

        /** The pool's name, on HikariCP's log lines and metrics (default "paperclip"). */
        private String name;

        public Integer getMax() {
            return max;
        }

        public void setMax(Integer max) {
            this.max = max;
        }

        public Duration getIdleTimeout() {
            return idleTimeout;
        }

        public void setIdleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
        }

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    /** What start-up does about pending migrations (Paperclip's start-up policy). */
    public static class Migration {

        /** Apply pending migrations at start-up (true, the default) or only verify there are none (false: you migrate in CI). */
        private Boolean enabled;

        /** Apply pending migrations without asking (PAPERCLIP_MIGRATION_AUTO_APPLY, default false). */
        private Boolean autoApply;

        /** "auto" (ask at a terminal) or "never" (apply without asking) (PAPERCLIP_MIGRATION_PROMPT, default auto). */
        private String prompt;

        public Boolean getEnabled() {
            return enabled;
        }

        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

        public Boolean getAutoApply() {
            return autoApply;
        }

        public void setAutoApply(Boolean autoApply) {
            this.autoApply = autoApply;
        }

        public String getPrompt() {
            return prompt;
        }

        public void setPrompt(String prompt) {
            this.prompt = prompt;
        }
    }

    /** The application's own migration histories, applied after Paperclip's. */
    public static class Migrations {

        /**
         * Locations of the application's own histories (made by paperclip-migrate generate), applied in this order
         * after Paperclip's: classpath:com/acme/db/migrations or filesystem:/path/to/folder.
         */
        private List<String> locations = new ArrayList<>();

        public List<String> getLocations() {
            return locations;
        }

        public void setLocations(List<String> locations) {
            this.locations = locations;
        }
    }

    /** The Paperclip instance: embedded server, .env and config.json. */
    public static class Instance {

        /** The Paperclip home (PAPERCLIP_HOME, default ~/.paperclip). */
        private Path home;

        /** The instance id (PAPERCLIP_INSTANCE_ID, default "default"). */
        private String id;

        public Path getHome() {
            return home;
        }

        public void setHome(Path home) {
            this.home = home;
        }

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }
    }
}
