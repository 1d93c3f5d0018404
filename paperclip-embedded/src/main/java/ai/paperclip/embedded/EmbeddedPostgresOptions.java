package ai.paperclip.embedded;

import ai.paperclip.embedded.internal.DataDirectoryRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The settings of one embedded server, validated here, once, whoever builds them: with
 * {@link EmbeddedPostgres.Builder} (which resolves {@code config.json} and the instance's defaults first) or
 * with this constructor. Invalid settings throw a {@link ConfigurationException} that names the setting, the
 * value and the rule. {@link #toString()} masks the password.
 *
 * @param dataDirectory        the cluster's data directory (made absolute); never the file system root nor
 *                             the user's home, since reset deletes it whole
 * @param port                 the first port tried, 1 to 65535
 * @param portSetting          where {@code port} came from, named in errors ("database.embeddedPostgresPort in ...")
 * @param portAttempts         how many consecutive ports are tried when one is taken, 1 to 1000
 * @param binaries             where the PostgreSQL binaries come from
 * @param cacheDirectory       extracted binaries and cached cluster templates (made absolute)
 * @param logFile              PostgreSQL's log (made absolute)
 * @param startTimeout         the longest a start (or a wait for crash recovery) may take, at least 1 s
 * @param registerShutdownHook close the handle when the JVM exits (the last user of a server stops it)
 * @param clusterTemplateCache copy a cached, freshly initialised cluster instead of running initdb
 * @param databaseName         the database created when missing (a plain identifier)
 * @param superuser            the cluster's superuser (a plain identifier)
 * @param password             the superuser's password (password authentication, never trust), one line
 * @param serverSettings       extra {@code -c name=value} settings for the server (for example {@code fsync=off}
 *                             in tests); not {@link #MANAGED_SETTINGS}
 */
public record EmbeddedPostgresOptions(Path dataDirectory, int port, String portSetting, int portAttempts,
                                      PostgresBinaries binaries, Path cacheDirectory, Path logFile,
                                      Duration startTimeout, boolean registerShutdownHook,
                                      boolean clusterTemplateCache, String databaseName, String superuser,
                                      String password, Map<String, String> serverSettings) {

    public static final int DEFAULT_PORT_ATTEMPTS = 10;
    public static final int MAX_PORT_ATTEMPTS = 1000;
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration MIN_START_TIMEOUT = Duration.ofSeconds(1);
    public static final String DEFAULT_DATABASE = "paperclip";
    public static final String DEFAULT_SUPERUSER = "paperclip";
    public static final String DEFAULT_PASSWORD = "paperclip";
    /** Settings this library manages itself: a server setting may not name them. */
    public static final Set<String> MANAGED_SETTINGS = Set.of("listen_addresses", "port", "unix_socket_directories");

    private static final Pattern IDENTIFIER = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,62}$");
    private static final Pattern SETTING_NAME = Pattern.compile("^[a-z_][a-z0-9_.]*$");
    // Values travel through pg_ctl's shell: a conservative alphabet keeps quoting out of the picture.
    private static final Pattern SETTING_VALUE = Pattern.compile("^[A-Za-z0-9._:-]+$");

    public EmbeddedPostgresOptions {
        dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory").toAbsolutePath().normalize();
        Path data = dataDirectory;
        DataDirectoryRule.problem(data, DataDirectoryRule.always(null)).ifPresent(problem -> {
            throw new ConfigurationException("dataDirectory " + data + " " + problem + ": the data directory must be"
                    + " a directory of its own, since reset deletes it whole. Choose a new directory for it.");
        });
        if (port < 1 || port > 65535) {
            throw new ConfigurationException("port must be from 1 to 65535, found " + port
                    + (portSetting == null ? "" : " (" + portSetting + ")"));
        }
        portSetting = portSetting == null || portSetting.isBlank() ? "port " + port : portSetting;
        if (portAttempts < 1 || portAttempts > MAX_PORT_ATTEMPTS) {
            throw new ConfigurationException("portAttempts must be from 1 to " + MAX_PORT_ATTEMPTS + ", found "
                    + portAttempts);
        }
        Objects.requireNonNull(binaries, "binaries");
        cacheDirectory = Objects.requireNonNull(cacheDirectory, "cacheDirectory").toAbsolutePath().normalize();
        logFile = Objects.requireNonNull(logFile, "logFile").toAbsolutePath().normalize();
        if (Objects.requireNonNull(startTimeout, "startTimeout").compareTo(MIN_START_TIMEOUT) < 0) {
            throw new ConfigurationException("startTimeout cannot be less than 1 s, found " + startTimeout);
        }
        requireIdentifier("databaseName", databaseName);
        requireIdentifier("superuser", superuser);
        if (password == null || password.isEmpty() || password.contains("\n") || password.contains("\r")) {
            throw new ConfigurationException("password must be non-empty and on one line");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        Objects.requireNonNull(serverSettings, "serverSettings").forEach((name, value) -> {
            requireSetting(name, value);
            settings.put(name, value);
        });
        serverSettings = java.util.Collections.unmodifiableMap(settings);
    }

    /** The last port tried. */
    public int lastPort() {
        return (int) Math.min(65535L, (long) port + portAttempts - 1);
    }

    /**
     * Checks one server setting as the constructor does: a PostgreSQL setting name other than
     * {@link #MANAGED_SETTINGS}, and a value of letters, digits and {@code . _ - :}.
     */
    static void requireSetting(String name, String value) {
        if (name == null || !SETTING_NAME.matcher(name).matches() || MANAGED_SETTINGS.contains(name)) {
            throw new ConfigurationException("serverSetting name '" + name + "' is not allowed: use a PostgreSQL"
                    + " setting name other than " + MANAGED_SETTINGS);
        }
        if (value == null || !SETTING_VALUE.matcher(value).matches()) {
            throw new ConfigurationException("serverSetting " + name + " has an unsupported value: use letters,"
                    + " digits and . _ - : only (for example 256MB, off, 0.9)");
        }
    }

    private static void requireIdentifier(String option, String value) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new ConfigurationException(option + " must be a plain identifier ([A-Za-z_][A-Za-z0-9_]*,"
                    + " at most 63 characters), found '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresOptions[dataDirectory=" + dataDirectory + ", port=" + port + " (" + portSetting
                + "), portAttempts=" + portAttempts + ", binaries=" + binaries + ", cacheDirectory=" + cacheDirectory
                + ", logFile=" + logFile + ", startTimeout=" + startTimeout + ", registerShutdownHook="
                + registerShutdownHook + ", clusterTemplateCache=" + clusterTemplateCache + ", databaseName="
                + databaseName + ", superuser=" + superuser + ", password=****, serverSettings=" + serverSettings + "]";
    }
}
