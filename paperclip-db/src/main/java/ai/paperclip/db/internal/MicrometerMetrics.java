package ai.paperclip.db.internal;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The only class that touches Micrometer, loaded only when a registry was given: without Micrometer on the
 * class path nothing here is ever resolved. Gauges read what the background monitor and replica check
 * sampled last, so a scrape never queries a server.
 */
final class MicrometerMetrics {

    private MicrometerMetrics() {
    }

    /** HikariCP's own meters ({@code hikaricp.connections.*}, tag {@code pool}) for every pool. */
    static MetricsTrackerFactory trackerFactory(Object registry) {
        return new MicrometerMetricsTrackerFactory((MeterRegistry) registry);
    }

    /** Registers the {@code paperclip.db.*} gauges; closing removes them. */
    static AutoCloseable bind(Object registry, String poolName, ConnectionMonitor monitor, List<Replica> replicas,
                              Optional<BackupWatch> backups) {
        MeterRegistry meters = (MeterRegistry) registry;
        Tags tags = Tags.of("pool", poolName);
        List<Meter> registered = new ArrayList<>();
        registered.add(Gauge.builder("paperclip.db.server.connections", monitor, m -> nanIfUnknown(m.serverConnections()))
                .tags(tags).description("Client connections on the primary server (pg_stat_activity), all clients")
                .strongReference(true).register(meters));
        registered.add(Gauge.builder("paperclip.db.server.max.connections", monitor, m -> nanIfUnknown(m.maxConnections()))
                .tags(tags).description("The primary's max_connections").strongReference(true).register(meters));
        registered.add(Gauge.builder("paperclip.db.server.connections.ratio", monitor,
                        m -> m.maxConnections() <= 0 ? Double.NaN : ConnectionMonitor.ratio(m.serverConnections(), m.maxConnections()))
                .tags(tags).description("Client connections on the primary / max_connections")
                .strongReference(true).register(meters));
        registered.add(Gauge.builder("paperclip.db.replicas", replicas, List::size)
                .tags(tags).description("Read replicas configured").strongReference(true).register(meters));
        registered.add(Gauge.builder("paperclip.db.replicas.in.rotation", replicas,
                        list -> list.stream().filter(Replica::inRotation).count())
                .tags(tags).description("Read replicas reads go to now").strongReference(true).register(meters));
        for (Replica replica : replicas) {
            registered.add(Gauge.builder("paperclip.db.replica.lag", replica,
                            r -> r.lag() == null ? Double.NaN : r.lag().toNanos() / 1e9)
                    .tags(tags.and("replica", replica.name())).baseUnit("seconds")
                    .description("Replay lag of the replica at the last check").strongReference(true).register(meters));
        }
        backups.ifPresent(watch -> registered.add(Gauge.builder("paperclip.db.backup.age", watch, BackupWatch::ageSeconds)
                .tags(tags).baseUnit("seconds")
                .description("Age of the newest good scheduled backup (NaN when there is none)")
                .strongReference(true).register(meters)));
        return () -> registered.forEach(meters::remove);
    }

    private static double nanIfUnknown(int value) {
        return value < 0 ? Double.NaN : value;
    }
}
