package ai.paperclip.migrate.testing;

import ai.paperclip.migrate.PaperclipMigrate;
import ai.paperclip.migrate.internal.CliContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the real commands in this JVM, with the test's own environment and captured stdout and stderr. */
public final class Cli {

    private Cli() {
    }

    public static Run run(Map<String, String> env, String... args) {
        return run(env, false, args);
    }

    /** As {@link #run}, as if stdout and stderr were a terminal: colours and progress on (no questions: no input). */
    public static Run runOnTerminal(Map<String, String> env, String... args) {
        return run(env, true, args);
    }

    private static Run run(Map<String, String> env, boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(env, new PrintWriter(out, true), new PrintWriter(err, true), terminal, null);
        int status = PaperclipMigrate.commandLine(context).execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    /** One command's exit status and output. */
    public record Run(int exitCode, String out, String err) {
        public String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
