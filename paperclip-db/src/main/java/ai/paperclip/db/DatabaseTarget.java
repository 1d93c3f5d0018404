package ai.paperclip.db;

import ai.paperclip.db.internal.Redaction;
import ai.paperclip.embedded.DotEnvFile;
import ai.paperclip.embedded.EmbeddedPostgres;
import ai.paperclip.embedded.EmbeddedPostgresOptions;
import ai.paperclip.embedded.InstanceHome;
import ai.paperclip.embedded.PaperclipConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which database to use: a server named by URL, or the embedded PostgreSQL of an instance. Made
 * directly ({@link #url}, {@link #embedded}) or by {@link #resolve(Map)}, which follows Paperclip's
 * resolution order and remembers where the answer came from, for messages such as
 * {@code Migrating database via DATABASE_URL (environment): postgres://app:***@db:5432/paperclip}.
 */
public final class DatabaseTarget {

    private final String url;
    private final InstanceHome instance;
    private final EmbeddedPostgresOptions embedded;
    private final Map<String, String> environment;
    private final String source;

    private DatabaseTarget(String url, InstanceHome instance, EmbeddedPostgresOptions embedded,
                           Map<String, String> environment, String source) {
        this.url = url;
        this.instance = instance;
        this.embedded = embedded;
        this.environment = Map.copyOf(environment);
        this.source = source;
    }

    /** A server named by a {@code postgres://}, {@code postgresql://} or {@code jdbc:postgresql:} URL. */
    public static DatabaseTarget url(String url) {
        Objects.requireNonNull(url, "url");
        return new DatabaseTarget(url, null, null, Map.of(), "the URL given");
    }

    /** The embedded server of {@code instance}: port and data directory from its {@code config.json}. */
    public static DatabaseTarget embedded(InstanceHome instance) {
        return new DatabaseTarget(null, instance, EmbeddedPostgres.builder().instanceHome(instance).build(),
                Map.of(), "embedded PostgreSQL");
    }

    /** An embedded server with settings of your own (data directory, port, binaries...). */
    public static DatabaseTarget embedded(EmbeddedPostgresOptions options) {
        return new DatabaseTarget(null, null, Objects.requireNonNull(options, "options"), Map.of(),
                "embedded PostgreSQL");
    }

    /**
     * The embedded server of the default instance, {@code ~/.paperclip/instances/default}. The user's
     * home comes from the JVM's {@code user.home}: the one default the library takes from its
     * surroundings, so that zero configuration works.
     */
    public static DatabaseTarget embeddedDefault() {
        return embedded(InstanceHome.of(Path.of(System.getProperty("user.home"), InstanceHome.DEFAULT_HOME_DIRECTORY),
                InstanceHome.DEFAULT_INSTANCE_ID));
    }

    /**
     * Resolves the database as Paperclip does, from {@code env} (pass {@code System.getenv()} at the
     * application's edge):
     * <ol>
     *   <li>{@code DATABASE_URL} in {@code env};</li>
     *   <li>{@code DATABASE_URL} in the instance's {@code .env} (never overriding a variable already set);</li>
     *   <li>{@code database.connectionString} of {@code config.json} when {@code database.mode} is {@code postgres};</li>
     *   <li>otherwise the instance's embedded PostgreSQL, unless {@code PAPERCLIP_EMBEDDED_POSTGRES} is
     *       {@code false} (the production guard): then an {@link InvalidOptionException} naming
     *       {@code DATABASE_URL}.</li>
     * </ol>
     * The instance is {@code $PAPERCLIP_HOME/instances/$PAPERCLIP_INSTANCE_ID}; {@link #environment()}
     * returns {@code env} with the {@code .env} file laid under it, for the other settings.
     *
     * @throws ai.paperclip.embedded.ConfigurationException when the instance id, {@code .env} or
     *     {@code config.json} is invalid (naming the file, line and key)
     */
    public static DatabaseTarget resolve(Map<String, String> env) {
        String direct = nonEmpty(env.get("DATABASE_URL"));
        if (direct != null) {
            return new DatabaseTarget(direct, null, null, env, "DATABASE_URL (environment)");
        }
        InstanceHome instance = InstanceHome.fromEnvironment(env);
        Map<String, String> effective = DotEnvFile.overlay(env, instance.envFile());
        String fromDotEnv = nonEmpty(effective.get("DATABASE_URL"));
        if (fromDotEnv != null) {
            return new DatabaseTarget(fromDotEnv, instance, null, effective, "DATABASE_URL (" + instance.envFile() + ")");
        }
        PaperclipConfig config = PaperclipConfig.read(instance.configFile());
        if (config.databaseMode() == PaperclipConfig.DatabaseMode.POSTGRES) {
            String connection = config.connectionString().map(DatabaseTarget::nonEmpty).orElseThrow(() ->
                    new InvalidOptionException("database.mode is \"postgres\" in " + instance.configFile()
                            + " but database.connectionString is missing: add the connection string, set"
                            + " DATABASE_URL, or set database.mode to \"embedded-postgres\"."));
            return new DatabaseTarget(connection, instance, null, effective,
                    "database.connectionString (" + instance.configFile() + ")");
        }
        if (!EnvironmentSettings.embeddedPostgresAllowed(effective)) {
            throw EnvironmentSettings.embeddedPostgresRefused("not in the environment, not in " + instance.envFile()
                    + ", no database.connectionString in " + instance.configFile());
        }
        EmbeddedPostgresOptions options = EmbeddedPostgres.builder().fromEnvironment(env).build();
        return new DatabaseTarget(null, instance, options, effective, "embedded PostgreSQL");
    }

    /**
     * Starts (or reuses, once its identity is proven) the embedded server this target names, after
     * creating the instance's directories; the caller closes it.
     *
     * @throws IllegalStateException when the target is a URL
     */
    public EmbeddedPostgres startEmbedded() {
        if (embedded == null) {
            throw new IllegalStateException("The target is " + describe() + ", not an embedded server");
        }
        if (instance != null) {
            instance.createDirectories();
        }
        return EmbeddedPostgres.start(embedded);
    }

    /** The URL, when the target is a server named by URL. */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /** The embedded server's settings, when the target is embedded. */
    public Optional<EmbeddedPostgresOptions> embedded() {
        return Optional.ofNullable(embedded);
    }

    /** The instance the target was resolved from, if any. */
    public Optional<InstanceHome> instance() {
        return Optional.ofNullable(instance);
    }

    /** The environment the target was resolved from, with the instance's {@code .env} laid under it. */
    public Map<String, String> environment() {
        return environment;
    }

    /** Where the answer came from and what it is, password masked. */
    public String describe() {
        if (url != null) {
            return source + ": " + Redaction.url(url);
        }
        return source + " (data " + embedded.dataDirectory() + ", port " + embedded.port() + ")";
    }

    @Override
    public String toString() {
        return describe();
    }

    private static String nonEmpty(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
