package ai.paperclip.bench.sidebyside;

import ai.paperclip.db.DatabaseTarget;
import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.embedded.EmbeddedPostgres;
import ai.paperclip.embedded.EmbeddedPostgresOptions;
import ai.paperclip.embedded.InstanceHome;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * W1 (cold: a new instance, binaries and cluster template already cached) and W1b (warm: an existing, migrated
 * instance whose server is stopped), each in a fresh JVM, from process start to the first answered query, as
 * the peer's W1/W1b. By default the application's path, {@code PaperclipDb.create} of the embedded target:
 * {@code create_ms} is the server started, its database ensured, the pool opened and the migration check (W1:
 * the 13-table core history applied). With {@code phases}, the same work split into its steps
 * ({@code start_ms}, {@code migrate_check_ms} or {@code migrate_ms}), without the overlap create() arranges.
 * Usage: {@code cold|warm <home> <instance> [phases]}.
 */
public final class StartupWorkload {

    private StartupWorkload() {
    }

    public static void main(String[] args) throws Exception {
        run(Figures.sinceLaunch(), args).emit();
    }

    static Figures run(double boot, String... args) throws Exception {
        boolean cold = args[0].equals("cold");
        boolean phases = args.length > 3 && args[3].equals("phases");
        InstanceHome home = InstanceHome.of(Path.of(args[1]), args[2]);
        if (!cold && !Files.isRegularFile(home.defaultDataDirectory().resolve("PG_VERSION"))) {
            throw new IllegalStateException(home.defaultDataDirectory() + " has no cluster: run prepare first");
        }
        Figures r = new Figures(cold ? "w1-startup-cold" : "w1b-startup-warm");
        r.put("jvm_boot_ms", boot);
        long t0 = System.nanoTime();
        home.createDirectories();
        EmbeddedPostgresOptions server = EmbeddedPostgres.builder().instanceHome(home).port(Ports.free())
                .registerShutdownHook(false).build();
        PaperclipDbOptions options = PaperclipDbOptions.builder().migrationAutoApply(true).build();
        EmbeddedPostgres pg = null;
        PaperclipDb db;
        if (phases) {
            pg = EmbeddedPostgres.start(server);
            r.put("start_ms", Figures.millisSince(t0));
            long t1 = System.nanoTime();
            db = PaperclipDb.create(pg.connectionUri(), options);
            r.put(cold ? "migrate_ms" : "migrate_check_ms", Figures.millisSince(t1));
        } else {
            db = PaperclipDb.create(DatabaseTarget.embedded(server), options);
            r.put("create_ms", Figures.millisSince(t0));
        }
        long t2 = System.nanoTime();
        Object one = db.dsl().fetchValue("select 1 as one");
        r.put("first_query_ms", Figures.millisSince(t2));
        if (!(one instanceof Number n) || n.intValue() != 1) {
            throw new IllegalStateException("select 1 answered " + one);
        }
        double total = Figures.millisSince(t0);
        r.put("total_ms", total).put("total_incl_jvm_boot_ms", boot + total);
        long s0 = System.nanoTime();
        db.close();
        if (pg != null) {
            pg.close();
        }
        r.put("stop_ms", Figures.millisSince(s0));
        return r;
    }
}
