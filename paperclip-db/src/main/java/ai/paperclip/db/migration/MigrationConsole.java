package ai.paperclip.db.migration;

import java.io.Console;

/**
 * The terminal start-up asks before applying pending migrations (the start-up policy in
 * docs/migrations.md: only {@code y} or {@code yes} applies). Inject
 * your own to ask elsewhere, or {@link #none()} to never ask.
 */
public interface MigrationConsole {

    /** Whether a person can answer right now. */
    boolean interactive();

    /**
     * Asks {@code question} and returns the answer, or {@code null} at end of input. Only called when
     * {@link #interactive()} is true.
     */
    String ask(String question);

    /** The process's terminal ({@link System#console()}), interactive only when there is one. */
    static MigrationConsole system() {
        return new MigrationConsole() {
            @Override
            public boolean interactive() {
                return System.console() != null;
            }

            @Override
            public String ask(String question) {
                Console console = System.console();
                return console == null ? null : console.readLine("%s ", question);
            }

            @Override
            public String toString() {
                return "MigrationConsole.system()";
            }
        };
    }

    /** No terminal: never asks. */
    static MigrationConsole none() {
        return new MigrationConsole() {
            @Override
            public boolean interactive() {
                return false;
            }

            @Override
            public String ask(String question) {
                return null;
            }

            @Override
            public String toString() {
                return "MigrationConsole.none()";
            }
        };
    }
}
