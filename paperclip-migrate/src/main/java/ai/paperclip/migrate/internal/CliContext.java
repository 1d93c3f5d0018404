package ai.paperclip.migrate.internal;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;

/**
 * What a command may use of the world outside it, passed in by {@code main} (or by a test): the
 * environment, the output streams, whether a person sits at a terminal, and where answers come
 * from. Commands never read {@code System.getenv()}, {@code System.out} or {@code System.console()}.
 *
 * @param environment the process environment (tests pass their own map)
 * @param out results: what a script may parse
 * @param err messages for people: errors, warnings, progress
 * @param terminal whether output goes to a terminal: colours and progress only then
 * @param in answers to questions (only asked when {@code terminal})
 */
public record CliContext(Map<String, String> environment, PrintWriter out, PrintWriter err, boolean terminal,
        BufferedReader in) {

    public CliContext {
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /** Whether a person can be asked: a terminal, and not a CI job ({@code CI=true}). */
    public boolean interactive() {
        return terminal && in != null && !"true".equalsIgnoreCase(environment.get("CI"));
    }
}
