package ai.paperclip.examples;

import ai.paperclip.db.DatabaseTarget;
import ai.paperclip.db.DbHealth;
import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.examples.demo.CompanyTour;
import java.io.PrintStream;
import java.util.Map;

/**
 * The quick start against a PostgreSQL 17+ server you run: the repository's {@code docker compose up -d}
 * (then {@code DATABASE_URL=postgres://paperclip:paperclip@localhost:5432/paperclip}, as in
 * {@code .env.example}) or a hosted one. An empty database is migrated at start-up; pool settings come
 * from the {@code DATABASE_*} variables.
 */
public final class ExternalDatabase {

    private ExternalDatabase() {
    }

    public static void main(String[] args) {
        Launcher.run("ExternalDatabase", () -> run(System.getenv(), System.out));
    }

    public static CompanyTour.Outcome run(Map<String, String> env, PrintStream out) {
        String url = Launcher.required(env, "DATABASE_URL", "Set it to your server, e.g."
                + " DATABASE_URL=postgres://paperclip:paperclip@localhost:5432/paperclip after docker compose up -d.");
        out.println("Paperclip on " + DatabaseTarget.resolve(env).describe());   // password masked
        out.println();
        PaperclipDbOptions options = PaperclipDbOptions.fromEnvironment(env);
        try (PaperclipDb db = PaperclipDb.create(url, options)) {
            CompanyTour.Outcome outcome = CompanyTour.run(db, out);
            DbHealth health = db.health();
            out.println();
            out.printf("PostgreSQL %s: this database has %d connections of the server's max_connections %d;"
                    + " the pool holds %d (max %d).%n", health.serverVersion(), health.databaseConnections(),
                    health.maxConnections(), health.activeConnections() + health.idleConnections(), health.poolMax());
            return outcome;
        }
    }
}
