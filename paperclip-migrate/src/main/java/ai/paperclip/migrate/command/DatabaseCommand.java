package ai.paperclip.migrate.command;

import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.migrate.internal.CliContext;
import ai.paperclip.migrate.internal.OpenDatabase;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * A command that works on the database: resolves the target from the environment (DATABASE_URL, the
 * instance .env, config.json, else the embedded server, started if needed and stopped again when this
 * command was its last user) and names the migration histories ({@code --migrations}).
 */
public abstract class DatabaseCommand extends BaseCommand {

    static final String CLASSPATH_PREFIX = "classpath:";

    @Option(names = "--migrations", paramLabel = "DIR",
            description = "A migrations folder (the generator's --out), or classpath:<location>; repeat to apply"
                    + " several histories in order. Default: Paperclip's bundled history.")
    List<String> migrations = new ArrayList<>();

    protected DatabaseCommand(CliContext context) {
        super(context);
    }

    /** Opens the resolved database; close it (try-with-resources): the last user of an embedded server stops it. */
    protected OpenDatabase openDatabase() {
        return OpenDatabase.open(context.environment(), context.terminal() ? context.err() : null);
    }

    /** The histories of {@code --migrations}, or Paperclip's own. */
    protected List<MigrationSource> sources() {
        if (migrations.isEmpty()) {
            return List.of(MigrationSource.paperclip());
        }
        return migrations.stream().map(DatabaseCommand::source).toList();
    }

    private static MigrationSource source(String value) {
        if (value.startsWith(CLASSPATH_PREFIX)) {
            return MigrationSource.classpath(DatabaseCommand.class.getClassLoader(),
                    value.substring(CLASSPATH_PREFIX.length()));
        }
        return MigrationSource.folder(java.nio.file.Path.of(value));
    }
}
