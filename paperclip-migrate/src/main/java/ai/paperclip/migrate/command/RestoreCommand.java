package ai.paperclip.migrate.command;

import ai.paperclip.db.backup.BackupInProgressException;
import ai.paperclip.db.backup.Backups;
import ai.paperclip.db.backup.CorruptBackupException;
import ai.paperclip.db.backup.RestoreRefusedException;
import ai.paperclip.db.backup.RestoreResult;
import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.internal.BackupSettings;
import ai.paperclip.migrate.internal.CliContext;
import ai.paperclip.migrate.internal.OpenDatabase;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code restore FILE [--clean]}: {@code Backups.restore(file, clean)} into the resolved database. */
@Command(name = "restore", description = "Restore FILE (a backup of ours, a pg_dump --format=plain script or a"
        + " TypeScript Paperclip backup; gzipped or not) into the resolved database in one transaction, then apply"
        + " pending migrations. The file is checked to its end first; a database with tables is refused unless --clean.")
public final class RestoreCommand extends BaseCommand {

    @Parameters(paramLabel = "FILE", description = "The backup file.")
    Path file;

    @Option(names = "--clean", description = "Drop the schemas the backup contains (public included) before restoring.")
    boolean clean;

    @Option(names = "--no-migrate", description = "Leave the schema as restored (by default pending migrations are"
            + " applied after the restore).")
    boolean noMigrate;

    RestoreCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode run() {
        try (OpenDatabase db = OpenDatabase.open(context.environment(), context.terminal() ? context.err() : null)) {
            RestoreResult result = Backups.of(db.url(), BackupSettings.options(context.environment(), null, !noMigrate))
                    .restore(file.toAbsolutePath(), clean);
            out().println("Restored " + file + " (" + result.format() + ") into database via " + db.description() + ": "
                    + result.statements() + " statements, " + result.rows() + " rows, " + result.took().toMillis() + " ms");
            result.migrationsApplied().forEach(m -> out().println("  applied " + m));
            return ExitCode.OK;
        } catch (CorruptBackupException e) {
            err().println("Error: " + e.getMessage());
            return ExitCode.BACKUP_REFUSED;
        } catch (RestoreRefusedException e) {
            err().println("Error: " + e.getMessage());
            return ExitCode.RESTORE_REFUSED;
        } catch (BackupInProgressException e) {
            err().println("Error: " + e.getMessage());
            return ExitCode.BACKUP_IN_PROGRESS;
        }
    }
}
