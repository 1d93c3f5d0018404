package ai.paperclip.examples;

import static ai.paperclip.db.jooq.Tables.ISSUES;

import ai.paperclip.db.DatabaseTarget;
import ai.paperclip.db.DbHealth;
import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.WriteToken;
import ai.paperclip.examples.demo.CompanyTour;
import java.io.PrintStream;
import java.util.Map;
import org.jooq.impl.DSL;

/**
 * The quick start with its reads on a read replica: {@code DATABASE_URL} is the primary, {@code DATABASE_READ_URL}
 * a streaming standby of it. The tour writes on the primary; the reads after it run on the replica once it
 * has replayed those writes (read-your-writes), and the example prints where each ran and what the replica
 * check sees.
 */
public final class ReadReplicas {

    /** What the example saw; {@code ExamplesIT} checks it. */
    public record Outcome(CompanyTour.Outcome tour, int issues, boolean readOnReplica, WriteToken lastWrite,
                          DbHealth health) {
    }

    private ReadReplicas() {
    }

    public static void main(String[] args) {
        Launcher.run("ReadReplicas", () -> run(System.getenv(), System.out));
    }

    public static Outcome run(Map<String, String> env, PrintStream out) {
        String url = Launcher.required(env, "DATABASE_URL", "Set it to the primary, e.g."
                + " DATABASE_URL=postgres://paperclip:paperclip@primary:5432/paperclip.");
        Launcher.required(env, "DATABASE_READ_URL", "Set it to a streaming replica of the primary, e.g."
                + " DATABASE_READ_URL=postgres://paperclip:paperclip@replica:5432/paperclip.");
        out.println("Paperclip on " + DatabaseTarget.resolve(env).describe());   // password masked
        out.println();
        PaperclipDbOptions options = PaperclipDbOptions.fromEnvironment(env);   // DATABASE_READ_URL and friends
        try (PaperclipDb db = PaperclipDb.create(url, options)) {
            CompanyTour.Outcome tour = CompanyTour.run(db, out);                 // writes: on the primary
            int issues = db.read(ctx -> ctx.fetchCount(ISSUES));                  // sees the tour's writes
            boolean onReplica = db.read(ctx -> ctx.fetchValue(DSL.field("pg_is_in_recovery()", Boolean.class)));
            WriteToken token = db.lastWrite();   // hand it to a caller whose next request must see these writes
            out.println();
            out.printf("Read %d issues on the %s (the last write is at WAL position %s).%n", issues,
                    onReplica ? "replica" : "primary", token);
            DbHealth health = db.health();
            for (DbHealth.Replica replica : health.replicas()) {
                out.printf("Replica %s: %s, lag %s ms.%n", replica.name(),
                        replica.inRotation() ? "in the rotation" : "out: " + replica.problem().orElse(""),
                        replica.lag().map(lag -> String.valueOf(lag.toMillis())).orElse("?"));
            }
            out.printf("Primary: %d of max_connections %d in use (%.0f%%).%n", health.serverConnections(),
                    health.maxConnections(), health.connectionRatio() * 100);
            return new Outcome(tour, issues, onReplica, token, health);
        }
    }
}
