package ai.paperclip.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where one Paperclip instance keeps its files:
 * {@code $PAPERCLIP_HOME/instances/$PAPERCLIP_INSTANCE_ID/} with {@code config.json}, {@code .env},
 * {@code db/} (the cluster), {@code data/backups/}, {@code secrets/} and {@code logs/}.
 *
 * <pre>{@code
 * InstanceHome home = InstanceHome.fromEnvironment(System.getenv());
 * PaperclipConfig config = PaperclipConfig.read(home.configFile());
 * }</pre>
 *
 * @param home        the Paperclip home ({@code PAPERCLIP_HOME}), absolute
 * @param instanceId  the instance id, matching {@code ^[a-zA-Z0-9_-]+$}
 * @param configFile  {@code config.json} of the instance, or the {@code PAPERCLIP_CONFIG} override
 */
public record InstanceHome(Path home, String instanceId, Path configFile) {

    /** The instance id used when {@code PAPERCLIP_INSTANCE_ID} is unset or empty. */
    public static final String DEFAULT_INSTANCE_ID = "default";
    /** The home directory name under the user's home when {@code PAPERCLIP_HOME} is unset. */
    public static final String DEFAULT_HOME_DIRECTORY = ".paperclip";

    /** Mode 0700 for every directory the library creates in a home. */
    private static final java.nio.file.attribute.FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    /** The longest path accepted for the home and the other path settings, in characters. */
    public static final int MAX_PATH_LENGTH = 1024;

    private static final Pattern VALID_ID = Pattern.compile("^[a-zA-Z0-9_-]+$");

    public InstanceHome {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(instanceId, "instanceId");
        if (!VALID_ID.matcher(instanceId).matches()) {
            throw new ConfigurationException("Invalid instance id '" + instanceId
                    + "': PAPERCLIP_INSTANCE_ID must match ^[a-zA-Z0-9_-]+$ (letters, digits, '_' and '-')."
                    + " Choose another id, for example 'default'.");
        }
        home = home.toAbsolutePath().normalize();
        configFile = configFile == null
                ? home.resolve("instances").resolve(instanceId).resolve("config.json")
                : configFile.toAbsolutePath().normalize();
    }

    /** The instance {@code id} under {@code home}, with its {@code config.json} in the instance directory. */
    public static InstanceHome of(Path home, String instanceId) {
        return new InstanceHome(home, instanceId, null);
    }

    /**
     * Reads {@code PAPERCLIP_HOME}, {@code PAPERCLIP_INSTANCE_ID} and {@code PAPERCLIP_CONFIG} from the
     * given map (pass {@code System.getenv()} at the edge of an application). Empty values count as
     * unset. A leading {@code ~} is expanded with {@code HOME} from the same map.
     *
     * @throws ConfigurationException when a path holds {@code $} or is longer than {@value #MAX_PATH_LENGTH}
     *     characters, when {@code PAPERCLIP_CONFIG} names a file that does not exist, or when the instance
     *     id is invalid (each message names the variable)
     */
    public static InstanceHome fromEnvironment(Map<String, String> env) {
        String userHome = nonEmpty(env.get("HOME"));
        String homeValue = nonEmpty(env.get("PAPERCLIP_HOME"));
        Path home;
        if (homeValue != null) {
            home = expandTilde(homeValue, userHome, "PAPERCLIP_HOME");
        } else if (userHome != null) {
            checkPath(userHome, "HOME");
            home = Path.of(userHome, DEFAULT_HOME_DIRECTORY);
        } else {
            throw new ConfigurationException("Cannot tell where the Paperclip home is: neither PAPERCLIP_HOME"
                    + " nor HOME is set. Set PAPERCLIP_HOME to a directory.");
        }
        String id = nonEmpty(env.get("PAPERCLIP_INSTANCE_ID"));
        String config = nonEmpty(env.get("PAPERCLIP_CONFIG"));
        Path configFile = config == null ? null : expandTilde(config, userHome, "PAPERCLIP_CONFIG");
        if (configFile != null && !Files.exists(configFile)) {
            // Named on purpose: running on defaults instead would hide a typo until the data is elsewhere.
            throw new ConfigurationException("PAPERCLIP_CONFIG names " + configFile.toAbsolutePath().normalize()
                    + ", which does not exist. Fix the path, create the file (it may hold just {}), or unset"
                    + " PAPERCLIP_CONFIG to use the instance's config.json.");
        }
        return new InstanceHome(home, id == null ? DEFAULT_INSTANCE_ID : id, configFile);
    }

