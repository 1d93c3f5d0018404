package ai.paperclip.db.internal;

import ai.paperclip.db.PaperclipDbOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@code PaperclipDb} runs beside its primary pool: the replicas' pools and their router, the
 * connection monitor, the backup watch, the metrics, and the one background thread (daemon) that samples and
 * checks. The thread starts only when something needs it: replicas (their check), the connection warning
 * ({@code connectionWarnPercent} above 0, the default) or gauges (a meter registry). Without any of them
 * {@code health()} still samples, on the caller's thread.
 */
public final class DbRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DbRuntime.class);
    /** The background thread's name: this prefix and the primary pool's name. */
    public static final String THREAD_PREFIX = "paperclip-db-monitor-";

    private final DataSource primary;
    private final DataSource application;
    private final ReadRouter router;
    private final ConnectionMonitor monitor;
    private final Optional<BackupWatch> backups;
    private final ScheduledExecutorService background;
    private final AutoCloseable metrics;

    private DbRuntime(DataSource primary, DataSource application, ReadRouter router, ConnectionMonitor monitor,
                      Optional<BackupWatch> backups, ScheduledExecutorService background, AutoCloseable metrics) {
        this.primary = primary;
        this.application = application;
        this.router = router;
        this.monitor = monitor;
        this.backups = backups;
        this.background = background;
        this.metrics = metrics;
    }

    /**
     * Opens the replicas' pools (none when {@code readUrl} is unset), checks them once so the rotation is known
     * before the first read, and starts the background work.
     */
    public static DbRuntime start(DataSource primary, ConnectionTarget target, PaperclipDbOptions options) {
        List<Replica> replicas = new ArrayList<>();
        List<ConnectionTarget> targets = options.readUrl().map(ReadUrls::split).orElse(List.of());
        boolean sampling = options.connectionWarnPercent() > 0 || options.meterRegistry().isPresent();
        ScheduledExecutorService background = targets.isEmpty() && !sampling ? null
                : Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, THREAD_PREFIX + options.poolName());
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            for (int i = 0; i < targets.size(); i++) {
                ConnectionTarget replica = targets.get(i);
                replicas.add(new Replica(ReadUrls.hostOf(replica), replica,
                        PoolFactory.openReplica(replica, options, options.poolName() + "-read-" + (i + 1))));
            }
            ReadRouter router = new ReadRouter(primary, replicas, options.readYourWritesTimeout());
            DataSource application = replicas.isEmpty() ? primary : new PositionTrackingDataSource(primary, router::written);
            ConnectionMonitor monitor = new ConnectionMonitor(primary, target.redactedUrl(),
                    options.connectionWarnPercent(), options.connectionWarnInterval());
            if (sampling) {
                long monitorMillis = options.monitorInterval().toMillis();
                background.scheduleWithFixedDelay(monitor, monitorMillis, monitorMillis, TimeUnit.MILLISECONDS);
            }
            if (!replicas.isEmpty()) {
                ReplicaChecker checker = new ReplicaChecker(primary, replicas, options.replicaMaxLag(),
                        options.replicaCheckInterval());
                checker.run();
                long every = options.replicaCheckInterval().toMillis();
                background.scheduleWithFixedDelay(checker, every, every, TimeUnit.MILLISECONDS);
                for (Replica replica : replicas) {
                    LOG.info("Read replica {} ({}): {}", replica.name(), replica.pool().getPoolName(),
                            replica.inRotation() ? "in the rotation" : "out of the rotation: " + replica.problem());
                }
            }
            Optional<BackupWatch> backups = BackupWatch.of(options);
            AutoCloseable metrics = options.meterRegistry()
                    .map(registry -> MicrometerMetrics.bind(registry, options.poolName(), monitor, replicas, backups))
                    .orElse(() -> { });
            return new DbRuntime(primary, application, router, monitor, backups, background, metrics);
        } catch (RuntimeException e) {
            if (background != null) {
                background.shutdownNow();
            }
            replicas.forEach(r -> r.pool().close());
            throw e;
        }
    }

    /** The primary as the application uses it: tracking write positions when there are replicas. */
    public DataSource application() {
        return application;
    }

    public ReadRouter router() {
        return router;
    }

    public ConnectionMonitor monitor() {
        return monitor;
    }

    /** The scheduled backups health() reports; empty when the options name no backup directory. */
    public Optional<BackupWatch> backups() {
        return backups;
    }

    public List<Replica> replicas() {
        return router.replicas();
    }

    public DataSource primary() {
        return primary;
    }

    /** Stops the background thread, removes the gauges and closes the replicas' pools (not the primary's). */
    @Override
    public void close() {
        if (background != null) {
            background.shutdownNow();
            try {
                background.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            metrics.close();
        } catch (Exception e) {
            LOG.debug("Removing the meters failed: {}", e.toString());
        }
        for (Replica replica : router.replicas()) {
            replica.pool().close();
        }
    }
}
