package ai.paperclip.db.backup;

import ai.paperclip.db.migration.MigrationDatabase;
import ai.paperclip.embedded.EmbeddedPostgres;
import ai.paperclip.embedded.EmbeddedPostgresOptions;
import ai.paperclip.embedded.InstanceHome;
import ai.paperclip.embedded.PaperclipConfig;
import ai.paperclip.embedded.ServerStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The backups of a Paperclip instance as a tool sees them from its environment (the CLI's {@code backup},
 * {@code restore}, {@code verify} and {@code backups}): where they live ({@code --dir}, else
 * {@code PAPERCLIP_BACKUP_DIR}, else {@code config.json}'s {@code database.backup.dir}, else {@code data/backups}: the
 * scheduler's rule, {@link BackupSettings#directory}), what is there and how fresh it is, and a physical backup of the
 * embedded cluster whether its server runs or not.
 *
 * <pre>{@code
 * InstanceBackups.Inventory inventory = InstanceBackups.inventory(System.getenv(), null, Clock.systemDefaultZone());
 * BackupHealth health = InstanceBackups.health(System.getenv(), inventory.directory(), Clock.systemDefaultZone());
 * inventory.backups().forEach(b -> log.info("{} {}", b.file(), b.schemaVersion()));
 * }</pre>
 */
public final class InstanceBackups {

    private static final Pattern PHYSICAL = Pattern.compile("paperclip-\\d{8}-\\d{6}(-\\d+)?"
            + Pattern.quote(Backups.PHYSICAL_SUFFIX));

    private InstanceBackups() {
    }

    /**
     * What a backup directory holds.
     *
     * @param directory the directory listed
     * @param backups the logical backups, newest first
     * @param physical the physical backups ({@code *.physical.tar.gz}) by name, never touched by retention
     * @param at when it was listed (ages count to it)
     */
    public record Inventory(Path directory, List<BackupFile> backups, List<PhysicalFile> physical, Instant at) {

        public Inventory {
            Objects.requireNonNull(directory, "directory");
            backups = List.copyOf(backups);
            physical = List.copyOf(physical);
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * One physical backup file.
     *
     * @param file its path
     * @param sizeBytes its size
     */
    public record PhysicalFile(Path file, long sizeBytes) {
    }

    /**
     * A physical backup made by {@link #physical}.
     *
     * @param made the file written
     * @param dataDirectory the cluster copied
     * @param whileRunning whether the server ran (a copy consistent through its WAL, {@code made.startLsn()} to
     *     {@code made.stopLsn()}) or was stopped (a plain copy)
     */
    public record Physical(PhysicalBackupResult made, Path dataDirectory, boolean whileRunning) {
    }

    /** {@code dir} made absolute, else the instance's backup directory of {@code env}. */
    public static Path directory(Map<String, String> env, Path dir) {
        if (dir != null) {
            return dir.toAbsolutePath();
        }
        InstanceHome instance = InstanceHome.fromEnvironment(env);
        return BackupSettings.directory(PaperclipConfig.read(instance.configFile()), instance, env);
    }

    /** Backups of {@code db} into {@link #directory}, applying pending migrations after a restore when {@code migrate}. */
    public static Backups of(MigrationDatabase db, Map<String, String> env, Path dir, boolean migrate) {
        return Backups.of(db.url(), BackupOptions.builder().directory(directory(env, dir)).migrate(migrate).build());
    }

    /** {@link Backups#verifyEmbedded} with the instance's work directory ({@code tmp}) and binary cache. */
    public static VerifyReport verifyEmbedded(Map<String, String> env, Path file, BackupProgress progress) {
        InstanceHome instance = InstanceHome.fromEnvironment(env);
        return Backups.verifyEmbedded(file.toAbsolutePath(), instance.instanceDirectory().resolve("tmp"),
                instance.cacheDirectory(), progress);
    }

    /** What {@link #directory} holds. Reads no instance configuration when {@code dir} is given. */
    public static Inventory inventory(Map<String, String> env, Path dir, Clock clock) {
        Path directory = directory(env, dir);
        return new Inventory(directory, Backups.list(directory), physical(directory), clock.instant());
    }

    /**
     * The health of {@code directory}: the newest good backup's age against the instance's backup interval
     * ({@code config.json}'s {@code database.backup.intervalMinutes}), bytes used, free space.
     */
    public static BackupHealth health(Map<String, String> env, Path directory, Clock clock) {
        Duration interval = Duration.ofMinutes(PaperclipConfig.read(InstanceHome.fromEnvironment(env).configFile())
                .backupIntervalMinutes());
        return Backups.health(directory, interval, clock);
    }

    /**
     * A physical backup of the embedded cluster {@code embedded} into {@link #directory}: a plain copy when its server
     * is stopped, else a copy consistent through the WAL on the running server.
     *
     * @throws BackupInProgressException when another backup of the database runs
     * @throws BackupException when the copy fails
     */
    public static Physical physical(EmbeddedPostgresOptions embedded, Map<String, String> env, Path dir) {
        Path directory = directory(env, dir);
        if (EmbeddedPostgres.inspect(embedded).server() == ServerStatus.Server.NOT_RUNNING) {
            return new Physical(Backups.backupStoppedCluster(embedded.dataDirectory(), directory, Clock.systemDefaultZone()),
                    embedded.dataDirectory(), false);
        }
        try (MigrationDatabase db = MigrationDatabase.open(env)) {
            return new Physical(of(db, env, dir, false).backupPhysical(embedded.dataDirectory()), embedded.dataDirectory(),
                    true);
        }
    }

    private static List<PhysicalFile> physical(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> PHYSICAL.matcher(f.getFileName().toString()).matches()).sorted()
                    .map(f -> new PhysicalFile(f, f.toFile().length())).toList();
        } catch (IOException e) {
            return List.of(); // a listing, not a check: an unreadable directory shows as holding none
        }
    }
}
