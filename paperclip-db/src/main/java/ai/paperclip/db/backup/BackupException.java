package ai.paperclip.db.backup;

import ai.paperclip.db.PaperclipDbException;

/** A backup, restore or verification failed; the message says why and what to do, never a password. */
public class BackupException extends PaperclipDbException {

    private static final long serialVersionUID = 1L;

    public BackupException(String message, String sqlState, Throwable cause) {
        super(message, sqlState, cause);
    }
}
