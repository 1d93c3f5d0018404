package ai.paperclip.db.backup;

import ai.paperclip.db.backup.internal.BackupLock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backs up on a timer, inside a host application: the first run one interval after {@link #start}, then every
 * interval, never two at once; then retention, and every Nth backup a verification. Stop it with {@link #close()}.
 *
 * <pre>{@code
 * BackupScheduler scheduler = BackupScheduler.start(Backups.of(url, options), BackupSchedule.builder(Duration.ofHours(1)).build());
 * BackupHealth health = scheduler.health();   // newest good backup, last failure, next run, bytes, free disk
 * }</pre>
 *
 * <p>What upstream's timer got wrong, and what happens here instead:
 * <ul>
 * <li>A hung run blocked every later one: each run has a deadline; past it the run's query is cancelled on the
 *     server ({@code pg_cancel_backend} of its own session), its connection closed, its temporary file deleted
 *     and the failure recorded; the next run starts on time.</li>
 * <li>Every replica backed up at once: of several schedulers on one database, only the holder of a session
 *     advisory lock backs up; the others skip and say so at DEBUG. The holder's death frees the lock.</li>
 * <li>Dumps filled the disk: retention after each success, and a run refuses to start below a free-space floor.</li>
 * </ul>
 * Two daemon threads: one runs the schedule, the other only enforces deadlines (a blocked run cannot cancel
 * itself). Failures never stop the schedule.
 */
public final class BackupScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackupScheduler.class);
    // The schedulers of this process by directory: Backups.health(directory, ...) shows a running one's last outcome
    // (PaperclipDb.health() reads it so), without the application wiring the two together.
    private static final ConcurrentMap<Path, BackupScheduler> RUNNING = new ConcurrentHashMap<>();

    private final Backups backups;
    private final BackupSchedule schedule;
    private final ScheduledExecutorService executor;
    private final ScheduledFuture<?> ticks;
    private final AtomicReference<BackupHealth.Failure> lastFailure = new AtomicReference<>();
    private final AtomicReference<BackupHealth.Verification> lastVerify = new AtomicReference<>();
    private final AtomicReference<Connection> current = new AtomicReference<>();
    private Connection leader; // only touched by the schedule thread
    private long successes;

    private BackupScheduler(Backups backups, BackupSchedule schedule) {
        this.backups = backups;
        this.schedule = schedule;
        this.executor = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "paperclip-backup-scheduler");
            t.setDaemon(true);
            return t;
        });
        long every = schedule.interval().toMillis();
        this.ticks = executor.scheduleAtFixedRate(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    /** Starts backing up {@code backups}' database into its directory on {@code schedule}. */
    public static BackupScheduler start(Backups backups, BackupSchedule schedule) {
        BackupScheduler scheduler = new BackupScheduler(backups, schedule);
        RUNNING.put(key(backups.options().directory()), scheduler);
        LOG.info("Backups of {} scheduled every {} into {} (deadline {}, first run {})", backups.redactedTarget(),
                schedule.interval(), backups.options().directory(), schedule.deadline(), scheduler.nextRun().orElse(null));
        return scheduler;
    }

    /** The backup directory's health with this scheduler's last failure, next run and last verification. */
    public BackupHealth health() {
        return health(backups.options().directory(), schedule.interval(), backups.options().clock().instant());
    }

    /** The running scheduler of this process that backs up into {@code directory}, if any (the last one started). */
    static Optional<BackupScheduler> running(Path directory) {
        return Optional.ofNullable(RUNNING.get(key(directory)));
    }

    /** This scheduler's own state over {@code directory}'s health at {@code interval}: what Backups.health adds. */
    BackupHealth health(Path directory, Duration interval, Instant now) {
        return Health.of(directory, interval, now, Optional.ofNullable(lastFailure.get()), nextRun(),
                Optional.ofNullable(lastVerify.get()));
    }

    private static Path key(Path directory) {
        return directory.toAbsolutePath().normalize();
    }

    private Optional<Instant> nextRun() {
        if (ticks.isDone()) {
            return Optional.empty();
        }
        return Optional.of(backups.options().clock().instant().plusMillis(Math.max(0, ticks.getDelay(TimeUnit.MILLISECONDS))));
    }

    private void tick() {
        try {
            if (!leading()) {
                return;
            }
            run();
        } catch (RuntimeException | Error e) {
            // never let an exception end the schedule (scheduleAtFixedRate stops a task that throws)
            fail("failed: " + e);
        }
    }

    /** Whether this scheduler holds the scheduler lock (taking it when free), reconnecting after a lost session. */
    private boolean leading() {
        try {
            if (leader != null && !leader.isValid(5)) {
                closeLeader();
            }
            if (leader == null) {
                Connection c = backups.connect();
                if (!BackupLock.trySchedulerLock(c)) {
                    c.close();
                    LOG.debug("Skipping this scheduled backup of {}: another application instance schedules the"
                            + " backups of this database", backups.redactedTarget());
                    return false;
                }
                leader = c;
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            closeLeader();
            fail("could not reach the database: " + e.getMessage());
            return false;
        }
    }

    private void run() {
        Path directory = backups.options().directory();
        long free = Health.free(directory);
        long floor = floor();
        if (free >= 0 && free < floor) {
            fail("refused to start: " + free + " bytes free in " + directory + ", below the floor of " + floor
                    + " bytes. Free some space, move backup.dir, or lower backup.minFreeBytes.");
            return;
        }
        AtomicReference<Connection> session = current;
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> watchdog = executor.schedule(() -> expire(session.get(), expired),
                schedule.deadline().toMillis(), TimeUnit.MILLISECONDS);
        BackupResult made;
        try {
            made = backups.backup(session::set);
        } catch (BackupInProgressException e) {
            LOG.info("Scheduled backup skipped: {}", e.getMessage());
            return;
        } catch (RuntimeException e) {
            fail(expired.get() ? "exceeded its deadline of " + schedule.deadline() + " and was cancelled on the server;"
                    + " no file was left. A backup that needs longer needs a longer interval (" + e.getMessage() + ")"
                    : e.getMessage());
            return;
        } finally {
            watchdog.cancel(false);
            current.set(null);
        }
        successes++;
        backups.prune(schedule.retention());
        if (schedule.verifyEvery() > 0 && successes % schedule.verifyEvery() == 0) {
            verify(made.file());
        }
    }

    private void verify(Path file) {
        Instant at = backups.options().clock().instant();
        try {
            VerifyReport report = backups.verify(file);
            String detail = report.ok() ? "every table matches its manifest" : report.toString();
            lastVerify.set(new BackupHealth.Verification(at, file, report.ok(), detail));
            if (!report.ok()) {
                LOG.warn("Verification of the scheduled backup {} FAILED: {}", file, detail);
            }
        } catch (RuntimeException e) {
            lastVerify.set(new BackupHealth.Verification(at, file, false, e.getMessage()));
            LOG.warn("Verification of the scheduled backup {} failed: {}", file, e.getMessage());
        }
    }

    /** The deadline: cancel the run's query on the server, then close its connection so nothing waits on it. */
    private void expire(Connection c, AtomicBoolean expired) {
        if (c == null) {
            return;
        }
        expired.set(true);
        try {
            int pid = c.unwrap(PGConnection.class).getBackendPID();
            LOG.warn("The scheduled backup of {} passed its deadline of {}: cancelling server session {}",
                    backups.redactedTarget(), schedule.deadline(), pid);
            backups.cancel(pid);
            c.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Cannot cancel the overdue backup session: {}", e.getMessage());
        }
    }

    private long floor() {
        if (schedule.minFreeBytes() > 0) {
            return schedule.minFreeBytes();
        }
        long newest = backups.list().stream().findFirst().map(BackupFile::sizeBytes).orElse(0L);
        return Math.max(2 * newest, BackupSchedule.DEFAULT_MIN_FREE_FLOOR);
    }

    private void fail(String reason) {
        lastFailure.set(new BackupHealth.Failure(backups.options().clock().instant(), reason));
        LOG.warn("Scheduled backup of {} {}", backups.redactedTarget(), reason);
    }

    private synchronized void closeLeader() {
        if (leader != null) {
            try {
                leader.close();
            } catch (SQLException e) {
                LOG.debug("Closing the scheduler session: {}", e.getMessage());
            }
            leader = null;
        }
    }

    /** Stops the schedule, cancels a running backup at once and gives up the scheduler lock. */
    @Override
    public void close() {
        RUNNING.remove(key(backups.options().directory()), this);
        ticks.cancel(false);
        Connection running = current.get();
        if (running != null) {
            expire(running, new AtomicBoolean());
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("A scheduled backup is still running after close; its deadline will end it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeLeader();
    }
}
