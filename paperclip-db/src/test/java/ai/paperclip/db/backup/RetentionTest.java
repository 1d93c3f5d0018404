package ai.paperclip.db.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention over a folder of synthetic backups, with a fixed clock: the tiers, the byte cap, foreign files, the newest. */
class RetentionTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    /** Monday 2026-03-16 12:00 local: ISO week 12. */
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 16, 12, 0);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @TempDir
    Path dir;

    private Path backup(LocalDateTime at, int bytes) throws IOException {
        Path file = dir.resolve("paperclip-" + at.format(STAMP) + ".sql.gz");
        Instant created = at.atZone(ZONE).toInstant();
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(("-- paperclip-backup format 1\n-- paperclip-backup created " + created + "\n"
                    + "-- paperclip-backup database paperclip\n-- " + "x".repeat(bytes) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private List<Path> prune(RetentionPolicy policy) {
        Clock clock = Clock.fixed(NOW.atZone(ZONE).toInstant(), ZONE);
        return Backups.of("postgres://u@127.0.0.1:1/db", BackupOptions.builder().directory(dir).clock(clock).build())
                .prune(policy);
    }

    private List<String> remaining() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void keepsTheDailyWeeklyAndMonthlyTiers() throws IOException {
        // hourly for the last 8 days: the first 7 days stay whole, day 8 goes (except the newest of its ISO week)
        for (int h = 0; h < 8 * 24; h += 6) {
            backup(NOW.minusHours(h).minusMinutes(1), 10);
        }
        Path week11Newest = dir.resolve("paperclip-20260308-235900.sql.gz"); // Sunday, last of ISO week 10
        backup(LocalDateTime.of(2026, 3, 8, 23, 59), 10);
        backup(LocalDateTime.of(2026, 3, 7, 10, 0), 10);    // week 10, older: goes
        Path week9 = backup(LocalDateTime.of(2026, 2, 28, 10, 0), 10);  // newest of week 9, within 4 weeks
        backup(LocalDateTime.of(2026, 2, 27, 10, 0), 10);   // week 9, older: goes
        Path week8 = backup(LocalDateTime.of(2026, 2, 20, 10, 0), 10);  // week 8: newest of it, within 4 weeks
        Path february = backup(LocalDateTime.of(2026, 2, 17, 9, 0), 10); // beyond 4 weeks, newest of... not February
        Path january = backup(LocalDateTime.of(2026, 1, 20, 10, 0), 10); // beyond one month: goes

        List<Path> deleted = prune(RetentionPolicy.DEFAULT);

        assertThat(deleted).contains(dir.resolve("paperclip-20260307-100000.sql.gz"),
                dir.resolve("paperclip-20260227-100000.sql.gz"), january, february);
        assertThat(remaining()).contains(week11Newest.getFileName().toString(), week9.getFileName().toString(),
                week8.getFileName().toString());
        // everything of the last 7 days is still there
        for (int h = 0; h < 7 * 24; h += 6) {
            assertThat(dir.resolve("paperclip-" + NOW.minusHours(h).minusMinutes(1).format(STAMP) + ".sql.gz")).exists();
        }
        assertThat(deleted).allSatisfy(f -> assertThat(f).doesNotExist());
    }

    @Test
    void theNewestPerMonthIsKeptForTheMonthlyTier() throws IOException {
        Path newest = backup(NOW.minusHours(1), 10);
        Path lastMonthNewest = backup(LocalDateTime.of(2026, 2, 20, 10, 0), 10);
        Path lastMonthOlder = backup(LocalDateTime.of(2026, 2, 19, 10, 0), 10);

        List<Path> deleted = prune(new RetentionPolicy(1, 0, 1, 0));

        assertThat(deleted).containsExactly(lastMonthOlder);
        assertThat(newest).exists();
        assertThat(lastMonthNewest).exists();
    }

    @Test
    void theByteCapDropsTheOldestBeyondTheDailyTierFirstAndNeverTheNewest() throws IOException {
        Path weekly = backup(LocalDateTime.of(2026, 3, 1, 10, 0), 20_000);
        Path dailyOld = backup(NOW.minusDays(3), 20_000);
        Path dailyNew = backup(NOW.minusHours(2), 20_000);
        long one = Files.size(dailyNew);

        assertThat(prune(new RetentionPolicy(7, 4, 1, 2 * one + 10))).containsExactly(weekly);
        assertThat(dailyOld).exists();

        assertThat(prune(new RetentionPolicy(7, 4, 1, 1))).as("a cap below one backup keeps the newest")
                .containsExactly(dailyOld);
        assertThat(dailyNew).exists();
    }

    @Test
    void foreignFilesAndFilesWithoutAManifestAreNeverTouched() throws IOException {
        Path newest = backup(NOW.minusHours(1), 10);
        Path ancient = backup(LocalDateTime.of(2020, 1, 1, 0, 0), 10);
        Path noManifest = dir.resolve("paperclip-20200101-000001.sql.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(noManifest))) {
            out.write("SELECT 1;\n".getBytes(StandardCharsets.UTF_8));
        }
        Path plain = Files.writeString(dir.resolve("paperclip-20200101-000002.sql"), "SELECT 1;\n");
        Path foreign = Files.writeString(dir.resolve("mydump-20200101.sql.gz"), "not ours");
        Path notes = Files.writeString(dir.resolve("README.txt"), "keep me");

        assertThat(prune(RetentionPolicy.DEFAULT)).containsExactly(ancient);
        assertThat(List.of(newest, noManifest, plain, foreign, notes)).allSatisfy(f -> assertThat(f).exists());
    }

    @Test
    void theNewestGoodBackupIsKeptHoweverOld() throws IOException {
        Path old = backup(LocalDateTime.of(2025, 6, 1, 0, 0), 10);
        Path older = backup(LocalDateTime.of(2025, 5, 1, 0, 0), 10);

        assertThat(prune(RetentionPolicy.DEFAULT)).containsExactly(older);
        assertThat(old).exists();
    }

    @Test
    void anEmptyOrMissingDirectoryIsNothingToDo() {
        assertThat(prune(RetentionPolicy.DEFAULT)).isEmpty();
        dir = dir.resolve("missing");
        assertThat(prune(RetentionPolicy.DEFAULT)).isEmpty();
    }
}
