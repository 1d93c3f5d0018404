package ai.paperclip.migrate.command;

import ai.paperclip.db.migration.MigrationDatabase;
import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.internal.CliContext;
import ai.paperclip.migrate.internal.Json;
import ai.paperclip.migrate.internal.Style;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * What every command has: the {@link CliContext} (environment, streams, terminal) and {@code --verbose}.
 * A command returns its exit status; errors it does not handle are thrown and worded once by
 * {@link ai.paperclip.migrate.internal.ErrorHandler}.
 */
public abstract class BaseCommand implements Callable<Integer> {

    @Option(names = "--verbose", description = "Print the stack trace of an error, and INFO logs (jar only).")
    boolean verbose;

    protected final CliContext context;
    protected final Style style;

    protected BaseCommand(CliContext context) {
        this.context = context;
        this.style = new Style(context.terminal());
    }

    @Override
    public final Integer call() throws Exception {
        return run().code();
    }

    /** Does the command's work; returns its exit status. */
    protected abstract ExitCode run() throws Exception;

    /** Whether stack traces were asked for. */
    public boolean verbose() {
        return verbose;
    }

    protected PrintWriter out() {
        return context.out();
    }

    protected PrintWriter err() {
        return context.err();
    }

    /**
     * Opens the resolved database ({@link MigrationDatabase#open}) with the first start's progress on a terminal;
     * close it (try-with-resources): the last user of an embedded server stops it.
     */
    protected MigrationDatabase openDatabase() {
        return MigrationDatabase.open(context.environment(), progress());
    }

    /** Progress lines for stderr on a terminal, else null (nothing): pipes, files and CI logs stay clean. */
    protected Consumer<String> progress() {
        if (!context.terminal()) {
            return null;
        }
        return line -> {
            err().println(line);
            err().flush();
        };
    }

    protected void printJson(Map<String, ?> value) {
        out().println(Json.write(value));
        out().flush();
    }
}
