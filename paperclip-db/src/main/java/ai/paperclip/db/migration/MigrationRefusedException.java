package ai.paperclip.db.migration;

import ai.paperclip.db.PaperclipDbException;
import java.util.List;

/**
 * Start-up will not run against this schema: migrations are pending and the policy does not allow
 * applying them, the database has tables but no migration history, or a committed migration was edited
 * after it was applied. The message names the migrations, what to do, and the variables that change the policy.
 */
public class MigrationRefusedException extends PaperclipDbException {

    private static final long serialVersionUID = 1L;

    private final List<String> pending;

    public MigrationRefusedException(String message, List<String> pending) {
        super(message, null, null);
        this.pending = List.copyOf(pending);
    }

    /**
     * Refuses a database with tables but no migration history (a tool's {@link MigrationListener#beforeMigrate}):
     * adopting its tables is a decision ({@code paperclip-migrate adopt}), never a guess.
     *
     * @throws MigrationRefusedException saying {@code Not migrating: } and {@link MigrationStatus#reason()}
     */
    public static void ifNotManaged(MigrationStatus status) {
        if (status.state() == MigrationStatus.State.NOT_MANAGED) {
            throw new MigrationRefusedException("Not migrating: " + status.reason(), status.pending());
        }
    }

    /** The migrations ({@code NNNN_name}) that were not applied. */
    public List<String> pending() {
        return pending;
    }
}
