package ai.paperclip.embedded;

import ai.paperclip.embedded.internal.ConfigJson;
import ai.paperclip.embedded.internal.DataDirectoryRule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instance's {@code config.json}, read leniently: a partial file such as
 * {@code {"database":{"embeddedPostgresPort":54330}}} works, missing keys take their defaults, and
 * unknown keys are kept when the file is rewritten with {@link #write(Path)}. A malformed file or an
 * out-of-range value is a {@link ConfigurationException} naming the file, the line and the key; the
 * file is never replaced to get past it. Instances are immutable.
 */
public final class PaperclipConfig {

    /** The port of the embedded server when {@code database.embeddedPostgresPort} is absent. */
    public static final int DEFAULT_EMBEDDED_POSTGRES_PORT = 54329;
    public static final int DEFAULT_BACKUP_INTERVAL_MINUTES = 60;
    public static final int DEFAULT_BACKUP_RETENTION_DAYS = 7;
    private static final String[] BACKUP_NUMBERS = {"deadlineMinutes", "dailyDays", "weeklyWeeks", "monthlyMonths",
        "maxTotalBytes", "minFreeBytes", "verifyEvery"};

    /** {@code database.mode}. */
    public enum DatabaseMode {
        EMBEDDED_POSTGRES("embedded-postgres"), POSTGRES("postgres");

        private final String json;

        DatabaseMode(String json) {
            this.json = json;
        }

        /** The value as written in {@code config.json}. */
        public String json() {
            return json;
        }
    }

    private final Path source;
    private final ObjectNode root;
    private final Map<String, Integer> lines;

    private PaperclipConfig(Path source, ObjectNode root, Map<String, Integer> lines) {
        this.source = source;
        this.root = root;
        this.lines = lines;
        validate();
    }

    /** Reads {@code file}; an absent file gives the defaults. */
    public static PaperclipConfig read(Path file) {
        ConfigJson.Parsed parsed = ConfigJson.read(file);
        return new PaperclipConfig(file, parsed.root(), parsed.lines());
    }

    /** A configuration with every default, remembering {@code file} as its place. */
    public static PaperclipConfig defaults(Path file) {
        return new PaperclipConfig(file, ConfigJson.emptyObject(), Map.of());
    }

    /** The file this configuration was read from (which may not exist). */
    public Path source() {
        return source;
    }

    public DatabaseMode databaseMode() {
        String mode = text("database", "mode");
        if (mode == null) {
            return DatabaseMode.EMBEDDED_POSTGRES;
        }
        for (DatabaseMode m : DatabaseMode.values()) {
            if (m.json.equals(mode)) {
                return m;
            }
        }
        throw invalid("database.mode", "must be \"embedded-postgres\" or \"postgres\"");
    }

    /** {@code database.connectionString}, used when the mode is {@code postgres}. */
    public Optional<String> connectionString() {
        return Optional.ofNullable(text("database", "connectionString")).filter(s -> !s.isBlank());
    }

    public int embeddedPostgresPort() {
        return integer("database.embeddedPostgresPort", DEFAULT_EMBEDDED_POSTGRES_PORT, 1, 65535);
    }

    /**
     * {@code database.embeddedPostgresDataDir} ({@code ~} expanded), or {@code <instance>/db}. A value that is,
     * or contains, the file system root, the user's home, the Paperclip home, the instance directory or (when
     * relative) the working directory is refused: reset deletes the data directory whole.
     *
     * @throws ConfigurationException naming the file, the line, the key and the fix for such a value
     */
    public Path embeddedPostgresDataDir(InstanceHome home, String userHome) {
        String key = "database.embeddedPostgresDataDir";
        String dir = text("database", "embeddedPostgresDataDir");
        if (dir == null || dir.isBlank()) {
            return home.defaultDataDirectory();
        }
        Path path = InstanceHome.expandTilde(dir, userHome, key + " in " + source);
        List<DataDirectoryRule.Guarded> guarded = new ArrayList<>(DataDirectoryRule.always(userHome));
        guarded.add(new DataDirectoryRule.Guarded(home.home(), "the Paperclip home"));
        guarded.add(new DataDirectoryRule.Guarded(home.instanceDirectory(), "the instance directory"));
        if (!path.isAbsolute()) {
            guarded.add(new DataDirectoryRule.Guarded(Path.of("").toAbsolutePath(), "the working directory"));
        }
        Optional<String> problem = DataDirectoryRule.problem(path, guarded);
        if (problem.isPresent()) {
            throw invalid(key, "is \"" + dir + "\", which " + problem.get() + ": the data directory must be a"
                    + " directory of its own, since reset deletes it whole. Set it to a new directory such as "
                    + home.defaultDataDirectory() + ", or remove the key for that default");
        }
        return path;
    }

    public boolean backupEnabled() {
        JsonNode node = at("database", "backup", "enabled");
        return node == null || node.asBoolean(true);
    }

    public int backupIntervalMinutes() {
        return integer("database.backup.intervalMinutes", DEFAULT_BACKUP_INTERVAL_MINUTES, 1, 10080);
    }

    public int backupRetentionDays() {
        return integer("database.backup.retentionDays", DEFAULT_BACKUP_RETENTION_DAYS, 1, Integer.MAX_VALUE);
    }

    /**
     * {@code database.backup.enabled} when the file sets it. Upstream reads an absent key as {@code true}
     * ({@link #backupEnabled()}); a host application's scheduler runs only when it is set (off unless configured).
     */
    public Optional<Boolean> backupEnabledSetting() {
        JsonNode node = at("database", "backup", "enabled");
        return node == null ? Optional.empty() : Optional.of(node.asBoolean());
    }

    /**
     * A whole-number setting under {@code database.backup} ({@code deadlineMinutes}, {@code dailyDays},
     * {@code weeklyWeeks}, {@code monthlyMonths}, {@code maxTotalBytes}, {@code minFreeBytes}, {@code verifyEvery}),
     * when present.
     *
     * @throws ConfigurationException when it is not a whole number from 0 up
     */
    public Optional<Long> backupNumber(String key) {
        String dotted = "database.backup." + key;
        JsonNode node = at(dotted.split("\\."));
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw invalid(dotted, "must be a whole number of 0 or more, found " + node);
        }
        return Optional.of(node.longValue());
    }

    /** {@code database.backup.verify} (verify scheduled backups), false when absent. */
    public boolean backupVerify() {
        JsonNode node = at("database", "backup", "verify");
        return node != null && node.asBoolean();
    }

    /** {@code database.backup.dir} ({@code ~} expanded), or {@code <instance>/data/backups}. */
    public Path backupDir(InstanceHome home, String userHome) {
        String dir = text("database", "backup", "dir");
        return dir == null || dir.isBlank() ? home.defaultBackupDirectory()
                : InstanceHome.expandTilde(dir, userHome, "database.backup.dir in " + source);
    }

    /**
     * A copy with {@code dottedKey} (for example {@code database.embeddedPostgresPort}) set to
     * {@code value} (a String, Number, Boolean or null); every other key, known or not, is kept.
     */
    public PaperclipConfig with(String dottedKey, Object value) {
        return new PaperclipConfig(source, ConfigJson.with(root, dottedKey, value), Map.of());
    }

    /** Writes this configuration to {@code file} atomically (a temporary file, then a rename). */
    public void write(Path file) {
        ConfigJson.write(root, file);
    }

    /** The whole document, unknown keys included, as compact JSON. */
    public String toJson() {
        return root.toString();
    }

    @Override
    public String toString() {
        return "PaperclipConfig[" + source + ", mode=" + databaseMode().json() + ", embeddedPostgresPort="
                + embeddedPostgresPort() + ", connectionString=" + (connectionString().isPresent() ? "<set>" : "<unset>")
                + "]";
    }

    private void validate() {
        for (String key : new String[] {"database", "database.backup"}) {
            JsonNode node = at(key.split("\\."));
            if (node != null && !node.isObject()) {
                throw invalid(key, "must be a JSON object");
            }
        }
        databaseMode();
        embeddedPostgresPort();
        backupIntervalMinutes();
        backupRetentionDays();
        for (String key : new String[] {"enabled", "verify"}) {
            JsonNode flag = at("database", "backup", key);
            if (flag != null && !flag.isBoolean()) {
                throw invalid("database.backup." + key, "must be true or false");
            }
        }
        for (String key : BACKUP_NUMBERS) {
            backupNumber(key);
        }
        for (String key : new String[] {"database.connectionString", "database.embeddedPostgresDataDir",
                "database.backup.dir"}) {
            JsonNode node = at(key.split("\\."));
            if (node != null && !node.isTextual()) {
                throw invalid(key, "must be a string");
            }
        }
    }

    private int integer(String dottedKey, int defaultValue, int min, int max) {
        JsonNode node = at(dottedKey.split("\\."));
        if (node == null) {
            return defaultValue;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.intValue() < min || node.intValue() > max) {
            throw invalid(dottedKey, "must be a whole number from " + min + " to " + max + ", found " + node);
        }
        return node.intValue();
    }

    private String text(String... path) {
        JsonNode node = at(path);
        if (node != null && !node.isTextual()) {
            throw invalid(String.join(".", path), "must be a string");
        }
        return node == null ? null : node.textValue();
    }

    /** The node at {@code path}, or null when absent or JSON null. */
    private JsonNode at(String... path) {
        JsonNode node = root;
        for (String part : path) {
            node = node.get(part);
            if (node == null || node.isNull()) {
                return null;
            }
        }
        return node;
    }

    private ConfigurationException invalid(String dottedKey, String problem) {
        Integer line = lines.get(dottedKey);
        return new ConfigurationException(source + (line == null ? "" : " line " + line) + ": key "
                + dottedKey + " " + problem + ". Fix the file; it is never rewritten to get past an error.");
    }
}
