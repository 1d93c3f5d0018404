package ai.paperclip.migrate.command;

import ai.paperclip.db.backup.BackupInProgressException;
import ai.paperclip.db.backup.Backups;
import ai.paperclip.db.backup.CorruptBackupException;
import ai.paperclip.db.backup.InstanceBackups;
import ai.paperclip.db.backup.RestoreRefusedException;
import ai.paperclip.db.migration.MigrationDatabase;
import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.internal.BackupProgressPrinter;
import ai.paperclip.migrate.internal.CliContext;
import java.nio.file.Path;

/**
 * What {@code backup}, {@code restore} and {@code verify} share: the instance's backups on the resolved database
 * ({@link InstanceBackups}), and one wording of their refusals: {@code Error: <message>} on stderr with its own exit
 * status (30 a bad file, 31 a database with tables, 33 another backup running), nothing changed; and their progress,
 * table by table, on a terminal.
 */
public abstract class BackupBase extends BaseCommand {

    protected BackupBase(CliContext context) {
        super(context);
    }

    @Override
    protected final ExitCode run() {
        try {
            return work();
        } catch (CorruptBackupException e) {
            return refused(e, ExitCode.BACKUP_REFUSED);
        } catch (RestoreRefusedException e) {
            return refused(e, ExitCode.RESTORE_REFUSED);
        } catch (BackupInProgressException e) {
            return refused(e, ExitCode.BACKUP_IN_PROGRESS);
        }
    }

    /** The command's work; a refusal is thrown. */
    protected abstract ExitCode work();

    /** Backups of {@code db} in {@code dir}, else the instance's backup directory. */
    protected Backups backups(MigrationDatabase db, Path dir, boolean migrate) {
        return InstanceBackups.of(db, context.environment(), dir, migrate);
    }

    /** Table-by-table progress of {@code operation} on a terminal's stderr; call {@code done()} before printing. */
    protected BackupProgressPrinter tableProgress(String operation) {
        return new BackupProgressPrinter(context, operation);
    }

    private ExitCode refused(RuntimeException e, ExitCode code) {
        err().println("Error: " + e.getMessage());
        return code;
    }
}
