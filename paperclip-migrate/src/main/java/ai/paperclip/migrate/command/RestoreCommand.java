package ai.paperclip.migrate.command;

import ai.paperclip.db.backup.RestoreResult;
import ai.paperclip.db.migration.MigrationDatabase;
import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.internal.BackupProgressPrinter;
import ai.paperclip.migrate.internal.CliContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code restore FILE [--clean]}: {@code Backups.restore(file, clean)} into the resolved database. */
@Command(name = "restore", description = "Restore FILE (a backup of ours, a pg_dump --format=plain script or a"
        + " TypeScript Paperclip backup; gzipped or not) into the resolved database in one transaction, then apply"
        + " pending migrations. The file is checked to its end first; a database with tables is refused unless --clean.")
public final class RestoreCommand extends BackupFileCommand {

    @Option(names = "--clean", description = "Drop the schemas the backup contains (public included) before restoring.")
    boolean clean;

    @Option(names = "--no-migrate", description = "Leave the schema as restored (by default pending migrations are"
            + " applied after the restore).")
    boolean noMigrate;

    RestoreCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode work() {
        BackupProgressPrinter progress = tableProgress("restore");
        try (MigrationDatabase db = openDatabase()) {
            RestoreResult result;
            try {
                result = backups(db, null, !noMigrate).restore(file.toAbsolutePath(), clean, progress);
            } finally {
                progress.done();
            }
            out().println("Restored " + file + " (" + result.format() + ") into database via " + db.description() + ": "
                    + result.statements() + " statements, " + result.rows() + " rows, " + result.took().toMillis() + " ms");
            result.migrationsApplied().forEach(m -> out().println("  applied " + m));
            return ExitCode.OK;
        }
    }
}
