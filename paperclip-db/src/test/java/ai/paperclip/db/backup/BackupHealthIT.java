package ai.paperclip.db.backup;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.DbHealth;
import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import ai.paperclip.db.testing.Wait;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** PaperclipDb.health() and the backup gauge report the application's scheduled backups, on a real PostgreSQL. */
@ExtendWith(SharedPostgres.class)
class BackupHealthIT {

    private static final Duration INTERVAL = Duration.ofHours(1);
    private static PostgresServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void server(PostgresServer shared) {
        server = shared;
    }

    private static PaperclipDbOptions.Builder options() {
        return PaperclipDbOptions.builder().poolMax(2);
    }

    /** A real backup of the shared database whose manifest says it was taken {@code ago} ago. */
    private static BackupFile backupTaken(Path directory, Duration ago) {
        BackupOptions options = BackupOptions.builder().directory(directory).migrate(false)
                .clock(Clock.offset(Clock.systemDefaultZone(), ago.negated())).build();
        Backups.of(server.url(), options).backup();
        return Backups.of(server.url(), options).list().get(0);
    }

    @Test
    void aFreshBackupIsReportedYoungAndNotOverdueWithTheFreeDiskAndAGauge() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        backupTaken(dir, Duration.ZERO);
        PaperclipDbOptions options = options().backupDirectory(dir).backupInterval(INTERVAL).meterRegistry(registry).build();
        try (PaperclipDb db = PaperclipDb.create(server.url(), options)) {
            DbHealth health = db.health();
            BackupHealth backup = health.backup().orElseThrow();
            assertThat(backup.directory()).isEqualTo(dir.toAbsolutePath().normalize());
            assertThat(backup.newest()).isPresent();
            assertThat(backup.newestAge()).hasValueSatisfying(age -> assertThat(age).isLessThan(INTERVAL));
            assertThat(backup.stale()).isFalse();
            assertThat(health.backupOverdue()).isFalse();
            assertThat(backup.lastFailure()).isEmpty();
            assertThat(backup.freeBytes()).isPositive();
            double age = registry.get("paperclip.db.backup.age").tag("pool", "paperclip").gauge().value();
            assertThat(age).isBetween(0.0, (double) INTERVAL.toSeconds());
            assertThat(registry.get("paperclip.db.backup.age").gauge().getId().getBaseUnit()).isEqualTo("seconds");
        }
        assertThat(registry.find("paperclip.db.backup.age").gauge()).as("removed on close").isNull();
    }

    @Test
    void aBackupOlderThanTheIntervalAndItsGraceIsOverdueAndOneWithinTheGraceIsNot() {
        backupTaken(dir, Duration.ofHours(3));
        try (PaperclipDb db = PaperclipDb.create(server.url(), options().backupDirectory(dir).backupInterval(INTERVAL).build())) {
            BackupHealth old = db.health().backup().orElseThrow();
            assertThat(old.newestAge()).hasValueSatisfying(age -> assertThat(age).isGreaterThanOrEqualTo(Duration.ofHours(3)));
            assertThat(old.stale()).isTrue();
            assertThat(db.health().backupOverdue()).isTrue();
            // Older than one interval, within the second: the scheduler's and doctor's rule says not overdue yet.
            backupTaken(dir, Duration.ofMinutes(90));
            BackupHealth late = db.health().backup().orElseThrow();
            assertThat(late.newestAge()).hasValueSatisfying(age -> assertThat(age).isGreaterThan(INTERVAL));
            assertThat(late.stale()).isFalse();
            assertThat(Backups.health(dir, INTERVAL, Clock.systemDefaultZone()).stale()).isEqualTo(late.stale());
        }
    }

    @Test
    void withoutABackupDirectoryThereIsNoBackupHealthAndNoGauge() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (PaperclipDb db = PaperclipDb.create(server.url(), options().meterRegistry(registry).build())) {
            DbHealth health = db.health();
            assertThat(health.backup()).isEmpty();
            assertThat(health.backupOverdue()).isFalse();
            assertThat(registry.find("paperclip.db.backup.age").gauge()).isNull();
        }
    }

    @Test
    void aFailingScheduledRunShowsInHealthWithoutThePassword() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("not-a-directory"), "a regular file");
        Path backups = notADirectory.resolve("backups"); // cannot be created, even by root
        BackupOptions backupOptions = BackupOptions.builder().directory(backups).migrate(false).build();
        BackupSchedule every = BackupSchedule.builder(Duration.ofMillis(200)).minFreeBytes(1).build();
        try (PaperclipDb db = PaperclipDb.create(server.url(), options().backupDirectory(backups).build());
             BackupScheduler scheduler = BackupScheduler.start(Backups.of(server.url(), backupOptions), every)) {
            Wait.until("a failed scheduled run in health()", Duration.ofMinutes(2),
                    () -> db.health().backup().orElseThrow().lastFailure().isPresent());
            DbHealth health = db.health();
            BackupHealth backup = health.backup().orElseThrow();
            assertThat(backup.lastFailure().get().reason()).contains(backups.toString());
            assertThat(backup.stale()).isTrue();
            assertThat(backup.nextRun()).as("the scheduler's state").isPresent();
            assertThat(backup.freeBytes()).as("the nearest existing parent's file system").isPositive();
            assertThat(health.toString()).doesNotContain(PostgresServer.PASSWORD)
                    .doesNotContain(PostgresServer.encoded(PostgresServer.PASSWORD));
        }
        try (PaperclipDb db = PaperclipDb.create(server.url(), options().backupDirectory(backups).build())) {
            assertThat(db.health().backup().orElseThrow().lastFailure()).as("the closed scheduler is forgotten").isEmpty();
        }
    }

    @Test
    void aRegularFileInPlaceOfTheDirectoryIsReportedAsNoBackupNotThrown() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        // A regular file where the directory should be: Backups.health lists nothing, reports no backup.
        try (PaperclipDb db = PaperclipDb.create(server.url(), options().backupDirectory(notADirectory).build())) {
            BackupHealth backup = db.health().backup().orElseThrow();
            assertThat(backup.newest()).isEmpty();
            assertThat(backup.stale()).isTrue();
        }
    }

    @Test
    void fromEnvironmentReportsTheBackupsConfigJsonTurnsOn() throws Exception {
        Path home = dir.resolve("home");
        Path instance = Files.createDirectories(home.resolve("instances").resolve("default"));
        Path backups = dir.resolve("scheduled");
        Files.writeString(instance.resolve("config.json"), "{\"database\":{\"backup\":{\"enabled\":true,"
                + "\"intervalMinutes\":5,\"dir\":\"" + backups + "\"}}}");
        backupTaken(backups, Duration.ofMinutes(11));
        Map<String, String> env = Map.of("DATABASE_URL", server.url(), "PAPERCLIP_HOME", home.toString(),
                "HOME", dir.toString(), "DATABASE_POOL_MAX", "2");
        try (PaperclipDb db = PaperclipDb.fromEnvironment(env)) {
            assertThat(db.options().backupDirectory()).contains(backups);
            assertThat(db.options().backupInterval()).isEqualTo(Duration.ofMinutes(5));
            assertThat(db.health().backupOverdue()).as("11 minutes > two intervals of 5").isTrue();
        }
        Files.writeString(instance.resolve("config.json"), "{}");
        try (PaperclipDb db = PaperclipDb.fromEnvironment(env)) {
            assertThat(db.options().backupDirectory()).as("scheduled backups off").isEmpty();
            assertThat(db.health().backup()).isEmpty();
        }
    }
}
