package ai.paperclip.migrate.command;

import ai.paperclip.db.migration.MigrationDatabase;
import ai.paperclip.db.migration.MigrationStatus;
import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.internal.CliContext;
import ai.paperclip.migrate.internal.StatusReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code status}: applied and pending migrations ({@code Migrator.status()}); exit 3 when migrations are needed. */
@Command(name = "status", description = "Show applied and pending migrations of the resolved database. Exit status 0"
        + " when it is up to date, 3 when it needs migrations.")
public final class StatusCommand extends DatabaseCommand {

    @Option(names = "--json", description = "Print the status as JSON: upToDate, needsMigrations, reason, applied, pending.")
    boolean json;

    StatusCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode run() {
        MigrationStatus status;
        String target;
        try (MigrationDatabase db = openDatabase()) {
            target = db.description();
            status = db.migrator(sources()).status();
        }
        ExitCode code = status.upToDate() ? ExitCode.OK : ExitCode.MIGRATIONS_PENDING;
        if (json) {
            printJson(StatusReport.json(status, target));
            return code;
        }
        out().println("Database via " + target);
        status.applied().forEach(m -> out().println("  " + style.ok("applied") + "  " + m));
        status.pending().forEach(m -> out().println("  " + style.warn("pending") + "  " + m));
        status.unknown().forEach(c -> out().println("  " + style.warn("unknown") + "  " + c
                + " (recorded by a newer version; left alone)"));
        out().println((status.upToDate() ? "Up to date: " : "Needs migrations: ") + status.reason());
        return code;
    }
}
