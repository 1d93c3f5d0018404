package ai.paperclip.examples;

import ai.paperclip.db.DatabaseTarget;
import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.embedded.EmbeddedPostgres;
import ai.paperclip.examples.demo.CompanyTour;
import java.io.PrintStream;
import java.util.Map;

/**
 * The README's first command: Paperclip's data layer on embedded PostgreSQL, with nothing to install.
 * Creates a company with two agents, a goal, a project, issues and an API key, reads them back and
 * prints a report. Run it again: it finds the company and adds three issues.
 *
 * <p>It finds the database as Paperclip does ({@code DATABASE_URL}, the instance's {@code .env},
 * {@code config.json}, else the embedded server of {@code $PAPERCLIP_HOME/instances/$PAPERCLIP_INSTANCE_ID}).
 */
public final class QuickStart {

    private QuickStart() {
    }

    public static void main(String[] args) {
        Launcher.run("QuickStart", () -> run(System.getenv(), System.out));
    }

    /** The example, with the environment and the output it is given. */
    public static CompanyTour.Outcome run(Map<String, String> env, PrintStream out) {
        DatabaseTarget target = DatabaseTarget.resolve(env);
        PaperclipDbOptions options = PaperclipDbOptions.fromEnvironment(target.environment());
        out.println("Paperclip quick start on " + target.describe());
        out.println();
        try (PaperclipDb db = PaperclipDb.create(target, options)) {
            CompanyTour.Outcome outcome = CompanyTour.run(db, out);
            out.println();
            db.embeddedServer().ifPresentOrElse(
                    server -> whereTheEmbeddedDataLives(server, target, out),
                    () -> out.println("The data lives on your server (" + target.describe() + "). To start over,"
                            + " point DATABASE_URL at a new, empty database."));
            return outcome;
        }
    }

    private static void whereTheEmbeddedDataLives(EmbeddedPostgres server, DatabaseTarget target, PrintStream out) {
        out.println("The data lives in " + server.dataDirectory() + " (PostgreSQL " + server.version()
                + " on 127.0.0.1:" + server.port() + ", user/password/database paperclip).");
        target.instance().ifPresent(instance ->
                out.println("Settings: " + instance.configFile() + " (e.g. {\"database\":{\"embeddedPostgresPort\":54330}})."));
        out.println(server.startedByThisProcess()
                ? "The server stops when this program ends, unless another program still uses it. Run it again to add"
                        + " to the same data;"
                : "The server was already running; its last user stops it when it ends. Run this again to add to the"
                        + " same data;");
        out.println("to start over, delete the data directory while no server runs on it: rm -rf " + server.dataDirectory());
    }
}
