package ai.paperclip.bench.sidebyside;

import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.db.migration.Migrator;
import ai.paperclip.embedded.EmbeddedPostgres;
import ai.paperclip.embedded.InstanceHome;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * W2b, in a fresh JVM: the 500-table migration of the peer's synthetic schema (made by {@link GenerateWorkload}
 * into {@code <folder>}) applied by the library's {@link Migrator} to an empty database {@code synth}. Setup
 * (a new embedded instance started, the database created) is {@code setup_ms}; the catalog is checked after.
 * Usage: {@code <home> <instance> <folder> [tables]} (default 500).
 */
public final class ApplyWorkload {

    private ApplyWorkload() {
    }

    public static void main(String[] args) throws Exception {
        run(args).emit();
    }

    static Figures run(String... args) throws Exception {
        InstanceHome home = InstanceHome.of(Path.of(args[0]), args[1]);
        int expected = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        Figures r = new Figures("w2b-apply");
        long s0 = System.nanoTime();
        home.createDirectories();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().instanceHome(home).port(Ports.free()).databaseName("synth")
                .registerShutdownHook(false).start()) {
            r.put("setup_ms", Figures.millisSince(s0));
            long t0 = System.nanoTime();
            Migrator.configure().url(pg.connectionUri()).migrations(MigrationSource.folder(Path.of(args[2]))).load()
                    .migrate();
            r.put("apply_ms", Figures.millisSince(t0));
            try (Connection c = pg.openConnection("synth"); Statement s = c.createStatement()) {
                long tables = count(s, "select count(*) from pg_tables where schemaname = 'public'"
                        + " and tablename not like 'database%'");
                long indexes = count(s, "select count(*) from pg_indexes where schemaname = 'public'"
                        + " and tablename not like 'database%'");
                long fks = count(s, "select count(*) from pg_constraint where contype = 'f'"
                        + " and connamespace = 'public'::regnamespace");
                if (tables != expected || fks != expected - 1 || indexes != 3L * expected) {
                    throw new IllegalStateException("unexpected catalog after apply: tables=" + tables + " indexes="
                            + indexes + " fks=" + fks);
                }
                r.put("tables", tables).put("indexes_incl_pk", indexes).put("fks", fks);
            }
            long st0 = System.nanoTime();
            pg.close();
            r.put("stop_ms", Figures.millisSince(st0));
        }
        return r;
    }

    private static long count(Statement s, String sql) throws java.sql.SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
