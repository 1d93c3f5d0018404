package ai.paperclip.migrate.command;

import ai.paperclip.db.backup.BackupInProgressException;
import ai.paperclip.db.backup.BackupResult;
import ai.paperclip.db.backup.Backups;
import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.internal.BackupSettings;
import ai.paperclip.migrate.internal.CliContext;
import ai.paperclip.migrate.internal.OpenDatabase;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code backup [--dir DIR]}: {@code Backups.backup()} of the resolved database. */
@Command(name = "backup", description = "Write a backup of the resolved database (a gzipped SQL script with a manifest)"
        + " to the instance's data/backups, or --dir. Needs no pg_dump.")
public final class BackupCommand extends BaseCommand {

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to write it. Default: config.json's"
            + " database.backup.dir, else <instance>/data/backups.")
    Path dir;

    @Option(names = "--json", description = "Print the result as JSON: file, sizeBytes, tables, rows, schemaVersion.")
    boolean json;

    BackupCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode run() {
        BackupResult made;
        String target;
        try (OpenDatabase db = OpenDatabase.open(context.environment())) {
            target = db.description();
            made = Backups.of(db.url(), BackupSettings.options(context.environment(), dir, true)).backup();
        } catch (BackupInProgressException e) {
            err().println("Error: " + e.getMessage());
            return ExitCode.BACKUP_IN_PROGRESS;
        }
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("file", made.file().toString());
            result.put("sizeBytes", made.sizeBytes());
            result.put("tables", made.manifest().tables().size());
            result.put("rows", made.manifest().totalRows());
            result.put("schemaVersion", made.manifest().schemaVersion());
            printJson(result);
            return ExitCode.OK;
        }
        out().println("Backed up database via " + target);
        out().println("  " + made.file() + " (" + BackupSettings.size(made.sizeBytes()) + ", "
                + made.manifest().tables().size() + " tables, " + made.manifest().totalRows() + " rows, schema "
                + made.manifest().schemaVersion() + ", " + made.took().toMillis() + " ms)");
        return ExitCode.OK;
    }
}
