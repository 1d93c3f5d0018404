package ai.paperclip.migrate.command;

import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.migrate.internal.CliContext;
import ai.paperclip.migrate.internal.MigrationsOption;
import ai.paperclip.migrate.internal.OpenDatabase;
import java.util.List;
import picocli.CommandLine.Mixin;

/**
 * A command that works on the database: resolves the target from the environment (DATABASE_URL, the
 * instance .env, config.json, else the embedded server, started if needed and stopped again when this
 * command was its last user) and names the migration histories ({@code --migrations}).
 */
public abstract class DatabaseCommand extends BaseCommand {

    @Mixin
    MigrationsOption migrations;

    protected DatabaseCommand(CliContext context) {
        super(context);
    }

    /** Opens the resolved database; close it (try-with-resources): the last user of an embedded server stops it. */
    protected OpenDatabase openDatabase() {
        return OpenDatabase.open(context.environment(), context.terminal() ? context.err() : null);
    }

    /** The histories of {@code --migrations}, or Paperclip's own. */
    protected List<MigrationSource> sources() {
        return migrations.sources();
    }
}