    /** {@code <home>/instances/<id>}. */
    public Path instanceDirectory() {
        return home.resolve("instances").resolve(instanceId);
    }

    /** The instance's {@code .env}, next to {@code config.json}. */
    public Path envFile() {
        return configFile.resolveSibling(".env");
    }

    /** The default data directory of the embedded cluster, {@code <instance>/db}. */
    public Path defaultDataDirectory() {
        return instanceDirectory().resolve("db");
    }

    /** The default backup directory, {@code <instance>/data/backups}. */
    public Path defaultBackupDirectory() {
        return instanceDirectory().resolve("data").resolve("backups");
    }

    public Path secretsDirectory() {
        return instanceDirectory().resolve("secrets");
    }

    public Path logsDirectory() {
        return instanceDirectory().resolve("logs");
    }

    /** Extracted PostgreSQL binaries and cluster templates, shared by the instances of this home. */
    public Path cacheDirectory() {
        return home.resolve("cache");
    }

    /**
     * Creates the instance directories that do not exist yet, each with mode 0700 (the instance holds
     * {@code .env}, which may name a password, the server log, backups and the secrets key): the instance,
     * {@code data/backups/}, {@code secrets/} and {@code logs/}. Existing directories keep their mode.
     * {@code config.json} is never written here.
     */
    public void createDirectories() {
        try {
            for (Path directory : List.of(defaultBackupDirectory(), logsDirectory(), secretsDirectory())) {
                if (!Files.isDirectory(directory)) {
                    Files.createDirectories(directory, OWNER_ONLY);
                }
            }
        } catch (IOException e) {
            throw new ConfigurationException("Cannot create the instance directories under " + instanceDirectory()
                    + ": " + e.getMessage() + ". Check that PAPERCLIP_HOME is writable.", e);
        }
    }

    /**
     * Expands a leading {@code ~} (alone or followed by '/') with {@code userHome}, after checking that
     * {@code value} is a usable path (see {@link #checkPath}).
     */
    static Path expandTilde(String value, String userHome, String variable) {
        checkPath(value, variable);
        if (value.equals("~") || value.startsWith("~/")) {
            if (userHome == null) {
                throw new ConfigurationException(variable + " starts with '~' but HOME is not set;"
                        + " use an absolute path in " + variable + ".");
            }
            checkPath(userHome, "HOME");
            return Path.of(userHome + value.substring(1));
        }
        return Path.of(value);
    }

    /**
     * Refuses a path setting that cannot be meant as written: a {@code $} (a variable nobody expanded, as
     * from a quoted {@code '$HOME/x'} or a systemd unit), a NUL, or more than {@value #MAX_PATH_LENGTH}
     * characters (the embedded server's socket and file paths must fit the system's limits).
     */
    static void checkPath(String value, String variable) {
        if (value.indexOf('$') >= 0) {
            throw new ConfigurationException(variable + " contains '$' (" + value + "): a shell variable that was"
                    + " not expanded. Write the path out in full, e.g. /home/me/.paperclip, or let the shell expand it"
                    + " (no single quotes).");
        }
        if (value.indexOf('\0') >= 0) {
            throw new ConfigurationException(variable + " contains a NUL character; set it to a plain path.");
        }
        if (value.length() > MAX_PATH_LENGTH) {
            throw new ConfigurationException(variable + " is " + value.length() + " characters long, more than the "
                    + MAX_PATH_LENGTH + " allowed; choose a shorter path.");
        }
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
