package ai.paperclip.migrate.internal;

import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.command.BaseCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Words an error a command did not handle: one line on stderr, {@code Error: <message>}; the stack trace
 * (and the rest of a message longer than a line, such as PostgreSQL's log tail) only with
 * {@code --verbose}. The libraries' messages already say what to do and never contain a password. Every
 * such error exits with {@link ExitCode#FAILURE}; usage errors are picocli's, with {@link ExitCode#USAGE}.
 */
public final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean verbose = commandLine.getCommand() instanceof BaseCommand command && command.verbose();
        String message = message(ex);
        String[] lines = message.split("\\R", 2);
        if (verbose) {
            err.println("Error: " + message);
            ex.printStackTrace(err);
        } else {
            err.println("Error: " + lines[0] + (lines.length > 1 ? " (--verbose shows the details)" : ""));
        }
        err.flush();
        return ExitCode.FAILURE.code();
    }

    private static String message(Throwable ex) {
        String message = ex.getMessage();
        if (message == null || message.isBlank()) {
            return ex.getClass().getSimpleName() + " (run again with --verbose for the stack trace)";
        }
        return message.strip();
    }
}
