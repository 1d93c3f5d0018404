package ai.paperclip.db.internal;

import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.backup.BackupException;
import ai.paperclip.db.backup.BackupHealth;
import ai.paperclip.db.backup.Backups;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The application's scheduled backups as {@code health()} and the {@code paperclip.db.backup.age} gauge report
 * them: {@link Backups#health(Path, Duration, Clock)} of the configured directory, so the overdue rule (no good
 * backup within two intervals), the scheduler's last failure and the free disk are the ones {@code doctor} and
 * the scheduler report. The gauge reads a copy at most one monitor interval old: a scrape lists the directory
 * (and reads each backup's head) at most that often.
 */
public final class BackupWatch {

    private record Sample(long nanos, BackupHealth health) {
    }

    private final Path directory;
    private final Duration interval;
    private final long maxSampleAgeNanos;
    private final Clock clock = Clock.systemDefaultZone();
    private volatile Sample last;

    private BackupWatch(Path directory, Duration interval, Duration maxSampleAge) {
        this.directory = directory;
        this.interval = interval;
        this.maxSampleAgeNanos = maxSampleAge.toNanos();
    }

    /** The watch of {@code options}' backup directory; empty when backups are not configured. */
    public static Optional<BackupWatch> of(PaperclipDbOptions options) {
        return options.backupDirectory().map(dir -> new BackupWatch(dir, options.backupInterval(), options.monitorInterval()));
    }

    /**
     * The backups' health now. A directory that cannot be read is reported, not thrown: as a failure, overdue,
     * since {@code health()} must still answer about the database.
     */
    public BackupHealth read() {
        BackupHealth health;
        try {
            health = Backups.health(directory, interval, clock);
        } catch (BackupException e) {
            health = new BackupHealth(directory, Optional.empty(), Optional.empty(),
                    Optional.of(new BackupHealth.Failure(clock.instant(), e.getMessage())), Optional.empty(), 0, -1,
                    true, Optional.empty());
        }
        last = new Sample(System.nanoTime(), health);
        return health;
    }

    /** The newest good backup's age in seconds now, from a sample at most one monitor interval old; NaN when none. */
    double ageSeconds() {
        Sample sample = last;
        BackupHealth health = sample == null || System.nanoTime() - sample.nanos() > maxSampleAgeNanos
                ? read() : sample.health();
        return health.newest().map(f -> Duration.between(f.created(), Instant.now(clock)).toMillis() / 1000.0)
                .orElse(Double.NaN);
    }
}
