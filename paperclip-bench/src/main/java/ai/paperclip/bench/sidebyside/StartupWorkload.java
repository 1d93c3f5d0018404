package ai.paperclip.bench.sidebyside;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.embedded.EmbeddedPostgres;
import ai.paperclip.embedded.InstanceHome;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * W1 (cold: a new instance) and W1b (warm: an existing, migrated instance whose server is stopped), each
 * in a fresh JVM, timed from process start to the first answered query as the peer's W1/W1b are:
 * {@code start_ms} is the embedded server started and its database ensured, {@code migrate_check_ms} the
 * pool opened with its server-version and migration checks (applying the 13-table core history when cold),
 * {@code first_query_ms} the first jOOQ query. Usage: {@code cold|warm <home> <instance>}.
 */
public final class StartupWorkload {

    private StartupWorkload() {
    }

    public static void main(String[] args) throws Exception {
        double boot = Figures.sinceLaunch();
        boolean cold = args[0].equals("cold");
        InstanceHome home = InstanceHome.of(Path.of(args[1]), args[2]);
        if (!cold && !Files.isRegularFile(home.defaultDataDirectory().resolve("PG_VERSION"))) {
            throw new IllegalStateException(home.defaultDataDirectory() + " has no cluster: run prepare first");
        }
        Figures r = new Figures(cold ? "w1-startup-cold" : "w1b-startup-warm");
        long t0 = System.nanoTime();
        home.createDirectories();
        EmbeddedPostgres pg = EmbeddedPostgres.builder().instanceHome(home).port(Ports.free())
                .registerShutdownHook(false).start();
        double start = Figures.millisSince(t0);
        long t1 = System.nanoTime();
        PaperclipDbOptions options = PaperclipDbOptions.builder().migrationAutoApply(true).build();
        PaperclipDb db = PaperclipDb.create(pg.connectionUri(), options);
        double check = Figures.millisSince(t1);
        long t2 = System.nanoTime();
        Object one = db.dsl().fetchValue("select 1 as one");
        double first = Figures.millisSince(t2);
        if (!(one instanceof Number n) || n.intValue() != 1) {
            throw new IllegalStateException("select 1 answered " + one);
        }
        double total = Figures.millisSince(t0);
        r.put("jvm_boot_ms", boot).put("start_ms", start).put(cold ? "migrate_ms" : "migrate_check_ms", check)
                .put("first_query_ms", first).put("total_ms", total).put("total_incl_jvm_boot_ms", boot + total);
        long s0 = System.nanoTime();
        db.close();
        pg.close();
        r.put("stop_ms", Figures.millisSince(s0));
        r.emit();
    }
}
