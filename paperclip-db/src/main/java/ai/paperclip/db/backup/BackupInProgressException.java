package ai.paperclip.db.backup;

/** Another process is backing up or restoring the same database right now; nothing was written. */
public class BackupInProgressException extends BackupException {

    private static final long serialVersionUID = 1L;

    public BackupInProgressException(String message) {
        super(message, null, null);
    }
}
