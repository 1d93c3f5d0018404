package ai.paperclip.migrate.command;

import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.internal.CliContext;
import ai.paperclip.migrate.internal.Json;
import ai.paperclip.migrate.internal.Style;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
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

    protected void printJson(Map<String, ?> value) {
        out().println(Json.write(value));
        out().flush();
    }
}
