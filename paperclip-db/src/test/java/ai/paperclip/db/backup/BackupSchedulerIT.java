package ai.paperclip.db.backup;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.testing.Db;
import ai.paperclip.db.testing.LogCapture;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import ai.paperclip.db.testing.Wait;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler against a real PostgreSQL: deadline, two schedulers on one database, the disk floor, verify. */
@ExtendWith(SharedPostgres.class)
class BackupSchedulerIT {

    private static final Duration WAIT = Duration.ofMinutes(2);
    private static PostgresServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void scratchDatabasesAllowed(PostgresServer shared) {
        server = shared;
        server.allowDatabaseCreation();
    }

    private static Backups backups(String database, Path directory) {
        return Backups.of(server.urlOf(database, null), BackupOptions.builder().directory(directory).migrate(false).build());
    }

    private static List<String> files(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(directory)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aRunBlockedByALockIsCancelledAtItsDeadlineLeavesNoFileAndTheNextRunSucceeds() throws Exception {
        String database = server.migratedDatabase();
        Backups backups = backups(database, dir);
        try (Connection blocker = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/"
                + database, PostgresServer.USER, PostgresServer.PASSWORD)) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("LOCK TABLE public.companies IN ACCESS EXCLUSIVE MODE");
            }
            BackupSchedule schedule = BackupSchedule.builder(Duration.ofSeconds(3)).deadline(Duration.ofSeconds(2))
                    .minFreeBytes(1).build();
            try (BackupScheduler scheduler = BackupScheduler.start(backups, schedule)) {
                Wait.until("the first run to fail at its deadline", WAIT, () -> scheduler.health().lastFailure().isPresent());
                BackupHealth failed = scheduler.health();
                assertThat(failed.lastFailure().get().reason()).contains("exceeded its deadline of PT2S",
                        "cancelled on the server");
                assertThat(failed.newest()).isEmpty();
                assertThat(failed.stale()).isTrue();
                assertThat(files(dir)).as("no backup and no partial file").isEmpty();
                Wait.until("the cancelled session to be gone", WAIT, () -> Db.value(server.superuser(),
                        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'paperclip-backup'"
                                + " AND wait_event_type = 'Lock'").equals("0"));

                blocker.rollback(); // the lock is gone: the next scheduled run must succeed on its own
                Wait.until("a later run to succeed", WAIT, () -> scheduler.health().newest().isPresent());
                BackupHealth healthy = scheduler.health();
                assertThat(healthy.stale()).isFalse();
                assertThat(healthy.nextRun()).isPresent();
                assertThat(healthy.bytesUsed()).isPositive();
                assertThat(files(dir)).singleElement().asString().matches("paperclip-\\d{8}-\\d{6}\\.sql\\.gz");
            }
        }
    }

    @Test
    void twoSchedulersOnOneDatabaseMakeOneBackupPerIntervalAndTheOtherTakesOverWhenTheFirstStops() throws Exception {
        String database = server.migratedDatabase();
        Path dirA = dir.resolve("a");
        Path dirB = dir.resolve("b");
        BackupSchedule schedule = BackupSchedule.builder(Duration.ofSeconds(3)).minFreeBytes(1).build();
        int mark = LogCapture.mark();
        BackupScheduler a = BackupScheduler.start(backups(database, dirA), schedule);
        BackupScheduler b = BackupScheduler.start(backups(database, dirB), schedule);
        try {
            Wait.until("three scheduled backups", WAIT, () -> count(dirA) + count(dirB) >= 3);
            a.close();
            b.close();
            int inA = count(dirA);
            int inB = count(dirB);
            assertThat(Math.min(inA, inB)).as("only one scheduler backs up (a: %s, b: %s)", inA, inB).isZero();
            assertThat(LogCapture.textSince(mark)).contains("another application instance schedules the backups");
            assertThat(a.health().lastFailure()).isEmpty();
            assertThat(b.health().lastFailure()).isEmpty();

            // the leader stops (its session and lock go with it): the other one takes over
            Path leaderDir = inA > 0 ? dirA : dirB;
            Path otherDir = inA > 0 ? dirB : dirA;
            BackupScheduler other = BackupScheduler.start(backups(database, otherDir), schedule);
            try {
                Wait.until("the other instance to back up", WAIT, () -> count(otherDir) >= 1);
            } finally {
                other.close();
            }
            assertThat(count(leaderDir)).isEqualTo(Math.max(inA, inB));
        } finally {
            a.close();
            b.close();
        }
    }

    @Test
    void aFreeSpaceFloorAboveTheFreeSpaceRefusesWithAClearMessageAndNoFile() throws Exception {
        String database = server.migratedDatabase();
        Files.createDirectories(dir);
        long floor = Files.getFileStore(dir).getUsableSpace() + (1L << 40);
        BackupSchedule schedule = BackupSchedule.builder(Duration.ofSeconds(2)).minFreeBytes(floor).build();
        try (BackupScheduler scheduler = BackupScheduler.start(backups(database, dir), schedule)) {
            Wait.until("the run to be refused", WAIT, () -> scheduler.health().lastFailure().isPresent());
            String reason = scheduler.health().lastFailure().get().reason();
            assertThat(reason).contains("refused to start", "bytes free in " + dir, "below the floor of " + floor,
                    "backup.minFreeBytes");
        }
        assertThat(files(dir)).isEmpty();
    }

    @Test
    void everyNthBackupIsVerifiedAndTheResultIsPartOfHealth() throws Exception {
        String database = server.migratedDatabase();
        BackupSchedule schedule = BackupSchedule.builder(Duration.ofSeconds(3)).minFreeBytes(1).verifyEvery(2).build();
        try (BackupScheduler scheduler = BackupScheduler.start(backups(database, dir), schedule)) {
            Wait.until("a verification", WAIT, () -> scheduler.health().lastVerify().isPresent());
            BackupHealth.Verification verified = scheduler.health().lastVerify().get();
            assertThat(verified.ok()).as(verified.detail()).isTrue();
            assertThat(count(dir)).isGreaterThanOrEqualTo(2);
            assertThat(Backups.list(dir).get(Backups.list(dir).size() - 2).file()).isEqualTo(verified.file());
        }
    }

    private static int count(Path directory) {
        try {
            return (int) files(directory).stream().filter(n -> n.endsWith(".sql.gz")).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
