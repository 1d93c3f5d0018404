package ai.paperclip.migrate.internal;

import ai.paperclip.db.migration.MigrationListener;
import ai.paperclip.db.migration.MigrationRefusedException;
import ai.paperclip.db.migration.MigrationStatus;
import java.time.Duration;
import java.util.List;

/**
 * Reports each changeset as it is applied. On a terminal, the one running shows on stderr as
 * {@code applying ...} (progress: a long migration is not a hung command), erased when it is done. The
 * result line of each ({@code applied ... in N ms}) goes to stdout, except with {@code --json}, whose stdout is
 * the one JSON object: then it is progress too (stderr, terminal only). Refuses, before anything is applied, a
 * database with tables but no history: adopting them is a decision, never a guess.
 */
public final class ProgressListener implements MigrationListener {

    private final CliContext context;
    private final Style style;
    private final boolean json;

    public ProgressListener(CliContext context, boolean json) {
        this.context = context;
        this.style = new Style(context.terminal());
        this.json = json;
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
            context.err().print("  applying " + migration + " (" + changeset + ")...");
            context.err().flush();
        }
    }

    @Override
    public void applied(String migration, String changeset, Duration took) {
        String line = "  " + style.ok("applied") + " " + migration + " (" + changeset + ") in " + took.toMillis() + " ms";
        if (context.terminal()) {
            context.err().print("\r\033[K");
            if (json) {
                context.err().println(line);
            }
            context.err().flush();
        }
        if (!json) {
            context.out().println(line);
            context.out().flush();
        }
    }
}
