package ai.paperclip.spring.boot;

import ai.paperclip.db.DbHealth;
import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.backup.BackupHealth;
import ai.paperclip.db.migration.MigrationStatus;
import ai.paperclip.db.migration.Migrator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The actuator's {@code paperclip} health: the database (password masked) and its server (version, connections to
 * this database and to the server, {@code max_connections}), the migration state (no Liquibase), every pool's counts
 * (the primary's when it is a HikariCP pool, each read replica's, the migration connection) and each read replica's
 * rotation and lag, and the scheduled backups when they are configured (newest backup's age, {@code overdue}, the
 * last scheduled run's failure, free disk). Up when the server answers and no migration of this application is
 * pending (a replica out of the rotation is a detail: reads go to the primary; so is an overdue backup: the
 * application still serves, and taking it out of a load balancer would not make a backup); out of service when
 * one is (the schema is older than the application, e.g. after a rollback); down when the server cannot be queried.
 */
public class PaperclipHealthIndicator extends AbstractHealthIndicator {

    private final PaperclipDb db;
    private final Migrator migrator;

    public PaperclipHealthIndicator(PaperclipDb db) {
        super("Paperclip database health check failed");
        this.db = db;
        // Reads the committed histories once; status() is then one query on the pool.
        this.migrator = Migrator.configure().dataSource(db.dataSource()).migrations(db.options().migrations()).load();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        DbHealth health = db.health();
        MigrationStatus status = migrator.status();
        builder.withDetail("database", db.redactedUrl());
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("version", health.serverVersion());
        server.put("connections", health.databaseConnections());
        server.put("serverConnections", health.serverConnections());
        server.put("maxConnections", health.maxConnections());
        builder.withDetail("server", server);
        Map<String, Object> migrations = new LinkedHashMap<>();
        migrations.put("state", status.state().name());
        migrations.put("applied", status.applied().size());
        migrations.put("pending", status.pending());
        if (!status.unknown().isEmpty()) {
            migrations.put("unknown", status.unknown());
        }
        builder.withDetail("migrations", migrations);
        Map<String, Object> pools = new LinkedHashMap<>();
        for (DbHealth.Pool p : health.pools()) {
            Map<String, Object> pool = new LinkedHashMap<>();
            pool.put("role", p.role());
            if (p.max() >= 0) { // -1: an application's data source that is not a HikariCP pool
                pool.put("active", p.active());
                pool.put("idle", p.idle());
                pool.put("waiting", p.waiting());
                pool.put("max", p.max());
            }
            pools.put(p.name(), pool);
        }
        builder.withDetail("pools", pools);
        if (!health.replicas().isEmpty()) {
            Map<String, Object> replicas = new LinkedHashMap<>();
            for (DbHealth.Replica r : health.replicas()) {
                Map<String, Object> replica = new LinkedHashMap<>();
                replica.put("inRotation", r.inRotation());
                r.lag().ifPresent(lag -> replica.put("lag", lag.toString()));
                r.problem().ifPresent(problem -> replica.put("problem", problem));
                replicas.put(r.name(), replica);
            }
            builder.withDetail("replicas", replicas);
        }
        health.backup().ifPresent(b -> builder.withDetail("backup", backup(b)));
        if (status.pending().isEmpty()) {
            builder.up();
        } else {
            builder.outOfService();
        }
    }

    private static Map<String, Object> backup(BackupHealth b) {
        Map<String, Object> backup = new LinkedHashMap<>();
        backup.put("directory", b.directory().toString());
        backup.put("overdue", b.stale());
        b.newest().ifPresent(f -> backup.put("newest", f.file().getFileName().toString()));
        b.newestAge().ifPresent(age -> backup.put("ageSeconds", age.toSeconds()));
        b.lastFailure().ifPresent(f -> backup.put("lastFailure", f.at() + ": " + f.reason()));
        b.nextRun().ifPresent(next -> backup.put("nextRun", next.toString()));
        backup.put("freeBytes", b.freeBytes());
        return backup;
    }
}
