package ai.paperclip.db.backup;

/**
 * The backup file is truncated, corrupted or not a backup: refused before anything was changed in the
 * target database.
 */
public class CorruptBackupException extends BackupException {

    private static final long serialVersionUID = 1L;

    public CorruptBackupException(String message) {
        super(message, null, null);
    }

    public CorruptBackupException(String message, Throwable cause) {
        super(message, null, cause);
    }
}
