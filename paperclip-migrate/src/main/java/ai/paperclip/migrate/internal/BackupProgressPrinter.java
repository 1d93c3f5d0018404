package ai.paperclip.migrate.internal;

import ai.paperclip.db.backup.BackupProgress;
import java.util.regex.Pattern;

/**
 * Shows {@code backup}, {@code restore} and {@code verify} working, table by table, on stderr and only on a terminal
 * (as {@link ProgressListener} shows migrations): {@code  backup: table 3 of 13 ("public"."issues"), 1200 rows, 4.2 MB},
 * each line replacing the one before, erased by {@link #done()}. Pipes, files and CI logs get nothing.
 */
public final class BackupProgressPrinter implements BackupProgress {

    private static final String ERASE_LINE = "\r\033[K";
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final CliContext context;
    private final String operation;
    private boolean shown;

    /** @param operation {@code backup}, {@code restore} or {@code verify} */
    public BackupProgressPrinter(CliContext context, String operation) {
        this.context = context;
        this.operation = operation;
    }

    @Override
    public void tableDone(int table, int tables, String name, long rows, long bytes) {
        if (!context.terminal()) {
            return;
        }
        // The name comes from the file being restored: a control character in it must not reach the terminal.
        context.err().print(ERASE_LINE + "  " + operation + ": table " + table + " of " + tables + " ("
                + CONTROL.matcher(name).replaceAll("?") + "), "
                + rows + (rows == 1 ? " row, " : " rows, ") + Sizes.size(bytes));
        context.err().flush();
        shown = true;
    }

    /** Erases the progress line, if one is shown, before the result is printed. */
    public void done() {
        if (shown) {
            context.err().print(ERASE_LINE);
            context.err().flush();
            shown = false;
        }
    }
}
