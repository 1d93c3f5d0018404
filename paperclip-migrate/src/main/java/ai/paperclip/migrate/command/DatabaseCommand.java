package ai.paperclip.migrate.command;

import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.migrate.internal.CliContext;
import ai.paperclip.migrate.internal.MigrationsOption;
import ai.paperclip.schema.migration.CommittedMigrations;
import ai.paperclip.schema.migration.MigrationException;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

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

    /** {@code NNNN}, {@code NNNN_name} or a number, resolved against the committed history; bad usage otherwise. */
    protected static String tag(CommittedMigrations history, String given, CommandSpec spec) {
        try {
            return history.migration(given).tag();
        } catch (MigrationException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The histories of {@code --migrations}, or Paperclip's own. */
    protected List<MigrationSource> sources() {
        return migrations.sources();
    }
}
