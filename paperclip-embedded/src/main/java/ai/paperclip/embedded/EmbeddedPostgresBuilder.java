package ai.paperclip.embedded;

import ai.paperclip.embedded.internal.DataDirectoryRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Settings of an embedded server, validated once in {@link #build()}. Either an
 * {@link #instanceHome(InstanceHome) instance home} (whose {@code config.json} supplies the port and
 * the data directory) or a {@link #dataDirectory(Path) data directory} is required; explicit
 * settings win over {@code config.json}.
 */
public final class EmbeddedPostgresBuilder {

    public static final int DEFAULT_PORT_ATTEMPTS = 10;
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);
    public static final String DEFAULT_DATABASE = "paperclip";
    public static final String DEFAULT_SUPERUSER = "paperclip";
    public static final String DEFAULT_PASSWORD = "paperclip";

    private static final Pattern IDENTIFIER = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,62}$");
    private static final Pattern SETTING_NAME = Pattern.compile("^[a-z_][a-z0-9_.]*$");
    // Values travel through pg_ctl's shell: a conservative alphabet keeps quoting out of the picture.
    private static final Pattern SETTING_VALUE = Pattern.compile("^[A-Za-z0-9._:-]+$");
    private static final Set<String> MANAGED_SETTINGS = Set.of("listen_addresses", "port", "unix_socket_directories");

    private InstanceHome instanceHome;
    private String userHome;
    private Path dataDirectory;
    private Integer port;
    private int portAttempts = DEFAULT_PORT_ATTEMPTS;
    private PostgresBinaries binaries = PostgresBinaries.bundled();
    private Path cacheDirectory;
    private Path logFile;
    private Duration startTimeout = DEFAULT_START_TIMEOUT;
    private boolean registerShutdownHook = true;
    private boolean clusterTemplateCache = true;
    private String databaseName = DEFAULT_DATABASE;
    private String superuser = DEFAULT_SUPERUSER;
    private String password = DEFAULT_PASSWORD;
    private final Map<String, String> serverSettings = new LinkedHashMap<>();

    EmbeddedPostgresBuilder() {
    }

    /** The instance whose {@code config.json}, {@code db/}, {@code logs/} and cache are used. */
    public EmbeddedPostgresBuilder instanceHome(InstanceHome home) {
        this.instanceHome = Objects.requireNonNull(home, "instanceHome");
        return this;
    }

    /** {@link InstanceHome#fromEnvironment(Map)} plus {@code HOME} for {@code ~} in {@code config.json}. */
    public EmbeddedPostgresBuilder fromEnvironment(Map<String, String> env) {
        this.instanceHome = InstanceHome.fromEnvironment(env);
        this.userHome = env.get("HOME");
        return this;
    }

    /** Overrides {@code database.embeddedPostgresDataDir} and {@code <instance>/db}. */
    public EmbeddedPostgresBuilder dataDirectory(Path directory) {
        this.dataDirectory = Objects.requireNonNull(directory, "dataDirectory");
        return this;
    }

    /** The first port tried; overrides {@code database.embeddedPostgresPort} (default 54329). */
    public EmbeddedPostgresBuilder port(int port) {
        this.port = port;
        return this;
    }

    /** How many consecutive ports, from the first, are tried when one is taken (default 10). */
    public EmbeddedPostgresBuilder portAttempts(int attempts) {
        this.portAttempts = attempts;
        return this;
    }

    public EmbeddedPostgresBuilder binaries(PostgresBinaries binaries) {
        this.binaries = Objects.requireNonNull(binaries, "binaries");
        return this;
    }

    /** Where binaries are extracted and cluster templates cached (default {@code $PAPERCLIP_HOME/cache}). */
    public EmbeddedPostgresBuilder cacheDirectory(Path directory) {
        this.cacheDirectory = Objects.requireNonNull(directory, "cacheDirectory");
        return this;
    }

    /** PostgreSQL's log (default {@code <instance>/logs/embedded-postgres.log}). */
    public EmbeddedPostgresBuilder logFile(Path file) {
        this.logFile = Objects.requireNonNull(file, "logFile");
        return this;
    }

    public EmbeddedPostgresBuilder startTimeout(Duration timeout) {
        this.startTimeout = Objects.requireNonNull(timeout, "startTimeout");
        return this;
    }

    /** Whether a JVM shutdown hook closes the handle (default true), which stops the server if this is its last user; turn it off when the host closes the handle in its own shutdown order. */
    public EmbeddedPostgresBuilder registerShutdownHook(boolean register) {
        this.registerShutdownHook = register;
        return this;
    }

    /** Whether new clusters are copied from a cached freshly initialised one instead of running initdb (default true). */
    public EmbeddedPostgresBuilder clusterTemplateCache(boolean enabled) {
        this.clusterTemplateCache = enabled;
        return this;
    }

    public EmbeddedPostgresBuilder databaseName(String name) {
        this.databaseName = Objects.requireNonNull(name, "databaseName");
        return this;
    }

    /** The superuser and its password, set when the cluster is created (default paperclip/paperclip). */
    public EmbeddedPostgresBuilder credentials(String superuser, String password) {
        this.superuser = Objects.requireNonNull(superuser, "superuser");
        this.password = Objects.requireNonNull(password, "password");
        return this;
    }

    /**
     * A server setting passed as {@code -c name=value} at every start, for example
     * {@code serverSetting("shared_buffers", "256MB")}. {@code listen_addresses}, {@code port} and
     * {@code unix_socket_directories} are managed by this library and cannot be set.
     */
    public EmbeddedPostgresBuilder serverSetting(String name, String value) {
        if (!SETTING_NAME.matcher(name).matches() || MANAGED_SETTINGS.contains(name)) {
            throw new ConfigurationException("serverSetting name '" + name + "' is not allowed: use a PostgreSQL"
                    + " setting name other than " + MANAGED_SETTINGS);
        }
        if (!SETTING_VALUE.matcher(value).matches()) {
            throw new ConfigurationException("serverSetting " + name + " has an unsupported value: use letters,"
                    + " digits and . _ - : only (for example 256MB, off, 0.9)");
        }
        serverSettings.put(name, value);
        return this;
    }

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
        if (port != null) {
            firstPort = port;
            portSetting = "port(" + port + ") of the builder";
        } else if (config != null) {
            firstPort = config.embeddedPostgresPort();
            portSetting = "database.embeddedPostgresPort = " + firstPort + " in " + config.source();
        } else {
            firstPort = PaperclipConfig.DEFAULT_EMBEDDED_POSTGRES_PORT;
            portSetting = "the default port " + firstPort;
        }
        if (firstPort < 1 || firstPort > 65535) {
            throw new ConfigurationException("port must be from 1 to 65535, found " + firstPort);
        }
        if (portAttempts < 1 || portAttempts > 1000) {
            throw new ConfigurationException("portAttempts must be from 1 to 1000, found " + portAttempts);
        }
        if (startTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ConfigurationException("startTimeout cannot be less than 1 s, found " + startTimeout);
        }
        requireIdentifier("databaseName", databaseName);
        requireIdentifier("superuser", superuser);
        if (password.isEmpty() || password.contains("\n") || password.contains("\r")) {
            throw new ConfigurationException("password must be non-empty and on one line");
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

    private static void requireIdentifier(String option, String value) {
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new ConfigurationException(option + " must be a plain identifier ([A-Za-z_][A-Za-z0-9_]*,"
                    + " at most 63 characters), found '" + value + "'");
        }
    }
}
