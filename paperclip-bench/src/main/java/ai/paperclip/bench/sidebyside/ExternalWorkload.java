package ai.paperclip.bench.sidebyside;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.embedded.EmbeddedPostgresOptions;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The Flyway anchor: in a fresh JVM against the running {@link ExternalServer}, launch to the first answered
 * query, for the Java user's alternative ({@code flyway}: HikariCP, Flyway applying the core history's SQL, jOOQ)
 * and for this library ({@code ours}: {@code PaperclipDb.create} on the URL, Liquibase applying the same SQL).
 * {@code empty}: a new database, the 13-table core history applied (workload {@code x1-external-empty});
 * {@code uptodate}: nothing to migrate ({@code x1b-external-uptodate}). {@code migrate_ms} is the pool opened,
 * the schema checked and brought up to date.
 * Usage: {@code flyway|ours empty|uptodate <home> <port> <run>}.
 */
public final class ExternalWorkload {

    private static final int POOL_MAX = 10;

    private ExternalWorkload() {
    }

    public static void main(String[] args) throws Exception {
        run(Figures.sinceLaunch(), args).emit();
    }

    static Figures run(double boot, String... args) throws Exception {
        boolean flyway = args[0].equals("flyway");
        boolean empty = args[1].equals("empty");
        int port = Integer.parseInt(args[3]);
        String database = args[0] + (empty ? "_empty_" + args[4] : "_uptodate");
        Figures r = new Figures(empty ? "x1-external-empty" : "x1b-external-uptodate").put("jvm_boot_ms", boot);
        long t0 = System.nanoTime();
        AutoCloseable resource;
        DataSource dataSource;
        Object one;
        if (flyway) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(ExternalServer.jdbcUrl(port, database));
            config.setUsername(EmbeddedPostgresOptions.DEFAULT_SUPERUSER);
            config.setPassword(EmbeddedPostgresOptions.DEFAULT_PASSWORD);
            config.setMaximumPoolSize(POOL_MAX);
            HikariDataSource pool = new HikariDataSource(config);
            int applied = Flyway.configure().dataSource(pool)
                    .locations("filesystem:" + ExternalServer.flywaySql(Path.of(args[2]))).load().migrate()
                    .migrationsExecuted;
            r.put("migrate_ms", Figures.millisSince(t0)).put("migrations_applied", applied);
            long q0 = System.nanoTime();
            one = DSL.using(pool, SQLDialect.POSTGRES).fetchValue("select 1 as one");
            r.put("first_query_ms", Figures.millisSince(q0));
            resource = pool;
            dataSource = pool;
        } else {
            PaperclipDb db = PaperclipDb.create(ExternalServer.url(port, database),
                    PaperclipDbOptions.builder().poolMax(POOL_MAX).migrationAutoApply(true).build());
            r.put("migrate_ms", Figures.millisSince(t0));
            long q0 = System.nanoTime();
            one = db.dsl().fetchValue("select 1 as one");
            r.put("first_query_ms", Figures.millisSince(q0));
            resource = db;
            dataSource = db.dataSource();
        }
        if (!(one instanceof Number n) || n.intValue() != 1) {
            throw new IllegalStateException("select 1 answered " + one);
        }
        double total = Figures.millisSince(t0);
        r.put("total_ms", total).put("total_incl_jvm_boot_ms", boot + total);
        // Untimed: both stacks must have built the same tables (their history tables aside).
        Object tables = DSL.using(dataSource, SQLDialect.POSTGRES).fetchValue("select count(*) from pg_tables where"
                + " schemaname = 'public' and tablename not in"
                + " ('flyway_schema_history', 'databasechangelog', 'databasechangeloglock')");
        r.put("tables", ((Number) tables).longValue());
        long s0 = System.nanoTime();
        resource.close();
        r.put("stop_ms", Figures.millisSince(s0));
        return r;
    }
}
