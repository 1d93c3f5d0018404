package ai.paperclip.spring.boot;

import ai.paperclip.db.DbHealth;
import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.migration.MigrationStatus;
import ai.paperclip.db.migration.Migrator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The actuator's {@code paperclip} health: the database (password masked) and its server (version, connections
 * of every client to this database, {@code max_connections}), the migration state (two queries in all, no
 * Liquibase), and the pool's counts when it is a HikariCP pool. Up when the server answers and no migration of
 * this application is pending; out of service when one is (the schema is older than the application, e.g. after a
 * rollback); down when the server cannot be queried.
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
        if (health.poolMax() >= 0) {
            Map<String, Object> pool = new LinkedHashMap<>();
            pool.put("active", health.activeConnections());
            pool.put("idle", health.idleConnections());
            pool.put("waiting", health.waitingThreads());
            pool.put("max", health.poolMax());
            builder.withDetail("pool", pool);
        }
        if (status.pending().isEmpty()) {
            builder.up();
        } else {
            builder.outOfService();
        }
    }
}
