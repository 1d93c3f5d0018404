package ai.paperclip.spring.boot;

import ai.paperclip.db.DbHealth;
import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.migration.MigrationStatus;
import ai.paperclip.db.migration.Migrator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * Paperclip's meters, bound to Boot's registry (HikariCP's own {@code hikaricp.*} meters are Boot's, bound to every
 * HikariCP pool): {@code paperclip.db.migrations.applied}, {@code paperclip.db.migrations.pending},
 * {@code paperclip.db.server.connections} (every client's connections to this database) and
 * {@code paperclip.db.server.max.connections}. The figures come from one snapshot (two queries) taken at most
 * every {@link #SNAPSHOT_TTL}, however often the registry is scraped; a gauge reads NaN while the server cannot
 * be queried.
 */
public class PaperclipMetrics implements MeterBinder {

    /** How long one snapshot serves every gauge. */
    public static final Duration SNAPSHOT_TTL = Duration.ofSeconds(5);

    private final PaperclipDb db;
    private final Migrator migrator;
    private Snapshot snapshot;

    public PaperclipMetrics(PaperclipDb db) {
        this.db = db;
        this.migrator = Migrator.configure().dataSource(db.dataSource()).migrations(db.options().migrations()).load();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "paperclip.db.migrations.applied", "Migrations applied to the database", s -> s.status.applied().size());
        gauge(registry, "paperclip.db.migrations.pending", "Migrations of this application not applied", s -> s.status.pending().size());
        gauge(registry, "paperclip.db.server.connections", "Connections of every client to this database",
                s -> s.health.databaseConnections());
        gauge(registry, "paperclip.db.server.max.connections", "The server's max_connections", s -> s.health.maxConnections());
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Snapshot> value) {
        Gauge.builder(name, this, metrics -> {
            Snapshot current = metrics.snapshot();
            return current == null ? Double.NaN : value.applyAsDouble(current);
        }).description(description).tag("pool", db.options().poolName()).register(registry);
    }

    private synchronized Snapshot snapshot() {
        long now = System.nanoTime();
        if (snapshot == null || now - snapshot.taken > SNAPSHOT_TTL.toNanos()) {
            try {
                snapshot = new Snapshot(now, db.health(), migrator.status());
            } catch (RuntimeException e) {
                snapshot = null;
            }
        }
        return snapshot;
    }

    private record Snapshot(long taken, DbHealth health, MigrationStatus status) {
    }
}
