package ai.paperclip.migrate.internal;

import ai.paperclip.db.migration.MigrationListener;
import ai.paperclip.db.migration.MigrationRefusedException;
import ai.paperclip.db.migration.MigrationStatus;
import java.time.Duration;
import java.util.List;

/**
 * Prints each changeset as it is applied, with its time, on stdout. On a terminal a changeset that is
 * running shows as {@code applying ...} first (progress), overwritten when it is done. Refuses, before
 * anything is applied, a database with tables but no history: adopting them is a decision, never a guess.
 */
public final class ProgressListener implements MigrationListener {

    private final CliContext context;
    private final Style style;

    public ProgressListener(CliContext context) {
        this.context = context;
        this.style = new Style(context.terminal());
    }

    @Override
    public void beforeMigrate(MigrationStatus status) {
        if (status.state() == MigrationStatus.State.NOT_MANAGED) {
            throw new MigrationRefusedException("Not migrating: " + StatusReport.reason(status), List.copyOf(status.pending()));
        }
    }

    @Override
    public void applying(String migration, String changeset) {
        if (context.terminal()) {
            context.out().print("  applying " + migration + " (" + changeset + ")...");
            context.out().flush();
        }
    }

    @Override
    public void applied(String migration, String changeset, Duration took) {
        if (context.terminal()) {
            context.out().print("\r\033[K");
        }
        context.out().println("  " + style.ok("applied") + " " + migration + " (" + changeset + ") in " + took.toMillis() + " ms");
        context.out().flush();
    }
}
