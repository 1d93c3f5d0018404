package ai.paperclip.spring.boot;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.migration.MigrationStatus;
import ai.paperclip.db.migration.Migrator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * The migration gauges, bound to Boot's registry: {@code paperclip.db.migrations.applied} and
 * {@code paperclip.db.migrations.pending} (tag {@code pool}). The server and replica gauges are the library's own
 * ({@code paperclip.db.server.connections}...), registered through {@code PaperclipDbOptions.meterRegistry}. One
 * status read (one query) serves both gauges for {@link #SNAPSHOT_TTL}, however often the registry is scraped; a
 * gauge reads NaN while the database cannot be queried.
 */
public class PaperclipMetrics implements MeterBinder {

    /** How long one status read serves every gauge. */
    public static final Duration SNAPSHOT_TTL = Duration.ofSeconds(5);

    private final PaperclipDb db;
    private final Migrator migrator;
    private MigrationStatus status;
    private long taken;

    public PaperclipMetrics(PaperclipDb db) {
        this.db = db;
        this.migrator = Migrator.configure().dataSource(db.dataSource()).migrations(db.options().migrations()).load();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "paperclip.db.migrations.applied", "Migrations applied to the database", s -> s.applied().size());
        gauge(registry, "paperclip.db.migrations.pending", "Migrations of this application not applied", s -> s.pending().size());
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<MigrationStatus> value) {
        Gauge.builder(name, this, metrics -> {
            MigrationStatus current = metrics.status();
            return current == null ? Double.NaN : value.applyAsDouble(current);
        }).description(description).tag("pool", db.options().poolName()).strongReference(true).register(registry);
    }

    private synchronized MigrationStatus status() {
        long now = System.nanoTime();
        if (status == null || now - taken > SNAPSHOT_TTL.toNanos()) {
            try {
                status = migrator.status();
                taken = now;
            } catch (RuntimeException e) {
                status = null;
            }
        }
        return status;
    }
}
