package ai.paperclip.bench.sidebyside;

import ai.paperclip.db.migration.Migrator;
import ai.paperclip.embedded.EmbeddedPostgres;
import ai.paperclip.embedded.EmbeddedPostgresOptions;
import ai.paperclip.embedded.InstanceHome;
import ai.paperclip.schema.migration.CommittedMigrations;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * The "external" PostgreSQL 18 of the Flyway anchor (untimed setup): an embedded server started in its own
 * instance and left running after this JVM exits, so that the measured JVMs only connect to it, as an
 * application connects to a database server it does not own. {@code start} also makes the databases every run
 * uses (a new, empty one per run and side, and one up-to-date database per side) and writes the core history's
 * SQL as Flyway's {@code V1__core_schema.sql}: the very file Liquibase applies for us.
 * Usage: {@code start <home> <runs>} (prints the port) or {@code stop <home>}.
 */
public final class ExternalServer {

    static final String INSTANCE = "external";

    private ExternalServer() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[1]);
        if (args[0].equals("stop")) {
            System.out.println(EmbeddedPostgres.stop(options(home, 0)));
            return;
        }
        // Not closed: the server outlives this JVM until "stop".
        System.out.println(start(home, Integer.parseInt(args[2])).port());
    }

    /** Starts the server, prepares its databases and Flyway's SQL folder ({@link #flywaySql}). */
    static EmbeddedPostgres start(Path home, int runs) throws Exception {
        EmbeddedPostgresOptions options = options(home, Ports.free());
        InstanceHome.of(home, INSTANCE).createDirectories();
        EmbeddedPostgres pg = EmbeddedPostgres.start(options);
        Path sql = flywaySql(home);
        Files.createDirectories(sql);
        try (InputStream core = CommittedMigrations.class.getClassLoader()
                .getResourceAsStream(CommittedMigrations.PAPERCLIP_LOCATION + "/0000_core_schema.sql")) {
            Files.copy(core, sql.resolve("V1__core_schema.sql"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try (Connection c = pg.openConnection("postgres"); Statement s = c.createStatement()) {
            for (String side : new String[] {"flyway", "ours"}) {
                for (int run = 1; run <= runs; run++) {
                    s.execute("drop database if exists " + side + "_empty_" + run);
                    s.execute("create database " + side + "_empty_" + run);
                }
                s.execute("drop database if exists " + side + "_uptodate");
                s.execute("create database " + side + "_uptodate");
            }
        }
        Flyway.configure().dataSource(jdbcUrl(pg.port(), "flyway_uptodate"), pg.user(), pg.password())
                .locations("filesystem:" + sql).load().migrate();
        Migrator.configure().url(url(pg.port(), "ours_uptodate")).load().migrate();
        return pg;
    }

    static Path flywaySql(Path home) {
        return home.resolve("flyway-sql");
    }

    static String url(int port, String database) {
        return "postgres://" + EmbeddedPostgresOptions.DEFAULT_SUPERUSER + ":" + EmbeddedPostgresOptions.DEFAULT_PASSWORD
                + "@127.0.0.1:" + port + "/" + database;
    }

    static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static EmbeddedPostgresOptions options(Path home, int port) {
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder().instanceHome(InstanceHome.of(home, INSTANCE))
                .registerShutdownHook(false);
        return (port > 0 ? b.port(port) : b).build();
    }
}
