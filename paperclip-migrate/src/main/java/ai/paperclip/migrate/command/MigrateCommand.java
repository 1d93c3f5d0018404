package ai.paperclip.migrate.command;

import ai.paperclip.db.migration.MigrationResult;
import ai.paperclip.db.migration.MigrationStatus;
import ai.paperclip.db.migration.Migrator;
import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.internal.CliContext;
import ai.paperclip.migrate.internal.JsonReports;
import ai.paperclip.migrate.internal.OpenDatabase;
import ai.paperclip.migrate.internal.ProgressListener;
import ai.paperclip.migrate.internal.StatusReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code migrate}: applies pending migrations ({@code Migrator.migrate}) under the migration lock. */
@Command(name = "migrate", description = "Apply pending migrations to the resolved database, under the migration lock."
        + " The embedded server is started if needed and stopped afterwards if this command was its last user.")
public final class MigrateCommand extends DatabaseCommand {

    @Option(names = "--json", description = "Print the result as JSON: applied, changesets, tookMs, status.")
    boolean json;

    MigrateCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode run() {
        try (OpenDatabase db = openDatabase()) {
            if (!json) {
                out().println("Migrating database via " + db.description());
                out().flush();
            }
            Migrator migrator = db.migrator(sources(), new ProgressListener(context, json));
            MigrationResult result = migrator.migrate();
            MigrationStatus after = migrator.status();
            if (json) {
                printJson(JsonReports.migrate(db.description(), result, after));
            } else if (result.applied().isEmpty()) {
                out().println("Nothing to migrate: " + StatusReport.reason(after) + ".");
            } else {
                out().printf("Applied %d migration%s in %d ms; %s.%n", result.applied().size(),
                        result.applied().size() == 1 ? "" : "s", result.took().toMillis(), StatusReport.reason(after));
            }
        }
        return ExitCode.OK;
    }
}
