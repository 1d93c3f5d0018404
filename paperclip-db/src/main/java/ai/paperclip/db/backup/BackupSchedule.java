package ai.paperclip.db.backup;

import java.time.Duration;
import java.util.Objects;

/**
 * When {@link BackupScheduler} backs up and what it keeps. Immutable; made by {@link #builder(Duration)} or read
 * from {@code config.json} and the environment by {@code BackupSettings.schedule}.
 *
 * @param interval      time between runs; the first run is one interval after start
 * @param deadline      a run still going after this long is cancelled on the server (default: the interval, so a
 *                      hung run never delays the next one); at most the interval
 * @param retention     what is kept after each successful backup
 * @param minFreeBytes  a run refuses to start when the backup directory's free space is below this; 0 = the
 *                      default rule, twice the newest backup's size and at least {@value #DEFAULT_MIN_FREE_FLOOR} bytes
 * @param verifyEvery   every Nth successful backup is restored into a scratch database and compared with its
 *                      manifest; 0 = never ({@value #DEFAULT_VERIFY_EVERY})
 */
public record BackupSchedule(Duration interval, Duration deadline, RetentionPolicy retention, long minFreeBytes,
                             int verifyEvery) {

    /** The floor of the default free-space rule: 1 GiB. */
    public static final long DEFAULT_MIN_FREE_FLOOR = 1L << 30;
    public static final int DEFAULT_VERIFY_EVERY = 0;

    /** @throws IllegalArgumentException naming the setting that is out of range */
    public BackupSchedule {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(retention, "retention");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The backup interval must be positive, got " + interval + ".");
        }
        if (deadline.isNegative() || deadline.isZero() || deadline.compareTo(interval) > 0) {
            throw new IllegalArgumentException("The backup deadline must be positive and at most the interval ("
                    + interval + "), got " + deadline + ": a longer run would delay the next one. Raise the interval.");
        }
        if (minFreeBytes < 0 || verifyEvery < 0) {
            throw new IllegalArgumentException("Backup minFreeBytes and verifyEvery must be 0 or more, got "
                    + minFreeBytes + " and " + verifyEvery + ".");
        }
    }

    /** A builder with every default for runs every {@code interval}. */
    public static Builder builder(Duration interval) {
        return new Builder(interval);
    }

    /** Builder; see the record components for each setting. */
    public static final class Builder {
        private final Duration interval;
        private Duration deadline;
        private RetentionPolicy retention = RetentionPolicy.DEFAULT;
        private long minFreeBytes;
        private int verifyEvery = DEFAULT_VERIFY_EVERY;

        private Builder(Duration interval) {
            this.interval = interval;
        }

        public Builder deadline(Duration deadline) {
            this.deadline = deadline;
            return this;
        }

        public Builder retention(RetentionPolicy retention) {
            this.retention = retention;
            return this;
        }

        public Builder minFreeBytes(long bytes) {
            this.minFreeBytes = bytes;
            return this;
        }

        public Builder verifyEvery(int n) {
            this.verifyEvery = n;
            return this;
        }

        public BackupSchedule build() {
            return new BackupSchedule(interval, deadline == null ? interval : deadline, retention, minFreeBytes,
                    verifyEvery);
        }
    }
}
