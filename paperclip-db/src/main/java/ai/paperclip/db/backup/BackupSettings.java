package ai.paperclip.db.backup;

import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.embedded.InstanceHome;
import ai.paperclip.embedded.PaperclipConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Scheduled backups as {@code config.json} ({@code database.backup.*}) and the environment configure them; an
 * environment variable wins over the file. The library never reads the environment itself: pass
 * {@code System.getenv()} or your own map.
 *
 * <pre>{@code
 * InstanceHome instance = InstanceHome.fromEnvironment(System.getenv());
 * PaperclipConfig config = PaperclipConfig.read(instance.configFile());
 * Optional<BackupSchedule> schedule = BackupSettings.schedule(config, System.getenv());   // empty: off
 * }</pre>
 */
public final class BackupSettings {

    public static final String ENABLED = "PAPERCLIP_BACKUP_ENABLED";
    public static final String INTERVAL_MINUTES = "PAPERCLIP_BACKUP_INTERVAL_MINUTES";
    public static final String DEADLINE_MINUTES = "PAPERCLIP_BACKUP_DEADLINE_MINUTES";
    public static final String DIR = "PAPERCLIP_BACKUP_DIR";
    public static final String DAILY_DAYS = "PAPERCLIP_BACKUP_DAILY_DAYS";
    public static final String WEEKLY_WEEKS = "PAPERCLIP_BACKUP_WEEKLY_WEEKS";
    public static final String MONTHLY_MONTHS = "PAPERCLIP_BACKUP_MONTHLY_MONTHS";
    public static final String MAX_TOTAL_BYTES = "PAPERCLIP_BACKUP_MAX_TOTAL_BYTES";
    public static final String MIN_FREE_BYTES = "PAPERCLIP_BACKUP_MIN_FREE_BYTES";
    public static final String VERIFY = "PAPERCLIP_BACKUP_VERIFY";
    public static final String VERIFY_EVERY = "PAPERCLIP_BACKUP_VERIFY_EVERY";

    private BackupSettings() {
    }

    /**
     * The schedule, or empty when scheduled backups are off: they are on only when {@code database.backup.enabled}
     * is {@code true} in the file or {@value #ENABLED} is {@code true}.
     *
     * @throws IllegalArgumentException naming the variable or key whose value is wrong
     */
    public static Optional<BackupSchedule> schedule(PaperclipConfig config, Map<String, String> env) {
        boolean enabled = Optional.ofNullable(env.get(ENABLED)).map(v -> flag(ENABLED, v))
                .or(config::backupEnabledSetting).orElse(false);
        if (!enabled) {
            return Optional.empty();
        }
        long interval = number(env, INTERVAL_MINUTES, c -> Optional.of((long) c.backupIntervalMinutes()), config, 1);
        long deadline = number(env, DEADLINE_MINUTES, c -> c.backupNumber("deadlineMinutes"), config, interval);
        long daily = number(env, DAILY_DAYS, c -> c.backupNumber("dailyDays")
                .or(() -> Optional.of((long) c.backupRetentionDays())), config, RetentionPolicy.DEFAULT_DAILY_DAYS);
        RetentionPolicy retention = new RetentionPolicy(toInt(DAILY_DAYS, daily),
                toInt(WEEKLY_WEEKS, number(env, WEEKLY_WEEKS, c -> c.backupNumber("weeklyWeeks"), config,
                        RetentionPolicy.DEFAULT_WEEKLY_WEEKS)),
                toInt(MONTHLY_MONTHS, number(env, MONTHLY_MONTHS, c -> c.backupNumber("monthlyMonths"), config,
                        RetentionPolicy.DEFAULT_MONTHLY_MONTHS)),
                number(env, MAX_TOTAL_BYTES, c -> c.backupNumber("maxTotalBytes"), config, 0));
        boolean verify = Optional.ofNullable(env.get(VERIFY)).map(v -> flag(VERIFY, v)).orElse(config.backupVerify());
        int verifyEvery = verify ? toInt(VERIFY_EVERY, number(env, VERIFY_EVERY, c -> c.backupNumber("verifyEvery"),
                config, 1)) : 0;
        return Optional.of(BackupSchedule.builder(Duration.ofMinutes(interval)).deadline(Duration.ofMinutes(deadline))
                .retention(retention).minFreeBytes(number(env, MIN_FREE_BYTES, c -> c.backupNumber("minFreeBytes"),
                        config, 0)).verifyEvery(verifyEvery).build());
    }

    /** {@value #DIR}, else {@code database.backup.dir}, else {@code <instance>/data/backups}. */
    public static Path directory(PaperclipConfig config, InstanceHome instance, Map<String, String> env) {
        String dir = env.get(DIR);
        if (dir != null && !dir.isBlank()) {
            return config.with("database.backup.dir", dir).backupDir(instance, env.get("HOME"));
        }
        return config.backupDir(instance, env.get("HOME"));
    }

    /**
     * Tells {@code options} where the scheduled backups go and how often they run, read as {@link #schedule} and
     * {@link #directory} read them, when they are on, so that {@code PaperclipDb.health()} and the
     * {@code paperclip.db.backup.age} gauge report them; otherwise {@code options} is unchanged.
     * {@code PaperclipDb.fromEnvironment} calls it. The instance (its {@code config.json}) is the one {@code env}
     * names ({@code PAPERCLIP_HOME}, {@code PAPERCLIP_INSTANCE_ID}, {@code PAPERCLIP_CONFIG}, else {@code HOME});
     * an {@code env} naming no home at all has only the variables.
     *
     * @return {@code options}
     * @throws IllegalArgumentException naming the variable or key whose value is wrong, or when backups are on
     *     but neither {@value #DIR} nor a home says where they go
     */
    public static PaperclipDbOptions.Builder reportIn(PaperclipDbOptions.Builder options, Map<String, String> env) {
        boolean home = !blank(env.get("PAPERCLIP_HOME")) || !blank(env.get("HOME"));
        InstanceHome instance = home ? InstanceHome.fromEnvironment(env) : null;
        PaperclipConfig config = instance == null ? PaperclipConfig.defaults(Path.of("config.json"))
                : PaperclipConfig.read(instance.configFile());
        Optional<BackupSchedule> schedule = schedule(config, env);
        if (schedule.isEmpty()) {
            return options;
        }
        if (instance == null && blank(env.get(DIR))) {
            throw new IllegalArgumentException("Scheduled backups are on (" + ENABLED + ") but their directory is"
                    + " unknown: set " + DIR + ", or PAPERCLIP_HOME for the instance's data/backups.");
        }
        Path directory = instance == null ? Path.of(env.get(DIR).strip()) : directory(config, instance, env);
        return options.backupDirectory(directory).backupInterval(schedule.get().interval());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static long number(Map<String, String> env, String variable, Function<PaperclipConfig, Optional<Long>> key,
                               PaperclipConfig config, long defaultValue) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return key.apply(config).orElse(defaultValue);
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(variable + " must be a whole number of 0 or more, found \"" + value
                + "\". Fix or unset it.");
    }

    private static int toInt(String variable, long value) {
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(variable + " is too large: " + value + ".");
        }
        return (int) value;
    }

    private static boolean flag(String variable, String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new IllegalArgumentException(variable + " must be true, false, 1 or 0, found \"" + value
                    + "\". Fix or unset it.");
        };
    }
}
