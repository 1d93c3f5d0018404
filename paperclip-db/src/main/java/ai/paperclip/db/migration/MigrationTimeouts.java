package ai.paperclip.db.migration;

import java.time.Duration;

/**
 * How long migrations may wait, apart from the application's own settings. Generated changesets that lock
 * an existing table set a {@code lock_timeout}, so that DDL queued behind a long transaction gives up
 * instead of blocking every query behind it; the {@link Migrator} then retries that changeset (SQLSTATE
 * 55P03, {@code lock_not_available}) up to {@code lockRetries} times, waiting {@code firstBackoff}, then
 * twice as long each time (at most {@link #MAX_BACKOFF}), and logs each retry.
 *
 * <p>{@code statementTimeout} is set on the migration's own session ({@code SET statement_timeout}) and
 * reset afterwards: a role or URL default meant for the application (say 30 s) would otherwise cancel a
 * long {@code CREATE INDEX CONCURRENTLY}. {@link Duration#ZERO} means no limit.
 *
 * @param lockRetries retries of a changeset that hit its lock timeout, 0 to 100 (default {@value #DEFAULT_LOCK_RETRIES})
 * @param firstBackoff the wait before the first retry (default {@link #DEFAULT_FIRST_BACKOFF})
 * @param statementTimeout the migration session's statement timeout (default {@link Duration#ZERO}: none)
 */
public record MigrationTimeouts(int lockRetries, Duration firstBackoff, Duration statementTimeout) {

    public static final int DEFAULT_LOCK_RETRIES = 5;
    public static final Duration DEFAULT_FIRST_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ZERO;
    /** The longest wait between two retries. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    public MigrationTimeouts {
        if (lockRetries < 0 || lockRetries > 100) {
            throw new IllegalArgumentException("lockRetries must be 0 to 100, got " + lockRetries);
        }
        if (firstBackoff == null || firstBackoff.isNegative() || firstBackoff.compareTo(MAX_BACKOFF) > 0) {
            throw new IllegalArgumentException("firstBackoff must be 0 to " + MAX_BACKOFF.toSeconds() + "s, got " + firstBackoff);
        }
        if (statementTimeout == null || statementTimeout.isNegative() || statementTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("statementTimeout must be 0 (none) or a positive duration of at most"
                    + " 24 days (PostgreSQL's limit), got " + statementTimeout);
        }
    }

    public static MigrationTimeouts defaults() {
        return new MigrationTimeouts(DEFAULT_LOCK_RETRIES, DEFAULT_FIRST_BACKOFF, DEFAULT_STATEMENT_TIMEOUT);
    }

    /** The wait before retry {@code retry} (1-based): doubling from {@link #firstBackoff}, at most {@link #MAX_BACKOFF}. */
    public Duration backoff(int retry) {
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(retry - 1, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }
}
