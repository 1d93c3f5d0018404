package ai.paperclip.db.backup;

/** The target database already holds tables and {@code clean} was not asked for; nothing was changed. */
public class RestoreRefusedException extends BackupException {

    private static final long serialVersionUID = 1L;

    public RestoreRefusedException(String message) {
        super(message, null, null);
    }
}
