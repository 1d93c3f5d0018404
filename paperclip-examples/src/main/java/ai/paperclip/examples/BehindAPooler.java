package ai.paperclip.examples;

import ai.paperclip.db.DatabaseTarget;
import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.examples.demo.CompanyTour;
import java.io.PrintStream;
import java.util.Map;

/**
 * Paperclip behind a transaction-mode pooler, as on Supabase:
 * <pre>
 * DATABASE_URL=postgres://postgres.REF:PASSWORD@aws-0-REGION.pooler.supabase.com:6543/postgres
 * DATABASE_PREPARED_STATEMENTS=false
 * DATABASE_MIGRATION_URL=postgres://postgres.REF:PASSWORD@aws-0-REGION.pooler.supabase.com:5432/postgres
 * </pre>
 * The application's queries go through the pooler, which hands each transaction whichever server
 * connection is free, so named prepared statements must be off. Migrations hold a session lock from
 * start to end, so they take the direct connection.
 */
public final class BehindAPooler {

    private BehindAPooler() {
    }

    public static void main(String[] args) {
        Launcher.run("BehindAPooler", () -> run(System.getenv(), System.out));
    }

    public static CompanyTour.Outcome run(Map<String, String> env, PrintStream out) {
        String pooled = Launcher.required(env, "DATABASE_URL",
                "Set it to the pooler's URL (Supabase: the connection pooling URL, port 6543).");
        PaperclipDbOptions options = PaperclipDbOptions.fromEnvironment(env);
        if (options.preparedStatements()) {
            throw new IllegalArgumentException("DATABASE_PREPARED_STATEMENTS is not false: behind a transaction-mode"
                    + " pooler, named prepared statements meet other clients' statements (errors such as 'prepared"
                    + " statement \"S_1\" already exists'). Set DATABASE_PREPARED_STATEMENTS=false.");
        }
        String direct = options.migrationUrl().orElseThrow(() -> new IllegalArgumentException(
                "DATABASE_MIGRATION_URL is not set: migrations need a direct connection, not the pooler (Supabase:"
                        + " the same host on port 5432, or the project's direct db.REF.supabase.co URL)."));
        out.println("Queries via the pooler, " + DatabaseTarget.resolve(env).describe());   // passwords masked
        out.println("Migrations via the direct connection, DATABASE_MIGRATION_URL (" + DatabaseTarget.url(direct).describe() + ")");
        out.println();
        try (PaperclipDb db = PaperclipDb.create(pooled, options)) {
            return CompanyTour.run(db, out);
        }
    }
}
