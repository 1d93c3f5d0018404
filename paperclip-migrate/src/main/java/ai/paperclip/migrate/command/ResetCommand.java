package ai.paperclip.migrate.command;

import ai.paperclip.db.DatabaseTarget;
import ai.paperclip.embedded.EmbeddedPostgres;
import ai.paperclip.embedded.EmbeddedPostgresOptions;
import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.internal.CliContext;
import java.nio.file.Files;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reset --yes}: deletes the embedded data directory ({@code EmbeddedPostgres.reset}); never a server of yours. */
@Command(name = "reset", description = "Delete the embedded PostgreSQL's data directory, with all its data; the next"
        + " start creates a fresh cluster. Embedded only; deletes only a directory that holds a cluster (PG_VERSION),"
        + " and refuses while a server runs on it or a process uses it.")
public final class ResetCommand extends BaseCommand {

    @Option(names = "--yes", description = "Confirm that every row of the embedded database is to be deleted.")
    boolean yes;

    ResetCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode run() {
        DatabaseTarget target = DatabaseTarget.resolve(context.environment());
        if (target.embedded().isEmpty()) {
            err().println("Refusing to reset: the database is " + target.describe() + ", not the embedded one. reset"
                    + " only deletes the embedded data directory; drop a server's schema with its own tools.");
            return ExitCode.RESET_REFUSED;
        }
        EmbeddedPostgresOptions options = target.embedded().get();
        if (!yes) {
            err().println("Refusing to reset without --yes: it deletes " + options.dataDirectory() + " with all its data."
                    + " Run paperclip-migrate reset --yes to confirm.");
            return ExitCode.RESET_REFUSED;
        }
        if (!Files.exists(options.dataDirectory())) {
            out().println("Nothing to reset: " + options.dataDirectory() + " does not exist.");
            return ExitCode.OK;
        }
        if (EmbeddedPostgres.reset(options)) {
            out().println("Deleted " + options.dataDirectory() + "; the next start creates a fresh cluster.");
        } else {
            out().println("Nothing to reset: " + options.dataDirectory() + " holds nothing.");
        }
        return ExitCode.OK;
    }
}
