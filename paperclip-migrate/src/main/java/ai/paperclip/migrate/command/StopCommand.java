package ai.paperclip.migrate.command;

import ai.paperclip.db.DatabaseTarget;
import ai.paperclip.embedded.EmbeddedPostgres;
import ai.paperclip.embedded.StopResult;
import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.internal.CliContext;
import picocli.CommandLine.Command;

/**
 * {@code stop}: stops an orphaned embedded server of the instance ({@code EmbeddedPostgres.stop}): one no
 * process of this library uses any more, proven to be this instance's, and ghosts of it (servers whose data
 * directory was deleted or moved while they ran). Never a server of yours.
 */
@Command(name = "stop", description = "Stop the instance's embedded PostgreSQL when no process uses it any more (left"
        + " running by a killed application), and servers of this instance whose data directory was deleted or moved"
        + " while they ran. Only a server proven to be this instance's is stopped; refuses (25) while a process still"
        + " uses it.")
public final class StopCommand extends BaseCommand {

    StopCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode run() {
        DatabaseTarget target = DatabaseTarget.resolve(context.environment());
        if (target.embedded().isEmpty()) {
            err().println("Refusing to stop: the database is " + target.describe() + ", not the embedded one. stop only"
                    + " stops the instance's embedded PostgreSQL.");
            return ExitCode.STOP_REFUSED;
        }
        StopResult result = EmbeddedPostgres.stop(target.embedded().get());
        if (result.outcome() == StopResult.Outcome.REFUSED) {
            err().println(result.message());
            return ExitCode.STOP_REFUSED;
        }
        out().println(result.message());
        return ExitCode.OK;
    }
}
